import type { Request, Response } from 'restify';
import type { PersonalDataService } from '../personal-data';
import type { TabApi } from './tab-api';

/** The caller's UK GDPR rights over their own data: GET and DELETE /api/me/data. */
export class PrivacyApi {
  constructor(
    private readonly tabApi: TabApi,
    private readonly personalData: PersonalDataService,
  ) {}

  /** GET /api/me/data: everything held about the verified caller, as a JSON download. */
  async exportMine(req: Request, res: Response): Promise<void> {
    const caller = await this.tabApi.authenticate(req, res);
    if (!caller) return;
    const report = await this.personalData.exportFor(caller.userId);
    res.header('Cache-Control', 'no-store');
    res.header('Content-Disposition', 'attachment; filename="leading-compassionately-my-data.json"');
    res.send(200, report);
  }

  /** DELETE /api/me/data: erases the verified caller (never anyone named in the request); 204 when done. */
  async eraseMine(req: Request, res: Response): Promise<void> {
    const caller = await this.tabApi.authenticate(req, res);
    if (!caller) return;
    await this.personalData.erase(caller.userId);
    res.header('Cache-Control', 'no-store');
    res.send(204);
  }
}
