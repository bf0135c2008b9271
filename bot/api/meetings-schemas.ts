import { z } from 'zod';
import { CIRCLE_LIMITS } from '../../core/circles/circle';
import { InstantSchema } from '../../core/time';

/**
 * Request shapes of the meeting routes, kept apart from their handlers so they can move to one shared definition
 * of the API's wire shapes.
 */

/** The body of POST /api/meetings: what the Teams meeting is called, when it starts and how long it lasts. */
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
