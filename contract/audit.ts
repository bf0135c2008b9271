import { z } from 'zod';
import { AUDIT_ACTIONS } from '../core/audit/ports';
import { InstantSchema } from '../core/time';
import { defineRoute } from './route';

/** The most audit rows one page may hold, and how many a page holds unless asked. */
export const AUDIT_PAGE = { max: 200, default: 50 } as const;

/** One audit row: who did what to which object, and when (ids only, never names or free text). */
export const AuditEventSchema = z.object({
  id: z.number().int(),
  actorId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  circleId: z.string().nullable(),
  subjectId: z.string().nullable(),
  at: z.string(),
});

/** One page of the audit log, newest first; `nextBefore` asks for the next (older) page. */
export const AuditPageSchema = z.object({
  events: z.array(AuditEventSchema),
  nextBefore: z.number().int().nullable(),
});

/** One audit row, as the API sends it. */
export type AuditEvent = z.output<typeof AuditEventSchema>;
/** One page of the audit log, as the API sends it. */
export type AuditPage = z.output<typeof AuditPageSchema>;

/** The audit log for programme leads. */
export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/audit',
    operationId: 'listAudit',
    tag: 'admin',
    summary: 'One page of the audit log, newest first (admins).',
    description:
      'Role grants and revocations, circle edits and cancellations, attendance marks, roster reads, exports and erasures. `nextBefore` asks for the next (older) page; null when this page is the last.',
    access: {
      kind: 'role',
      roles: ['admin'],
      refusal: 'Only programme leads (admins) can read the audit log.',
    },
    query: z
      .object({
        from: InstantSchema.optional(),
        to: InstantSchema.optional(),
        limit: z.coerce.number().int().min(1).max(AUDIT_PAGE.max).default(AUDIT_PAGE.default),
        /** The previous page's `nextBefore`: only older rows. */
        before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
      })
      .strict(),
    responses: {
      200: {
        description: 'The page and the id to continue from.',
        schema: AuditPageSchema,
      },
    },
    errors: [],
  }),
} as const;
