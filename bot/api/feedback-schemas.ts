import { z } from 'zod';
import { CIRCLE_FEEDBACK_LIMITS } from '../../core/feedback/circle-feedback';

/**
 * Request shapes of the circle feedback routes, kept apart from their handlers so they can move to one shared
 * definition of the API's wire shapes.
 */

/** The body of POST /api/circles/:id/feedback. */
export const CircleFeedbackBodySchema = z
  .object({
    helpful: z.number().int().min(CIRCLE_FEEDBACK_LIMITS.helpful.min).max(CIRCLE_FEEDBACK_LIMITS.helpful.max),
    recommend: z.boolean(),
    change: z.string().trim().max(CIRCLE_FEEDBACK_LIMITS.change.max).optional(),
  })
  .strict();

/** A circle id in a route. */
export const FeedbackCircleIdSchema = z.string().uuid('must be a circle id');
