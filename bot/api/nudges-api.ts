import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { ContentLibrary } from '../../core/content/model';
import { ErrorCodes, fail } from '../../core/errors';
import type { Broadcasts } from '../nudges/broadcasts';
import type { NudgeScheduler } from '../nudges/scheduler';
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

const BroadcastBodySchema = z.object({ guideId: z.string().trim().min(1).max(80) }).strict();
const BroadcastIdSchema = z.string().uuid('must be a broadcast id');

/**
 * Programme leads' routes: POST /api/admin/broadcasts (a guide to everyone with nudges on), GET
 * /api/admin/broadcasts/:id (its delivery report), POST /api/admin/broadcasts/:id/resend (failed recipients
 * only) and POST /api/admin/nudges/run (this week's nudges now, for people who have not had them).
 */
export class AdminNudgesApi {
  constructor(
    private readonly tabApi: TabApi,
    private readonly broadcasts: Broadcasts,
    private readonly scheduler: NudgeScheduler,
    private readonly library: () => ContentLibrary,
    private readonly telemetry: Telemetry,
  ) {}

  private admin(req: Request, res: Response, what: string) {
    return this.tabApi.authorise(req, res, ['admin'], `Only programme leads can ${what}.`);
  }

  /** POST /api/admin/broadcasts {"guideId"}: 202 {"id"} once every recipient's message is queued. */
  async send(req: Request, res: Response): Promise<void> {
    if (!(await this.admin(req, res, 'send a broadcast'))) return;
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const request = validate(BroadcastBodySchema, body.value);
    if (!request.ok) return sendFailure(res, request, request.problems);
    const { guideId } = request.value;
    if (!this.library().guides.some((guide) => guide.id === guideId)) {
      return sendFailure(res, fail(ErrorCodes.NOT_FOUND, `There is no guide '${guideId}'.`));
    }
    const sent = await this.broadcasts.send(guideId);
    if (!sent.ok) return sendFailure(res, sent);
    res.send(202, { id: sent.value.id });
  }

  /** GET /api/admin/broadcasts/:id: {"id","total","sent","failed","retired","pending"}. */
  async report(req: Request, res: Response): Promise<void> {
    if (!(await this.admin(req, res, 'see broadcasts'))) return;
    const id = validate(BroadcastIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id);
    const report = await this.broadcasts.report(id.value);
    if (!report) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such broadcast.'));
    res.send(200, report);
  }

  /** POST /api/admin/broadcasts/:id/resend: queues the failed recipients again; 202 {"id","requeued"}. */
  async resend(req: Request, res: Response): Promise<void> {
    if (!(await this.admin(req, res, 'resend a broadcast'))) return;
    const id = validate(BroadcastIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id);
    if (!(await this.broadcasts.report(id.value))) {
      return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such broadcast.'));
    }
    res.send(202, { id: id.value, requeued: await this.broadcasts.resendFailed(id.value) });
  }

  /**
   * POST /api/admin/nudges/run: this week's nudge, now, for everyone with nudges on who has not had this week's
   * (still one per person per week); 200 {"queued","unreachable"}.
   */
  async runNudges(req: Request, res: Response): Promise<void> {
    if (!(await this.admin(req, res, "send this week's nudges"))) return;
    const run = await this.scheduler.runThisWeek();
    this.telemetry.event('nudges.runByAdmin', { ...run });
    res.send(200, run);
  }
}
