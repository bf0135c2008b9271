import { z } from 'zod';
import { ROLES } from '../core/identity';
import { AuditEventSchema } from './audit';
import { defineRoute } from './route';

/** GET /api/me/data: everything held about the caller (UK GDPR subject access). */
export const PersonalDataSchema = z.object({
  userId: z.string(),
  exportedAt: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), grantedAt: z.string() })),
  bookings: z.array(
    z.object({
      circleId: z.string(),
      circleTitle: z.string(),
      circleStartsAt: z.string(),
      status: z.enum(['confirmed', 'waitlisted']),
      displayName: z.string().nullable(),
      attended: z.boolean().nullable(),
      bookedAt: z.string(),
    }),
  ),
  /** Personal chats with the bot (ids to reach them 1:1, and the day of the last message). */
  conversations: z.array(
    z.object({
      conversationId: z.string(),
      scope: z.enum(['personal', 'groupChat', 'channel']),
      channelId: z.string(),
      serviceUrl: z.string(),
      tenantId: z.string().optional(),
      botId: z.string(),
      userId: z.string().optional(),
      userAadObjectId: z.string().optional(),
      teamId: z.string().optional(),
      title: z.string().optional(),
      updatedAt: z.string(),
    }),
  ),
  facilitatorProfile: z
    .object({
      userId: z.string(),
      name: z.string(),
      organisationName: z.string(),
      odsCode: z.string().optional(),
      region: z.string(),
    })
    .nullable(),
  circlesFacilitated: z.array(
    z.object({ circleId: z.string(), title: z.string(), startsAt: z.string(), status: z.string() }),
  ),
  /** Circles they are a co-facilitator of. */
  circlesCoFacilitated: z.array(
    z.object({ circleId: z.string(), title: z.string(), startsAt: z.string(), status: z.string() }),
  ),
  rosterReads: z.array(z.object({ circleId: z.string(), readAt: z.string() })),
  /** Audit rows where the person acted or was acted on (ids, a fixed action name and a time). */
  auditEvents: z.array(AuditEventSchema),
  /** Their nudge settings (null when never chosen) and the guide planned for each week they were nudged. */
  nudges: z.object({
    settings: z
      .object({ enabled: z.boolean(), day: z.string(), time: z.string(), timeZone: z.string() })
      .nullable(),
    history: z.array(z.object({ week: z.string(), guideId: z.string() })),
  }),
  /** The organisation and region the person gave in Settings, or null. */
  profile: z
    .object({ organisationName: z.string(), odsCode: z.string().nullable(), region: z.string() })
    .nullable(),
  /** What the service keeps that is not linked to the person (anonymous votes, unanswered questions). */
  notLinkedToYou: z.array(z.string()),
});

/** The caller's UK GDPR rights over their own data. */
export const privacyRoutes = {
  exportMine: defineRoute({
    method: 'GET',
    path: '/api/me/data',
    operationId: 'exportMyData',
    tag: 'privacy',
    summary: 'Everything held about the verified caller, as a JSON download.',
    access: { kind: 'signedIn' },
    responses: {
      200: {
        description: 'The export.',
        schema: PersonalDataSchema,
        headers: { 'Content-Disposition': 'attachment; filename="leading-compassionately-my-data.json"' },
      },
    },
    errors: [],
  }),
  eraseMine: defineRoute({
    method: 'DELETE',
    path: '/api/me/data',
    operationId: 'eraseMyData',
    tag: 'privacy',
    summary:
      'Erases the verified caller: places given up, rosters and audit rows pseudonymised, chats deleted.',
    access: { kind: 'signedIn' },
    responses: { 204: { description: 'Erased.' } },
    errors: [],
  }),
} as const;

/** GET /api/me/data. */
export type PersonalData = z.infer<typeof PersonalDataSchema>;
