/**
 * The catalogue of stable error codes. Callers, the tab and tests match on these strings; the HTTP adapter maps
 * each to a status. Expected outcomes are returned as values (`Outcome`), never thrown.
 */
export const ErrorCodes = {
  BAD_JSON: 'BAD_JSON',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  TOKEN_MISSING: 'TOKEN_MISSING',
  TOKEN_INVALID: 'TOKEN_INVALID',
  BOT_AUTH_FAILED: 'BOT_AUTH_FAILED',
  FORBIDDEN: 'FORBIDDEN',
  CONTENT_INVALID: 'CONTENT_INVALID',
  CIRCLE_CANCELLED: 'CIRCLE_CANCELLED',
  CIRCLE_STARTED: 'CIRCLE_STARTED',
  CIRCLE_NOT_STARTED: 'CIRCLE_NOT_STARTED',
  MEETINGS_UNAVAILABLE: 'MEETINGS_UNAVAILABLE',
  MEETING_CONSENT_REQUIRED: 'MEETING_CONSENT_REQUIRED',
  MEETING_NOT_CREATED: 'MEETING_NOT_CREATED',
  NOT_IN_AUDIENCE: 'NOT_IN_AUDIENCE',
  NOT_BOOKED: 'NOT_BOOKED',
  ALREADY_POSTED: 'ALREADY_POSTED',
  DELIVERY_FAILED: 'DELIVERY_FAILED',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  INVOKE_NOT_SUPPORTED: 'INVOKE_NOT_SUPPORTED',
  RATE_LIMITED: 'RATE_LIMITED',
  AUTH_KEYS_UNAVAILABLE: 'AUTH_KEYS_UNAVAILABLE',
  /** An admin grant or revocation named someone by something other than a Microsoft Entra object id (a GUID). */
  INVALID_USER_ID: 'INVALID_USER_ID',
  /** A destructive admin action (revoking a role) was asked for without its confirmation. */
  CONFIRMATION_REQUIRED: 'CONFIRMATION_REQUIRED',
  NO_RECIPIENTS: 'NO_RECIPIENTS',
  /** A co-facilitator was named who does not hold the facilitator role now. */
  NOT_A_FACILITATOR: 'NOT_A_FACILITATOR',
  INTERNAL: 'INTERNAL',
} as const;

/** One of the stable error codes. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** A failed expected outcome: a stable code and a sentence for people. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
}

/** The result of an operation whose failure is an expected outcome rather than a bug. */
export type Outcome<T> = { ok: true; value: T } | Failure;

/** Builds a successful outcome. */
export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** Builds a failed outcome. */
export function fail(code: ErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

/**
 * Thrown by a store adapter when the store itself cannot serve (a corrupt or full database, an I/O error, a lost
 * connection), as opposed to a bug. The HTTP adapter answers 503 STORE_UNAVAILABLE; the cause is kept for logs.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
