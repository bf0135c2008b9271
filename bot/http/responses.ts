import type { Response } from 'restify';
import type { ErrorBody } from '../../contract/errors';
import { ErrorCodes, fail, type ErrorCode, type Failure } from '../../core/errors';
import type { RateLimiter } from '../../core/rate-limit';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_JSON: 400,
  VALIDATION_FAILED: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  BOT_AUTH_FAILED: 401,
  FORBIDDEN: 403,
  CONTENT_INVALID: 422,
  CIRCLE_CANCELLED: 409,
  CIRCLE_STARTED: 409,
  CIRCLE_NOT_STARTED: 409,
  MEETINGS_UNAVAILABLE: 503,
  MEETING_CONSENT_REQUIRED: 403,
  MEETING_NOT_CREATED: 502,
  NOT_IN_AUDIENCE: 403,
  NOT_BOOKED: 404,
  ALREADY_POSTED: 409,
  DELIVERY_FAILED: 502,
  STORE_UNAVAILABLE: 503,
  INVOKE_NOT_SUPPORTED: 400,
  RATE_LIMITED: 429,
  AUTH_KEYS_UNAVAILABLE: 503,
  INVALID_USER_ID: 400,
  CONFIRMATION_REQUIRED: 400,
  NO_RECIPIENTS: 409,
  NOT_A_FACILITATOR: 400,
  INTERNAL: 500,
};

/** The HTTP status for a stable error code. */
export function statusFor(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

/** Builds the error body for a code. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Sends a failure as JSON with the status its code maps to. */
export function sendFailure(res: Response, failure: Failure, details?: unknown): void {
  if (failure.code === ErrorCodes.TOKEN_MISSING || failure.code === ErrorCodes.TOKEN_INVALID) {
    res.header('WWW-Authenticate', 'Bearer error="invalid_token"');
  }
  res.send(statusFor(failure.code), errorBody(failure.code, failure.message, details));
}

/** The error code for an HTTP status that arose outside our own handlers (router, adapters). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCodes.VALIDATION_FAILED;
    case 401:
      return ErrorCodes.TOKEN_INVALID;
    case 403:
      return ErrorCodes.FORBIDDEN;
    case 404:
      return ErrorCodes.NOT_FOUND;
    case 405:
      return ErrorCodes.METHOD_NOT_ALLOWED;
    case 413:
      return ErrorCodes.BODY_TOO_LARGE;
    case 415:
      return ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
    default:
      return status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.VALIDATION_FAILED;
  }
}

/**
 * Takes one request from `key`'s budget. True when it may go ahead; otherwise answers 429 RATE_LIMITED with
 * Retry-After (whole seconds) and returns false. Without a limiter every request goes ahead.
 */
export function allowedOrRefused(
  limiter: RateLimiter | undefined,
  key: string,
  now: Date,
  res: Response,
): boolean {
  const decision = limiter?.take(key, now) ?? { allowed: true };
  if (decision.allowed) return true;
  res.header('Retry-After', String(decision.retryAfterSeconds));
  sendFailure(
    res,
    fail(ErrorCodes.RATE_LIMITED, `Too many requests; try again in ${decision.retryAfterSeconds} seconds.`),
  );
  return false;
}
