import { z } from 'zod';
import { THEME_IDS } from '../core/content/model';
import { UrgentSupportSchema } from '../core/content/urgent-support';
import { defineRoute } from './route';

/** The body of POST /api/ask. */
export const AskRequestSchema = z.object({ question: z.string().trim().min(1).max(500) }).strict();

/** A guide the answer offers. */
export const GuideAnswerSchema = z.object({
  guideId: z.string(),
  themeId: z.enum(THEME_IDS),
  title: z.string(),
  score: z.number(),
});

/** What the bot understood a question to be about. */
export const IntentSchema = z.enum(['guide', 'plan', 'circles', 'nudges', 'help', 'urgent', 'offTopic']);

/** POST /api/ask: what the bot would answer. */
export const AskResultSchema = z.object({
  intent: IntentSchema,
  /** Guides for a guide question; for a check-in, the guides to offer once the person is safe for now. */
  answers: z.array(GuideAnswerSchema),
  /** For urgent answers: full signposting now (immediate), or first ask whether they are safe (check-in). */
  urgency: z.enum(['immediate', 'check-in']).optional(),
  /** For urgent answers: whether the writer spoke of themselves or of a colleague. */
  about: z.enum(['self', 'colleague']).optional(),
  /** For urgent answers: the signposting to show first. */
  urgentSupport: UrgentSupportSchema.optional(),
});

/** A question the bot could not answer confidently (kept with its day only). */
export const UnansweredQuestionSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  askedOn: z.string(),
});

/** Asking in the tab, and the content team's view of unanswered questions. */
export const askRoutes = {
  ask: defineRoute({
    method: 'POST',
    path: '/api/ask',
    operationId: 'ask',
    tag: 'ask',
    summary:
      'What the bot would answer a question, as JSON; urgent support comes first when safety words appear.',
    access: { kind: 'signedIn' },
    body: AskRequestSchema,
    responses: { 200: { description: 'The answer.', schema: AskResultSchema } },
    errors: [],
  }),
  unanswered: defineRoute({
    method: 'GET',
    path: '/api/admin/unanswered',
    operationId: 'unanswered',
    tag: 'ask',
    summary: 'Questions the bot could not answer confidently, newest first.',
    access: {
      kind: 'role',
      roles: ['admin'],
      refusal: 'Only programme leads (admins) can see unanswered questions.',
    },
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
    responses: {
      200: {
        description: 'The questions.',
        schema: z.object({ questions: z.array(UnansweredQuestionSchema) }),
      },
    },
    errors: [],
  }),
} as const;

/** Urgent-support signposting. */
export type UrgentSupport = z.infer<typeof UrgentSupportSchema>;
/** A guide the answer offers. */
export type GuideAnswer = z.infer<typeof GuideAnswerSchema>;
/** POST /api/ask. */
export type AskResult = z.infer<typeof AskResultSchema>;
/** An unanswered question. */
export type UnansweredQuestion = z.infer<typeof UnansweredQuestionSchema>;
