import { ErrorCodes } from '../../core/errors';
import type { FaultClassifier } from '../guard';

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

/** Node socket errors that mean the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's own messages for a connection that was lost or never came. */
const LOST_CONNECTION =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

/**
 * Classifies pg errors: a lost or refused connection and SQLSTATE classes 08 (connection), 53 (insufficient
 * resources, such as a full disk), 57P0x (shut down), 58 (system I/O) and XX (corruption) are store faults.
 */
export const postgresFaults: FaultClassifier = {
  describe(error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code)) return code;
      if (/^(08|53|58|XX)...$/.test(code) || /^57P0[1-3]$/.test(code)) return `SQLSTATE ${code}`;
    }
    if (error instanceof Error && LOST_CONNECTION.test(error.message)) return 'connection lost';
    return undefined;
  },
};
