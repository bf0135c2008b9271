import type { auditRoutes } from '../../contract/audit';
import type { AuditStore } from '../../core/audit/ports';
import type { RouteContext } from '../http/route-table';

/** The audit log for programme leads: who did what to which object, and when (ids only, newest first). */
export class AuditApi {
  constructor(private readonly audit: AuditStore) {}

  /**
   * GET /api/admin/audit?from=&to=&limit=&before= (admins only): one page of audit rows, newest first, and the
   * `nextBefore` to ask for the next (older) page, or null when this page is the last.
   */
  async list({ query, send }: RouteContext<typeof auditRoutes.list>): Promise<void> {
    const { from, to, limit, before } = query;
    // One row more than asked says whether an older page exists.
    const rows = await this.audit.list({
      from: from === undefined ? undefined : new Date(from).toISOString(),
      to: to === undefined ? undefined : new Date(to).toISOString(),
      before,
      limit: limit + 1,
    });
    const events = rows.slice(0, limit);
    const last = events[events.length - 1];
    send(200, { events, nextBefore: rows.length > limit && last ? last.id : null });
  }
}
