import type { Request, Response } from 'restify';
import { facilitatorDirectory } from '../../core/network/directory';
import type { Stores } from '../../core/ports';
import { validate } from '../http/body';
import { sendFailure } from '../http/responses';
import { queryOf } from './content-api';
import { DirectoryQuerySchema } from './directory-schemas';
import type { TabApi } from './tab-api';

/** The facilitator network directory, for facilitators and programme leads. */
export class DirectoryApi {
  constructor(
    private readonly stores: Stores,
    private readonly tabApi: TabApi,
    private readonly now: () => Date,
  ) {}

  /** GET /api/facilitators/directory?q= (facilitators and admins). */
  async list(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.authorise(
      req,
      res,
      ['facilitator', 'admin'],
      'Only facilitators and programme leads can see the facilitator directory.',
    );
    if (!who) return;
    const query = validate(DirectoryQuerySchema, queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    const entries = facilitatorDirectory(
      await this.stores.facilitators.search({}),
      await this.stores.circles.list({ from: '1970-01-01T00:00:00.000Z' }),
      query.value.q,
      this.now(),
    );
    res.send(200, {
      facilitators: entries.map((entry) => ({ ...entry, odsCode: entry.odsCode ?? null })),
    });
  }
}
