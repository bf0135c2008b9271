import type { networkRoutes } from '../../contract/network';
import { facilitatorDirectory } from '../../core/network/directory';
import type { Stores } from '../../core/ports';
import type { RouteContext } from '../http/route-table';

/** The facilitator network directory, for facilitators and programme leads. */
export class DirectoryApi {
  constructor(
    private readonly stores: Stores,
    private readonly now: () => Date,
  ) {}

  /** GET /api/facilitators/directory?q= (facilitators and admins). */
  async list({ query, send }: RouteContext<typeof networkRoutes.directory>): Promise<void> {
    const entries = facilitatorDirectory(
      await this.stores.facilitators.search({}),
      await this.stores.circles.list({ from: '1970-01-01T00:00:00.000Z' }),
      query.q,
      this.now(),
    );
    send(200, { facilitators: entries.map((entry) => ({ ...entry, odsCode: entry.odsCode ?? null })) });
  }
}
