import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, DATABASE_FILE, openDatabase } from '../../storage/sqlite/database';
import { MIGRATIONS } from '../../storage/sqlite/migrations';
import { openSqliteStores } from '../../storage/sqlite/sqlite-stores';
import type { Stores } from '../../core/ports';
import { runAuthzContract } from './authz.contract';
import { runStoreContract, type StoreFactory } from './stores.contract';

const dirs = new Map<Stores, string>();

const sqliteFactory: StoreFactory = {
  open: () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-sqlite-'));
    const stores = openSqliteStores(dir);
    dirs.set(stores, dir);
    return Promise.resolve(stores);
  },
  dispose: async (stores) => {
    await stores.close();
    fs.rmSync(dirs.get(stores) ?? '', { recursive: true, force: true });
  },
  openPeer: (stores) => Promise.resolve(openSqliteStores(dirs.get(stores) ?? '')),
};
runStoreContract('SQLite', sqliteFactory);
runAuthzContract('SQLite', sqliteFactory);

describe('SQLite database file and migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-migrate-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one file in the data folder, in WAL mode', () => {
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
  });

  it('records every migration once and applies nothing on a second start', () => {
    openDatabase(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
    expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(applyMigrations(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  it('applies only newer migrations, and rolls a failing one back whole', () => {
    const db = openDatabase(dir);
    const next = Math.max(...MIGRATIONS.map((migration) => migration.version)) + 1;
    const broken = {
      version: next,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;',
    };
    expect(() => applyMigrations(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
    expect(tables).toEqual([]);
    const good = { version: next, name: 'good', sql: 'CREATE TABLE later (id INTEGER)' };
    expect(applyMigrations(db, [...MIGRATIONS, good])).toEqual([next]);
    db.close();
  });
});
