import type { Pool } from 'pg';
import { inTransaction } from './connection';
import { messageOf, PostgresStoreError, PostgresStoreErrorCodes } from './errors';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './migrations';

/** The advisory lock every migrating process takes, so two instances starting at once never both migrate. */
export const MIGRATION_LOCK_NAME = 'leading-compassionately:schema_migrations';

/** Thrown inside a migration's transaction to carry its failure out after the rollback. */
class MigrationFailure extends Error {}

/**
 * Applies every migration newer than the recorded schema version. Each runs in its own transaction together with
 * its row in schema_migrations, under a transaction-scoped advisory lock, and re-reads the version once it holds
 * the lock: a process that waited finds the work done and applies nothing. A failing migration rolls back whole
 * (throwing MIGRATION_FAILED) and nothing after it runs; the lock ends with the transaction, even on a lost
 * connection. Returns the versions this call applied.
 */
export async function applyPostgresMigrations(
  pool: Pool,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
  now: () => Date = () => new Date(),
): Promise<number[]> {
  const lock = 'SELECT pg_advisory_xact_lock(hashtext($1))';
  await inTransaction(pool, async (client) => {
    await client.query(lock, [MIGRATION_LOCK_NAME]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
  });
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await inTransaction(pool, async (client) => {
      await client.query(lock, [MIGRATION_LOCK_NAME]);
      const current = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      if ((current.rows[0]?.version ?? 0) >= migration.version) return false;
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new MigrationFailure(messageOf(error), { cause: error });
      }
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
      return true;
    }).catch((error: unknown) => {
      if (!(error instanceof MigrationFailure)) throw error;
      throw new PostgresStoreError(
        PostgresStoreErrorCodes.MIGRATION_FAILED,
        `PostgreSQL migration ${migration.version} (${migration.name}) failed and was rolled back: ${error.message}`,
        { cause: error.cause },
      );
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
