import fs from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Pool, type PoolClient } from 'pg';
import { ErrorCodes, fail, succeed, type Outcome } from '../../core/errors';
import { messageOf, PostgresStoreError, PostgresStoreErrorCodes } from './errors';

/**
 * How the connection is encrypted, by libpq's sslmode names. `require` and `verify-full` check the server's
 * certificate and host name against Node's trusted CAs (plus `sslrootcert`), as pg 8 does; `verify-ca` checks
 * the certificate but not the host name; `no-verify` encrypts without checking; `disable` is plain TCP.
 */
export type PostgresTlsMode = 'disable' | 'no-verify' | 'require' | 'verify-ca' | 'verify-full';

const TLS_MODES: readonly PostgresTlsMode[] = ['disable', 'no-verify', 'require', 'verify-ca', 'verify-full'];

/** URL parameters about TLS that pg would otherwise read itself (and let override our `ssl` option). */
const UNSUPPORTED_TLS_PARAMETERS = [
  'ssl',
  'sslcert',
  'sslkey',
  'sslpassword',
  'sslnegotiation',
  'uselibpqcompat',
];

/** Where and how to connect: DATABASE_URL without its TLS parameters, the TLS mode and the pool size. */
export interface PostgresConnectionOptions {
  /** The URL with sslmode and sslrootcert taken out (pg would let them override `ssl`). */
  connectionString: string;
  tls: { mode: PostgresTlsMode; caFile: string | undefined };
  /** Most connections the pool opens at once. */
  poolSize: number;
}

/** The default pool size when DATABASE_POOL_SIZE is not set. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * Reads DATABASE_URL (postgres:// or postgresql://) into connection options. A failure's message names the
 * problem and never repeats the URL, which may hold a password.
 */
export function postgresOptionsFromUrl(url: string, poolSize: number): Outcome<PostgresConnectionOptions> {
  const invalid = (problem: string) => fail(ErrorCodes.VALIDATION_FAILED, problem);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return invalid('is not a URL such as postgres://user:password@host:5432/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return invalid('must start with postgres:// or postgresql://');
  }
  const unsupported = UNSUPPORTED_TLS_PARAMETERS.filter((name) => parsed.searchParams.has(name));
  if (unsupported.length > 0) {
    return invalid(
      `${unsupported.join(', ')} is not supported: use sslmode (and sslrootcert for a private CA)`,
    );
  }
  const sslmode = parsed.searchParams.get('sslmode') ?? 'disable';
  if (sslmode === 'prefer' || sslmode === 'allow') {
    return invalid(
      `sslmode=${sslmode} is not supported (the driver cannot fall back between TLS and plain TCP): use sslmode=require or verify-full for TLS, or sslmode=disable`,
    );
  }
  const mode = TLS_MODES.find((candidate) => candidate === sslmode);
  if (mode === undefined) return invalid(`sslmode must be one of ${TLS_MODES.join(', ')}`);
  const caFile = parsed.searchParams.get('sslrootcert') ?? undefined;
  if (caFile !== undefined && (mode === 'disable' || mode === 'no-verify')) {
    return invalid(`sslrootcert needs sslmode=require, verify-ca or verify-full (it was ${mode})`);
  }
  parsed.searchParams.delete('sslmode');
  parsed.searchParams.delete('sslrootcert');
  return succeed({ connectionString: parsed.toString(), tls: { mode, caFile }, poolSize });
}

/** Where a connection goes, for error messages: host, port and database, never the user or password. */
export function describeTarget(connectionString: string): string {
  let parsed: URL;
  try {
    parsed = new URL(connectionString);
  } catch {
    return 'the server named in DATABASE_URL';
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`;
}

/** pg's `ssl` option for a TLS mode; reads the CA file named by sslrootcert. */
export function sslOption(tls: PostgresConnectionOptions['tls']): false | ConnectionOptions {
  if (tls.mode === 'disable') return false;
  if (tls.mode === 'no-verify') return { rejectUnauthorized: false };
  let ca: string | undefined;
  if (tls.caFile !== undefined) {
    try {
      ca = fs.readFileSync(tls.caFile, 'utf8');
    } catch (error) {
      throw new PostgresStoreError(
        PostgresStoreErrorCodes.TLS_CONFIG_INVALID,
        `The sslrootcert file in DATABASE_URL could not be read (${messageOf(error)}); give the path of a PEM CA certificate.`,
        { cause: error },
      );
    }
  }
  return {
    rejectUnauthorized: true,
    ...(ca === undefined ? {} : { ca }),
    ...(tls.mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
  };
}

/** How long to wait for a connection before a query fails (the health check answers within this). */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens a pool of at most `poolSize` connections. `onIdleError` hears about idle connections that fail (the
 * pool drops them and opens new ones on demand); without a listener such an error would end the process.
 */
export function createPool(options: PostgresConnectionOptions, onIdleError: (error: Error) => void): Pool {
  const pool = new Pool({
    connectionString: options.connectionString,
    ssl: sslOption(options.tls),
    max: options.poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'leading-compassionately',
  });
  pool.on('error', onIdleError);
  const closing = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    const closed = new Promise<void>((resolve) => client.once('end', () => resolve()));
    closing.add(closed);
    void closed.then(() => closing.delete(closed));
  });
  connectionsOf.set(pool, closing);
  return pool;
}

/** Each pool's connections that have not yet closed their sockets. */
const connectionsOf = new WeakMap<Pool, Set<Promise<void>>>();

/**
 * Ends a pool made by createPool: waits for checked-out connections to come back, then until every connection
 * has closed its socket (pg's own end() resolves as soon as it has asked them to), so nothing is left open.
 */
export async function endPool(pool: Pool): Promise<void> {
  await pool.end();
  await Promise.all([...(connectionsOf.get(pool) ?? [])]);
}

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws (the
 * error is rethrown). A connection that cannot even roll back is discarded rather than returned to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while checked out emits 'error' on its client (the pool only listens to idle ones): note it,
  // so the client is discarded, and let the failing query carry the fault to the caller.
  const onLost = (error: Error) => {
    broken = error;
  };
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The session is unusable; the server rolls its transaction back when the connection closes.
      broken = rollbackError instanceof Error ? rollbackError : new Error(messageOf(rollbackError));
    }
    throw error;
  } finally {
    client.off('error', onLost);
    client.release(broken);
  }
}
