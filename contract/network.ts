import { z } from 'zod';
import { CIRCLE_LIMITS } from '../core/circles/circle';
import { ODS_CODE_PATTERN, PROFILE_LIMITS, REGIONS } from '../core/profiles/profile';
import { InstantSchema } from '../core/time';
import { defineRoute } from './route';

/**
 * Managers' own profiles, the facilitator network, impact for programme leads and facilitators, and Teams meeting
 * creation (issue 14).
 */

/** The body of PUT /api/me/profile. An ODS code is upper-cased before its format is checked. */
export const ProfileBodySchema = z
  .object({
    organisationName: z.string().trim().min(1).max(PROFILE_LIMITS.organisationName.max),
    odsCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(ODS_CODE_PATTERN, 'must be an NHS ODS code: 3 to 6 letters or digits, such as RXP or R1H')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    region: z.enum(REGIONS),
  })
  .strict();

/** The caller's profile and the regions to choose from. */
export const ProfileViewSchema = z.object({
  profile: z
    .object({ organisationName: z.string(), odsCode: z.string().nullable(), region: z.string() })
    .nullable(),
  regions: z.array(z.string()),
});

/** One facilitator in the network directory. */
export const DirectoryEntrySchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisationName: z.string(),
  odsCode: z.string().nullable(),
  region: z.string(),
  themes: z.array(z.string()),
  circlesRun: z.number().int(),
});

/** A day, YYYY-MM-DD, that exists on the calendar. */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine(
    (day) =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
      new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'must be a real date',
  );

/** The widest impact range, in days (five years). */
export const IMPACT_MAX_DAYS = 1830;

/** The query of the impact routes: a day range (default: the 365 days ending today). */
export const ImpactQuerySchema = z.object({ from: Day.optional(), to: Day.optional() }).strict();

/** A count as shown: the number, or "<5" for 1 to 4 (small-number suppression). */
const ShownCountSchema = z.union([z.number().int(), z.literal('<5')]);
const CountsShape = {
  circlesRun: ShownCountSchema,
  seatsOffered: ShownCountSchema,
  seatsFilled: ShownCountSchema,
  attended: ShownCountSchema,
  uniqueParticipants: ShownCountSchema,
  returningParticipants: ShownCountSchema,
  feedbackResponses: ShownCountSchema,
  helpfulMean: z.number().optional(),
  recommendRate: z.number().optional(),
};

/** Impact for a day range: totals and groups, every count from 1 to 4 shown as "<5". */
export const ImpactReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object(CountsShape),
  byTheme: z.array(z.object({ ...CountsShape, themeId: z.string() })),
  byRegion: z.array(z.object({ ...CountsShape, region: z.string() })),
  byOrganisation: z.array(
    z.object({ ...CountsShape, organisationId: z.string(), organisationName: z.string() }),
  ),
  guides: z.array(z.object({ guideId: z.string(), helpful: ShownCountSchema, notHelpful: ShownCountSchema })),
  unansweredTopics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
});

/** The body of POST /api/meetings. */
export const CreateMeetingBodySchema = z
  .object({
    subject: z.string().trim().min(1).max(CIRCLE_LIMITS.title.max),
    startsAt: InstantSchema,
    durationMinutes: z
      .number()
      .int()
      .min(CIRCLE_LIMITS.durationMinutes.min)
      .max(CIRCLE_LIMITS.durationMinutes.max),
  })
  .strict();

const RANGE_ERRORS = ['VALIDATION_FAILED'] as const;

/** Profiles, the directory, impact and meetings. */
export const networkRoutes = {
  myProfile: defineRoute({
    method: 'GET',
    path: '/api/me/profile',
    operationId: 'myProfile',
    tag: 'network',
    summary: "The caller's organisation and region (Settings), and the regions to choose from.",
    access: { kind: 'signedIn' },
    responses: { 200: { description: 'The profile, or null.', schema: ProfileViewSchema } },
    errors: [],
  }),
  saveProfile: defineRoute({
    method: 'PUT',
    path: '/api/me/profile',
    operationId: 'saveMyProfile',
    tag: 'network',
    summary: "Sets the caller's organisation (name, optional ODS code) and region.",
    description:
      "Organisation-only circles are bookable by people whose profile names the organisation running them. The profile is the person's own statement; it is not verified.",
    access: { kind: 'signedIn' },
    body: ProfileBodySchema,
    responses: { 200: { description: 'The profile as stored.', schema: ProfileViewSchema } },
    errors: [],
  }),
  directory: defineRoute({
    method: 'GET',
    path: '/api/facilitators/directory',
    operationId: 'facilitatorDirectory',
    tag: 'network',
    summary:
      'The facilitator network: organisation, ODS code, region, themes and circles run (facilitators and admins).',
    access: {
      kind: 'role',
      roles: ['facilitator', 'admin'],
      refusal: 'Only facilitators and programme leads can see the facilitator directory.',
    },
    query: z.object({ q: z.string().trim().max(120).optional() }).strict(),
    responses: {
      200: {
        description: 'Matching facilitators, by name.',
        schema: z.object({ facilitators: z.array(DirectoryEntrySchema) }),
      },
    },
    errors: [],
  }),
  adminImpact: defineRoute({
    method: 'GET',
    path: '/api/admin/impact',
    operationId: 'adminImpact',
    tag: 'impact',
    summary: 'Impact of every circle in a day range, with small-number suppression (admins).',
    access: { kind: 'role', roles: ['admin'], refusal: 'Only programme leads (admins) can see impact.' },
    query: ImpactQuerySchema,
    responses: { 200: { description: 'The report.', schema: ImpactReportSchema } },
    errors: [...RANGE_ERRORS],
  }),
  adminImpactCsv: defineRoute({
    method: 'GET',
    path: '/api/admin/impact.csv',
    operationId: 'adminImpactCsv',
    tag: 'impact',
    summary: 'The same report as CSV, one row per group, with the same suppression (admins).',
    access: { kind: 'role', roles: ['admin'], refusal: 'Only programme leads (admins) can see impact.' },
    query: ImpactQuerySchema,
    responses: {
      200: { description: 'The report as CSV.', schema: z.string(), contentType: 'text/csv' },
    },
    errors: [...RANGE_ERRORS],
  }),
  facilitatorImpact: defineRoute({
    method: 'GET',
    path: '/api/facilitator/impact',
    operationId: 'facilitatorImpact',
    tag: 'impact',
    summary: "The same report for the caller's own circles only (facilitators and admins).",
    access: {
      kind: 'role',
      roles: ['facilitator', 'admin'],
      refusal: 'Only facilitators can see the impact of their circles.',
    },
    query: ImpactQuerySchema,
    responses: { 200: { description: 'The report.', schema: ImpactReportSchema } },
    errors: [...RANGE_ERRORS],
  }),
  createMeeting: defineRoute({
    method: 'POST',
    path: '/api/meetings',
    operationId: 'createMeeting',
    tag: 'network',
    summary: 'Creates a Teams meeting on the facilitator’s behalf through Microsoft Graph (on-behalf-of).',
    description:
      'Answers 503 MEETINGS_UNAVAILABLE when the service is not set up for it; facilitators then paste a link.',
    access: {
      kind: 'role',
      roles: ['facilitator', 'admin'],
      refusal: 'Only facilitators and programme leads can create circle meetings.',
    },
    body: CreateMeetingBodySchema,
    responses: { 201: { description: 'The join link.', schema: z.object({ joinUrl: z.string() }) } },
    errors: ['VALIDATION_FAILED', 'MEETINGS_UNAVAILABLE', 'MEETING_CONSENT_REQUIRED', 'MEETING_NOT_CREATED'],
  }),
} as const;

/** A count as the impact report shows it: a number, or "<5" for 1 to 4. */
export type ShownCount = z.output<typeof ShownCountSchema>;
/** GET /api/admin/impact and /api/facilitator/impact. */
export type ImpactReport = z.output<typeof ImpactReportSchema>;
/** The counts of one group of circles in an impact report. */
export type ImpactCounts = ImpactReport['totals'];
/** The organisation and region a person gave in Settings. */
export type Profile = NonNullable<z.output<typeof ProfileViewSchema>['profile']>;
/** One facilitator in the network directory. */
export type DirectoryEntry = z.output<typeof DirectoryEntrySchema>;
