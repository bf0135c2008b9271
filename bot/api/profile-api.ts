import type { networkRoutes } from '../../contract/network';
import type { Stores, Telemetry } from '../../core/ports';
import { REGIONS, type ManagerProfile } from '../../core/profiles/profile';
import type { RouteContext } from '../http/route-table';

type Routes = typeof networkRoutes;

function viewOf(profile: ManagerProfile | undefined) {
  return {
    profile: profile
      ? {
          organisationName: profile.organisationName,
          odsCode: profile.odsCode ?? null,
          region: profile.region,
        }
      : null,
    regions: [...REGIONS],
  };
}

/**
 * The caller's own organisation and region (Settings). Organisation-only circles are bookable by people whose
 * profile names the organisation running them. The profile is the person's own statement; it is not verified.
 */
export class ProfileApi {
  constructor(
    private readonly stores: Stores,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
  ) {}

  /** GET /api/me/profile → {"profile": {…} | null, "regions": […]}. */
  async get({ who, send }: RouteContext<Routes['myProfile']>): Promise<void> {
    send(200, viewOf(await this.stores.profiles.get(who.caller.userId)));
  }

  /** PUT /api/me/profile {"organisationName","odsCode"?,"region"}. */
  async put({ who, body, send }: RouteContext<Routes['saveProfile']>): Promise<void> {
    const profile: ManagerProfile = { userId: who.caller.userId, ...body, odsCode: body.odsCode };
    await this.stores.profiles.put(profile, this.now());
    this.telemetry.event('profile.saved', { hasOdsCode: profile.odsCode !== undefined });
    send(200, viewOf(profile));
  }
}
