import { z } from 'zod';

/**
 * Request shapes of the directory route, kept apart from its handler so it can move to one shared definition of
 * the API's wire shapes.
 */

/** The query of GET /api/facilitators/directory. */
export const DirectoryQuerySchema = z.object({ q: z.string().trim().max(120).optional() }).strict();
