import type { Request, Response } from 'restify';
import { DEFAULT_NUDGE_SETTINGS, type NudgeStore } from '../../core/nudges/ports';
import { NudgeSettingsSchema } from '../../core/nudges/settings';
import type { Telemetry } from '../../core/ports';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import type { TabApi } from './tab-api';

/** The caller's own nudge settings: GET and PUT /api/me/nudges. */
export class NudgesApi {
  constructor(
    private readonly tabApi: TabApi,
    private readonly nudges: NudgeStore,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
  ) {}

  /** GET /api/me/nudges: `{enabled, day, time, timeZone}` (the defaults until the caller chooses). */
  async mine(req: Request, res: Response): Promise<void> {
    const caller = await this.tabApi.authenticate(req, res);
    if (!caller) return;
    res.send(200, (await this.nudges.get(caller.userId)) ?? DEFAULT_NUDGE_SETTINGS);
  }

  /** PUT /api/me/nudges: replaces the verified caller's settings (every field required); answers them. */
  async saveMine(req: Request, res: Response): Promise<void> {
    const caller = await this.tabApi.authenticate(req, res);
    if (!caller) return;
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const settings = validate(NudgeSettingsSchema, body.value);
    if (!settings.ok) return sendFailure(res, settings, settings.problems);
    await this.nudges.save(caller.userId, settings.value, this.now());
    this.telemetry.event('nudges.changed', { enabled: settings.value.enabled, via: 'tab' });
    res.send(200, settings.value);
  }
}
