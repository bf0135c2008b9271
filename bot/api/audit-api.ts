import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { AuditStore } from '../../core/audit/ports';
import { InstantSchema } from '../../core/time';
import { validate } from '../http/body';
import { sendFailure } from '../http/responses';
import { queryOf } from './content-api';
import type { TabApi } from './tab-api';

/** The most audit rows one page may hold, and how many a page holds unless asked. */
export const AUDIT_PAGE = { max: 200, default: 50 } as const;

/** GET /api/admin/audit's query: a time window and a page. */
const AuditQuerySchema = z
  .object({
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE.max).default(AUDIT_PAGE.default),
    /** The previous page's `nextBefore`: only older rows. */
    before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/** The audit log for programme leads: who did what to which object, and when (ids only, newest first). */
export class AuditApi {
  constructor(
    private readonly audit: AuditStore,
    private readonly tabApi: TabApi,
  ) {}

  /**
   * GET /api/admin/audit?from=&to=&limit=&before= (admins only): one page of audit rows, newest first, and the
   * `nextBefore` to ask for the next (older) page, or null when this page is the last.
   */
  async list(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.authorise(
      req,
      res,
      ['admin'],
      'Only programme leads (admins) can read the audit log.',
    );
    if (!who) return;
    const query = validate(AuditQuerySchema, queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    const { from, to, limit, before } = query.value;
    // One row more than asked says whether an older page exists.
    const rows = await this.audit.list({
      from: from === undefined ? undefined : new Date(from).toISOString(),
      to: to === undefined ? undefined : new Date(to).toISOString(),
      before,
      limit: limit + 1,
    });
    const events = rows.slice(0, limit);
    const last = events[events.length - 1];
    res.send(200, { events, nextBefore: rows.length > limit && last ? last.id : null });
  }
}
