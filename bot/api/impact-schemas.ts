import { z } from 'zod';

/**
 * Request shapes of the impact routes, kept apart from their handlers so they can move to one shared definition of
 * the API's wire shapes.
 */

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine(
    (day) =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
      new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'must be a real date',
  );

/** The longest range a report covers, in days. */
export const IMPACT_MAX_DAYS = 1830;

/** The query of GET /api/admin/impact, /api/admin/impact.csv and /api/facilitator/impact: days, inclusive. */
export const ImpactQuerySchema = z.object({ from: Day.optional(), to: Day.optional() }).strict();
