import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FaultClassifier } from '../guard';
import { MIGRATIONS, type Migration } from './migrations';

/** The file name of the embedded store inside DATA_DIR. */
export const DATABASE_FILE = 'leading-compassionately.sqlite';

/**
 * The marker written next to the database after its first successful open. A data folder with the marker but no
 * database means the database was lost: start-up refuses rather than silently starting empty.
 */
export const DATABASE_MARKER_FILE = `${DATABASE_FILE}.opened`;

/** Stable codes for why the embedded store could not open; callers and tests match on these. */
export const SqliteStoreErrorCodes = {
  /** The database file is gone (or empty) although this data folder held one before. */
  DATABASE_MISSING: 'DATABASE_MISSING',
  /** The file exists but cannot be read or written, is not a database, or fails its integrity check. */
  DATABASE_UNUSABLE: 'DATABASE_UNUSABLE',
} as const;

/** One of the embedded store's start-up error codes. */
export type SqliteStoreErrorCode = (typeof SqliteStoreErrorCodes)[keyof typeof SqliteStoreErrorCodes];

/** Thrown when the embedded store cannot open; the message is one line that names the file and the fix. */
export class SqliteStoreError extends Error {
  constructor(
    readonly code: SqliteStoreErrorCode,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'SqliteStoreError';
  }
}

/** SQLite result codes (primary and extended) that mean the database itself cannot serve, not a bug. */
const FAULT_CODES =
  /^SQLITE_(CORRUPT|NOTADB|FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|PROTOCOL|NOMEM|NOLFS|PERM|AUTH)/;

/** Classifies better-sqlite3 errors: corruption, a full disk, I/O and permission errors are store faults. */
export const sqliteFaults: FaultClassifier = {
  describe(error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' && FAULT_CODES.test(code) ? code : undefined;
  },
};

/** Owner-only permissions for the data folder and for files in it. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Creates the data folder owner-only (0700) when it does not exist yet. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
}

/**
 * Checks the file before opening: a data folder that held a database (the marker) must still have it, non-empty;
 * an existing file must be readable and writable. Creates a new file owner-only (0600), and tightens an existing
 * database and its WAL and shared-memory files to 0600 (SQLite gives the WAL the database's own mode).
 */
function prepareFile(file: string, marker: string): void {
  const exists = fs.existsSync(file);
  if (fs.existsSync(marker) && (!exists || fs.statSync(file).size === 0)) {
    throw new SqliteStoreError(
      SqliteStoreErrorCodes.DATABASE_MISSING,
      `The database ${file} is ${exists ? 'empty' : 'missing'}, but this data folder held one before (${marker}); restore it from a backup, or delete the marker to start with an empty store.`,
    );
  }
  if (!exists) {
    fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
    return;
  }
  try {
    if (!fs.statSync(file).isFile()) throw new Error('it is not a regular file');
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    for (const part of [file, `${file}-wal`, `${file}-shm`]) {
      if (fs.existsSync(part)) fs.chmodSync(part, PRIVATE_FILE);
    }
  } catch (error) {
    throw new SqliteStoreError(
      SqliteStoreErrorCodes.DATABASE_UNUSABLE,
      `The database ${file} cannot be read and written (${messageOf(error)}); fix its owner and permissions, or restore it from a backup.`,
      { cause: error },
    );
  }
}

/**
 * Opens (creating if needed) the embedded store in WAL mode, checks its integrity and applies pending migrations.
 * Throws SqliteStoreError (a one-line reason) for a lost, unreadable or corrupt database; after the first
 * successful open it writes the marker that lets later starts notice a lost database.
 */
export function openDatabase(
  dataDir: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Database.Database {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  const marker = path.join(dataDir, DATABASE_MARKER_FILE);
  prepareFile(file, marker);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    applyMigrations(db, migrations);
  } catch (error) {
    if (db?.open) db.close();
    throw new SqliteStoreError(
      SqliteStoreErrorCodes.DATABASE_UNUSABLE,
      `The database ${file} cannot be used (${messageOf(error)}); restore it from a backup, or move it aside to start with an empty store.`,
      { cause: error },
    );
  }
  if (!fs.existsSync(marker)) {
    fs.writeFileSync(
      marker,
      `${JSON.stringify({ database: DATABASE_FILE, firstOpenedAt: new Date().toISOString() })}\n`,
      {
        mode: PRIVATE_FILE,
      },
    );
  }
  return db;
}

/** Applies every migration newer than the recorded schema version, each in its own transaction. */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  const current = row.version ?? 0;
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    applied.push(migration.version);
  }
  return applied;
}
