import { ErrorCodes } from '../../core/errors';

/** Stable codes for why the PostgreSQL store could not open; callers and tests match on these. */
export const PostgresStoreErrorCodes = {
  /** The server could not be reached or refused the connection (address, credentials, TLS, network). */
  STORE_UNAVAILABLE: ErrorCodes.STORE_UNAVAILABLE,
  /** A schema migration failed; it was rolled back whole and nothing after it was applied. */
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  /** The TLS settings in DATABASE_URL could not be used (for example an unreadable sslrootcert file). */
  TLS_CONFIG_INVALID: 'TLS_CONFIG_INVALID',
} as const;

/** One of the PostgreSQL store's start-up error codes. */
export type PostgresStoreErrorCode = (typeof PostgresStoreErrorCodes)[keyof typeof PostgresStoreErrorCodes];

/** Thrown when the PostgreSQL store cannot open; the message names the fix and never carries a password. */
export class PostgresStoreError extends Error {
  constructor(
    readonly code: PostgresStoreErrorCode,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'PostgresStoreError';
  }
}

/** The message of anything thrown, for error sentences. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
