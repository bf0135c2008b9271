import { z } from 'zod';
import { ODS_CODE_PATTERN, PROFILE_LIMITS, REGIONS } from '../../core/profiles/profile';

/**
 * Request shapes of the profile routes, kept apart from their handlers so they can move to one shared definition
 * of the API's wire shapes.
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
