import { z } from 'zod';
import { THEME_IDS } from '../core/content/model';
import { InstantSchema } from '../core/time';
import { defineRoute } from './route';

/** A circle's id in a path. */
export const CircleIdParams = z.object({ id: z.string().uuid('must be a circle id') });

/** The body of POST /api/circles. */
export const CreateCircleSchema = z
  .object({
    themeId: z.enum(THEME_IDS).optional(),
    extraTopic: z.string().trim().min(1).max(80).optional(),
    title: z.string().trim().min(1).max(120),
    description: z.string().max(1000).optional(),
    startsAt: InstantSchema,
    durationMinutes: z.number().int().optional(),
    capacity: z.number().int().optional(),
    audience: z.enum(['open', 'organisation']).optional(),
    meetingUrl: z.string().url().max(2048),
  })
  .strict();

/** The body of PATCH /api/circles/:id: any of the editable fields. */
export const EditCircleSchema = CreateCircleSchema.omit({ themeId: true, extraTopic: true, audience: true })
  .partial()
  .strict();

/** A place on a circle, as its holder sees it. */
export const MyBookingSchema = z.object({
  status: z.enum(['confirmed', 'waitlisted']),
  /** Place on the waiting list (1 is next). */
  position: z.number().int().optional(),
});

/** A circle as the caller may see it (the meeting link only for confirmed participants and its facilitator). */
export const CircleSchema = z.object({
  id: z.string(),
  themeId: z.enum(THEME_IDS).nullable(),
  extraTopic: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
  audience: z.enum(['open', 'organisation']),
  organisationId: z.string(),
  status: z.enum(['scheduled', 'cancelled', 'completed']),
  facilitator: z.object({ name: z.string().nullable(), organisationName: z.string().nullable() }),
  seatsLeft: z.number().int(),
  waitlistLength: z.number().int(),
  myBooking: MyBookingSchema.nullable(),
  meetingUrl: z.string().nullable(),
  /** The signed "Add to calendar" link for a confirmed place on a scheduled circle. */
  calendarUrl: z.string().nullable(),
  /** Whether the caller is this circle's facilitator. */
  isMine: z.boolean(),
  /** Whether the caller may manage it (its facilitator, a co-facilitator or an admin): the Facilitate actions. */
  canManage: z.boolean(),
  /** Its co-facilitators' ids, for those who may manage it; null for everyone else. */
  coFacilitatorIds: z.array(z.string()).nullable(),
});

/** A circle's roster, for its facilitator or an admin. */
export const RosterSchema = z.object({
  circleId: z.string(),
  participants: z.array(
    z.object({
      userId: z.string(),
      name: z.string().nullable(),
      status: z.enum(['confirmed', 'waitlisted']),
      position: z.number().int().optional(),
      attended: z.boolean().nullable(),
    }),
  ),
});

/** The body of PUT /api/circles/:id/attendance (and its answer). */
export const AttendanceSchema = z
  .object({ userId: z.string().min(1).max(128), attended: z.boolean() })
  .strict();

/** The body of PUT /api/circles/:id/co-facilitators: the whole list (an empty list removes them all). */
export const CoFacilitatorsRequestSchema = z
  .object({
    userIds: z
      .array(z.string().trim().min(1).max(128))
      .max(3, 'a circle can have at most 3 co-facilitators')
      .refine((ids) => new Set(ids).size === ids.length, 'must not name anyone twice'),
  })
  .strict();

/** A circle's co-facilitators, for those who may manage it. */
export const CoFacilitatorsSchema = z.object({
  circleId: z.string(),
  coFacilitators: z.array(z.object({ userId: z.string(), name: z.string().nullable() })),
});

/** The body of POST /api/admin/facilitators. */
export const FacilitatorRequestSchema = z
  .object({
    userId: z.string().trim().min(1).max(128),
    name: z.string().trim().min(1).max(120),
    organisationName: z.string().trim().min(1).max(200),
    odsCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{3,6}$/, 'must be an NHS ODS code such as RXP')
      .optional(),
    region: z.string().trim().min(1).max(80),
  })
  .strict();

/** A registered facilitator. */
export const FacilitatorSchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisationName: z.string(),
  odsCode: z.string().nullable(),
  region: z.string(),
});

/** Circles: creating, listing, booking, rosters, attendance, calendar files and facilitators. */
export const circleRoutes = {
  create: defineRoute({
    method: 'POST',
    path: '/api/circles',
    operationId: 'createCircle',
    tag: 'circles',
    summary: 'Creates a circle run by the caller (facilitators only).',
    description: 'Defaults: durationMinutes 60 (30–180), capacity 12 (2–25), audience open.',
    access: { kind: 'role', roles: ['facilitator'], refusal: 'Only facilitators can create circles.' },
    body: CreateCircleSchema,
    responses: { 201: { description: 'The new circle.', schema: CircleSchema } },
    errors: ['FORBIDDEN', 'VALIDATION_FAILED'],
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/circles',
    operationId: 'listCircles',
    tag: 'circles',
    summary: 'Upcoming circles the caller may join; with mine=true, the circles the caller facilitates.',
    access: { kind: 'signedIn' },
    query: z
      .object({
        theme: z.enum(THEME_IDS).optional(),
        from: InstantSchema.optional(),
        to: InstantSchema.optional(),
        organisation: z.string().trim().min(1).max(120).optional(),
        available: z.enum(['true', 'false']).optional(),
        mine: z.enum(['true', 'false']).optional(),
        /** Admins only: every circle in any status (the Facilitate page's "All circles"). */
        all: z.enum(['true', 'false']).optional(),
      })
      .strict(),
    responses: { 200: { description: 'The circles.', schema: z.object({ circles: z.array(CircleSchema) }) } },
    errors: ['FORBIDDEN'],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/circles/:id',
    operationId: 'getCircle',
    tag: 'circles',
    summary: 'One circle as the caller may see it.',
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    responses: { 200: { description: 'The circle.', schema: CircleSchema } },
    errors: ['NOT_FOUND'],
  }),
  edit: defineRoute({
    method: 'PATCH',
    path: '/api/circles/:id',
    operationId: 'editCircle',
    tag: 'circles',
    summary:
      'Changes a scheduled circle (its facilitator or an admin); raising capacity promotes the waiting list.',
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    body: EditCircleSchema,
    responses: { 200: { description: 'The circle as changed.', schema: CircleSchema } },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'CIRCLE_CANCELLED', 'VALIDATION_FAILED'],
  }),
  cancel: defineRoute({
    method: 'DELETE',
    path: '/api/circles/:id',
    operationId: 'cancelCircle',
    tag: 'circles',
    summary: 'Cancels a circle that has not started (its facilitator or an admin); participants are told.',
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    responses: { 200: { description: 'The cancelled circle.', schema: CircleSchema } },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'CIRCLE_STARTED', 'CIRCLE_CANCELLED'],
  }),
  book: defineRoute({
    method: 'POST',
    path: '/api/circles/:id/bookings',
    operationId: 'book',
    tag: 'circles',
    summary: 'Books the caller a place, or a place on the waiting list when the circle is full.',
    description: 'No body is read. 201 for a new place, 200 when the caller already held one.',
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    responses: {
      200: { description: 'The place the caller already held.', schema: MyBookingSchema },
      201: { description: 'A new place (confirmed or waitlisted).', schema: MyBookingSchema },
    },
    errors: ['NOT_FOUND', 'CIRCLE_CANCELLED', 'CIRCLE_STARTED', 'NOT_IN_AUDIENCE'],
  }),
  unbook: defineRoute({
    method: 'DELETE',
    path: '/api/circles/:id/bookings/me',
    operationId: 'unbook',
    tag: 'circles',
    summary: "Gives up the caller's place (the next on the waiting list moves up).",
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    responses: {
      200: { description: 'The place is given up.', schema: z.object({ status: z.literal('cancelled') }) },
    },
    errors: ['NOT_FOUND', 'NOT_BOOKED', 'CIRCLE_STARTED'],
  }),
  roster: defineRoute({
    method: 'GET',
    path: '/api/circles/:id/roster',
    operationId: 'roster',
    tag: 'circles',
    summary: "A circle's participants and attendance (its facilitator or an admin); every read is audited.",
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    responses: { 200: { description: 'The roster.', schema: RosterSchema } },
    errors: ['NOT_FOUND', 'FORBIDDEN'],
  }),
  calendar: defineRoute({
    method: 'GET',
    path: '/api/circles/:id/calendar.ics',
    operationId: 'calendar',
    tag: 'circles',
    summary: "A participant's calendar file; the signed link (t) is the credential, no token.",
    access: { kind: 'public', limitedByAddress: true },
    params: CircleIdParams,
    query: z.object({ t: z.string().min(1).max(1024) }).strict(),
    responses: {
      200: {
        description: 'An iCalendar file with one event.',
        schema: z.string(),
        contentType: 'text/calendar',
      },
    },
    errors: ['TOKEN_INVALID', 'NOT_BOOKED'],
  }),
  attendance: defineRoute({
    method: 'PUT',
    path: '/api/circles/:id/attendance',
    operationId: 'markAttendance',
    tag: 'circles',
    summary:
      'Marks whether a confirmed participant attended, once the circle has started (its facilitator or an admin).',
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    body: AttendanceSchema,
    responses: { 200: { description: 'The mark as stored.', schema: AttendanceSchema } },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'NOT_BOOKED', 'VALIDATION_FAILED'],
  }),
  coFacilitators: defineRoute({
    method: 'PUT',
    path: '/api/circles/:id/co-facilitators',
    operationId: 'setCoFacilitators',
    tag: 'circles',
    summary:
      "Replaces a circle's co-facilitators (its facilitator or an admin); they may then manage it too.",
    description:
      "Up to 3 people, each named by Microsoft Entra object id, each holding the facilitator role now (else 400 NOT_A_FACILITATOR), never the circle's own facilitator. Co-facilitators see the roster, mark attendance, edit and cancel the circle while they hold the facilitator role; they cannot change this list.",
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    body: CoFacilitatorsRequestSchema,
    responses: { 200: { description: 'The co-facilitators as stored.', schema: CoFacilitatorsSchema } },
    errors: [
      'NOT_FOUND',
      'FORBIDDEN',
      'CIRCLE_CANCELLED',
      'INVALID_USER_ID',
      'NOT_A_FACILITATOR',
      'VALIDATION_FAILED',
    ],
  }),
  myBookings: defineRoute({
    method: 'GET',
    path: '/api/me/bookings',
    operationId: 'myBookings',
    tag: 'circles',
    summary: 'The circles the caller holds a place on (or waits for).',
    access: { kind: 'signedIn' },
    responses: {
      200: { description: 'The circles.', schema: z.object({ bookings: z.array(CircleSchema) }) },
    },
    errors: [],
  }),
  facilitators: defineRoute({
    method: 'GET',
    path: '/api/facilitators',
    operationId: 'facilitators',
    tag: 'circles',
    summary: 'Registered facilitators, filtered by organisation and region.',
    access: { kind: 'signedIn' },
    query: z
      .object({
        organisation: z.string().trim().min(1).max(120).optional(),
        region: z.string().trim().min(1).max(80).optional(),
      })
      .strict(),
    responses: {
      200: {
        description: 'The facilitators.',
        schema: z.object({ facilitators: z.array(FacilitatorSchema) }),
      },
    },
    errors: [],
  }),
  addFacilitator: defineRoute({
    method: 'POST',
    path: '/api/admin/facilitators',
    operationId: 'addFacilitator',
    tag: 'circles',
    summary: 'Grants the facilitator role and registers the profile (admins).',
    access: {
      kind: 'role',
      roles: ['admin'],
      refusal: 'Only programme leads (admins) can add facilitators.',
    },
    body: FacilitatorRequestSchema,
    responses: {
      201: {
        description: 'The person is a facilitator.',
        schema: z.object({ userId: z.string(), roles: z.array(z.enum(['manager', 'facilitator'])) }),
      },
    },
    errors: ['INVALID_USER_ID'],
  }),
  removeFacilitator: defineRoute({
    method: 'DELETE',
    path: '/api/admin/facilitators/:userId',
    operationId: 'removeFacilitator',
    tag: 'circles',
    summary: 'Revokes the facilitator role and removes the profile (admins), once confirmed.',
    description:
      "Destructive, so the request repeats the person's id as `confirm` (the tab asks first in a dialog); without it the answer is 400 CONFIRMATION_REQUIRED and nothing changes. The revocation takes effect on the person's next request.",
    access: {
      kind: 'role',
      roles: ['admin'],
      refusal: 'Only programme leads (admins) can remove facilitators.',
    },
    params: z.object({ userId: z.string().min(1).max(128) }),
    query: z.object({ confirm: z.string().min(1).max(128).optional() }).strict(),
    responses: {
      200: {
        description: 'The role is revoked.',
        schema: z.object({ userId: z.string(), revoked: z.literal(true) }),
      },
    },
    errors: ['NOT_FOUND', 'INVALID_USER_ID', 'CONFIRMATION_REQUIRED'],
  }),
} as const;

/** A circle as the caller may see it. */
export type Circle = z.infer<typeof CircleSchema>;
/** A place on a circle. */
export type MyBooking = z.infer<typeof MyBookingSchema>;
/** A circle's roster. */
export type Roster = z.infer<typeof RosterSchema>;
/** A registered facilitator. */
export type Facilitator = z.infer<typeof FacilitatorSchema>;
/** What a facilitator sends to create a circle. */
export type CircleDraft = z.input<typeof CreateCircleSchema>;
/** What a facilitator sends to change a circle. */
export type CircleChanges = z.input<typeof EditCircleSchema>;
/** A circle's co-facilitators. */
export type CoFacilitators = z.infer<typeof CoFacilitatorsSchema>;
/** What a facilitator sends to choose co-facilitators. */
export type CoFacilitatorsRequest = z.input<typeof CoFacilitatorsRequestSchema>;
/** What an admin sends to add a facilitator. */
export type FacilitatorRequest = z.input<typeof FacilitatorRequestSchema>;
