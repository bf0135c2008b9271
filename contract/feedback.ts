import { z } from 'zod';
import { CIRCLE_FEEDBACK_LIMITS } from '../core/feedback/circle-feedback';
import { CircleIdParams } from './circles';
import { defineRoute } from './route';

/** The body of POST /api/circles/:id/feedback: how helpful (1–5), would they recommend it, one optional line. */
export const CircleFeedbackBodySchema = z
  .object({
    helpful: z.number().int().min(CIRCLE_FEEDBACK_LIMITS.helpful.min).max(CIRCLE_FEEDBACK_LIMITS.helpful.max),
    recommend: z.boolean(),
    change: z.string().trim().max(CIRCLE_FEEDBACK_LIMITS.change.max).optional(),
  })
  .strict();

/** What the service did with the answer: kept it, or replaced the person's earlier answer. */
export const CircleFeedbackAnswerSchema = z.object({ status: z.enum(['added', 'replaced']) });

/** Participants' feedback about the circles they took part in. */
export const feedbackRoutes = {
  give: defineRoute({
    method: 'POST',
    path: '/api/circles/:id/feedback',
    operationId: 'giveCircleFeedback',
    tag: 'circles',
    summary: 'A confirmed participant says how the circle went, once it has started (one answer per person).',
    description:
      'A repeat replaces the earlier answer. The answer is stored without the person next to it: their place is checked from the verified token, and the store keeps only a one-way key to enforce one answer each.',
    access: { kind: 'signedIn' },
    params: CircleIdParams,
    body: CircleFeedbackBodySchema,
    responses: {
      201: { description: 'The answer is kept.', schema: CircleFeedbackAnswerSchema },
      200: { description: 'The earlier answer is replaced.', schema: CircleFeedbackAnswerSchema },
    },
    errors: ['NOT_FOUND', 'NOT_BOOKED', 'CIRCLE_NOT_STARTED', 'CIRCLE_CANCELLED'],
  }),
} as const;
