import type { Request, Response } from 'restify';
import type { Stores, Telemetry } from '../../core/ports';
import { REGIONS, type ManagerProfile } from '../../core/profiles/profile';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import { ProfileBodySchema } from './profile-schemas';
import type { TabApi } from './tab-api';

function viewOf(profile: ManagerProfile | undefined) {
  return {
    profile: profile
      ? {
          organisationName: profile.organisationName,
          odsCode: profile.odsCode ?? null,
          region: profile.region,
        }
      : null,
    regions: REGIONS,
  };
}

/**
 * The caller's own organisation and region (Settings). Organisation-only circles are bookable by people whose
 * profile names the organisation running them. The profile is the person's own statement; it is not verified.
 */
export class ProfileApi {
  constructor(
    private readonly stores: Stores,
    private readonly tabApi: TabApi,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
  ) {}

  /** GET /api/me/profile → {"profile": {…} | null, "regions": […]}. */
  async get(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    res.send(200, viewOf(await this.stores.profiles.get(who.caller.userId)));
  }

  /** PUT /api/me/profile {"organisationName","odsCode"?,"region"}. */
  async put(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const input = validate(ProfileBodySchema, body.value);
    if (!input.ok) return sendFailure(res, input, input.problems);
    const profile: ManagerProfile = {
      userId: who.caller.userId,
      ...input.value,
      odsCode: input.value.odsCode,
    };
    await this.stores.profiles.put(profile, this.now());
    this.telemetry.event('profile.saved', { hasOdsCode: profile.odsCode !== undefined });
    res.send(200, viewOf(profile));
  }
}
