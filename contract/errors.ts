import { z } from 'zod';
import { ErrorCodes, type ErrorCode } from '../core/errors';

/** Every stable error code, as a list. */
export const ERROR_CODES = Object.values(ErrorCodes) as [ErrorCode, ...ErrorCode[]];

/** A problem with one field, as listed in VALIDATION_FAILED details. */
export const FieldProblemSchema = z.object({ path: z.string(), message: z.string() });

/** The body of every error answer, limited to the codes given (all of them by default). */
export function errorBodySchema(codes: readonly ErrorCode[] = ERROR_CODES) {
  return z.object({
    error: z.object({
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      /** For VALIDATION_FAILED, the field problems; for CONTENT_INVALID, the content's errors and warnings. */
      details: z.unknown().optional(),
    }),
  });
}

/** The body of every error answer. */
export const ErrorBodySchema = errorBodySchema();

/** The body of every error answer: `{ error: { code, message, details? } }`. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
