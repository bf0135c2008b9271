import type { privacyRoutes } from '../../contract/privacy';
import type { RouteContext } from '../http/route-table';
import type { PersonalDataService } from '../personal-data';

type Routes = typeof privacyRoutes;

/** The caller's UK GDPR rights over their own data: GET and DELETE /api/me/data. */
export class PrivacyApi {
  constructor(private readonly personalData: PersonalDataService) {}

  /** GET /api/me/data: everything held about the verified caller, as a JSON download. */
  async exportMine({ res, who, send }: RouteContext<Routes['exportMine']>): Promise<void> {
    const report = await this.personalData.exportFor(who.caller.userId);
    res.header('Cache-Control', 'no-store');
    res.header('Content-Disposition', 'attachment; filename="leading-compassionately-my-data.json"');
    send(200, report);
  }

  /** DELETE /api/me/data: erases the verified caller (never anyone named in the request); 204 when done. */
  async eraseMine({ res, who, send }: RouteContext<Routes['eraseMine']>): Promise<void> {
    await this.personalData.erase(who.caller.userId);
    res.header('Cache-Control', 'no-store');
    send(204);
  }
}
