import { z } from 'zod';
import { NudgeSettingsSchema } from '../core/nudges/settings';
import { defineRoute } from './route';

/** A broadcast's delivery report: its rows by status. */
export const BroadcastReportSchema = z.object({
  id: z.string(),
  total: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  retired: z.number().int(),
  pending: z.number().int(),
});

/** A broadcast's id in a path. */
const BroadcastIdParams = z.object({ id: z.string().uuid('must be a broadcast id') });

/** Nudges (opt-in weekly guides) and broadcasts from programme leads. */
export const nudgeRoutes = {
  mine: defineRoute({
    method: 'GET',
    path: '/api/me/nudges',
    operationId: 'myNudges',
    tag: 'nudges',
    summary: "The caller's nudge settings (off, Monday 09:00 Europe/London, until they choose).",
    access: { kind: 'signedIn' },
    responses: { 200: { description: 'The settings.', schema: NudgeSettingsSchema } },
    errors: [],
  }),
  saveMine: defineRoute({
    method: 'PUT',
    path: '/api/me/nudges',
    operationId: 'saveMyNudges',
    tag: 'nudges',
    summary: 'Turns weekly nudges on or off and sets their day, time and time zone.',
    access: { kind: 'signedIn' },
    body: NudgeSettingsSchema,
    responses: { 200: { description: 'The settings as stored.', schema: NudgeSettingsSchema } },
    errors: [],
  }),
  broadcast: defineRoute({
    method: 'POST',
    path: '/api/admin/broadcasts',
    operationId: 'sendBroadcast',
    tag: 'nudges',
    summary: 'Sends a guide card 1:1 to everyone with nudges on, through the outbox (admins).',
    access: { kind: 'role', roles: ['admin'], refusal: 'Only programme leads can send a broadcast.' },
    body: z.object({ guideId: z.string().trim().min(1).max(80) }).strict(),
    responses: { 202: { description: 'Queued; follow it by its id.', schema: z.object({ id: z.string() }) } },
    errors: ['NOT_FOUND', 'NO_RECIPIENTS'],
  }),
  broadcastReport: defineRoute({
    method: 'GET',
    path: '/api/admin/broadcasts/:id',
    operationId: 'broadcastReport',
    tag: 'nudges',
    summary: "A broadcast's progress: total, sent, failed, retired and pending (admins).",
    access: { kind: 'role', roles: ['admin'], refusal: 'Only programme leads can see broadcasts.' },
    params: BroadcastIdParams,
    responses: { 200: { description: 'The report.', schema: BroadcastReportSchema } },
    errors: ['NOT_FOUND'],
  }),
  resendBroadcast: defineRoute({
    method: 'POST',
    path: '/api/admin/broadcasts/:id/resend',
    operationId: 'resendBroadcast',
    tag: 'nudges',
    summary: 'Sends a broadcast again to its failed recipients only (admins).',
    access: { kind: 'role', roles: ['admin'], refusal: 'Only programme leads can resend a broadcast.' },
    params: BroadcastIdParams,
    responses: {
      202: {
        description: 'The failed rows are queued again.',
        schema: z.object({ id: z.string(), requeued: z.number().int() }),
      },
    },
    errors: ['NOT_FOUND'],
  }),
  runNudges: defineRoute({
    method: 'POST',
    path: '/api/admin/nudges/run',
    operationId: 'runNudges',
    tag: 'nudges',
    summary:
      "This week's nudge, now, for everyone with nudges on who has not had it (still one per person per week; admins).",
    access: { kind: 'role', roles: ['admin'], refusal: "Only programme leads can send this week's nudges." },
    responses: {
      200: {
        description: 'How many were queued, and how many people have no chat to reach.',
        schema: z.object({ queued: z.number().int(), unreachable: z.number().int() }),
      },
    },
    errors: [],
  }),
} as const;

/** Whether and when a person gets their weekly guide (their local day and time in an IANA time zone). */
export type NudgeSettings = z.output<typeof NudgeSettingsSchema>;
/** A broadcast's delivery report (`pending` counts messages waiting or in flight). */
export type BroadcastReport = z.output<typeof BroadcastReportSchema>;
