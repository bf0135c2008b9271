import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../bot/config';
import { startService, type RunningService } from '../../bot/service';
import {
  DATABASE_FILE,
  DATABASE_MARKER_FILE,
  openDatabase,
  SqliteStoreError,
} from '../../storage/sqlite/database';
import { sqliteStoresOn } from '../../storage/sqlite/sqlite-stores';
import { serverEnv } from '../support/child-service';
import { getJson, localToken, postJson, startTestService } from '../support/service';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** Runs `bot/main.ts` as `npm run serve` would, and returns how it ended and what it printed. */
async function startMain(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', path.join(ROOT, 'tests', 'support', 'register-ts.cjs'), path.join(ROOT, 'bot', 'main.ts')],
      {
        cwd: ROOT,
        env: serverEnv({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir }),
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('store faults', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-faults-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz 503 STORE_UNAVAILABLE once the database file is deleted while the service runs', async () => {
    const service = await startTestService();
    try {
      expect(await getJson(`${service.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
      fs.rmSync(path.join(service.dataDir, DATABASE_FILE));
      const health = await getJson(`${service.url}/healthz`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ error: { code: 'STORE_UNAVAILABLE' } });
    } finally {
      await service.stop();
    }
  });

  it('answers /healthz 503 when the database file was replaced by another one', async () => {
    const service = await startTestService();
    try {
      const file = path.join(service.dataDir, DATABASE_FILE);
      fs.copyFileSync(file, `${file}.copy`);
      fs.renameSync(`${file}.copy`, file);
      expect((await getJson(`${service.url}/healthz`)).status).toBe(503);
    } finally {
      await service.stop();
    }
  });

  it('answers 503 STORE_UNAVAILABLE, not 500 INTERNAL, when the SQLite database is full', async () => {
    const db = openDatabase(dir);
    let service: RunningService | undefined;
    try {
      const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir });
      service = await startService(config, { stores: sqliteStoresOn(db) });
      const facilitator = await localToken(service, 'Fay Facilitator', 'facilitator');
      // A real "database or disk is full": SQLite may not grow the file by a single page.
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
      const statuses: { status: number; body: Record<string, unknown> }[] = [];
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const created = await postJson(
          `${service.url}/api/circles`,
          {
            themeId: 'routines',
            title: `A circle that will not fit ${attempt}`,
            description: 'x'.repeat(1000),
            startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
          },
          { authorization: `Bearer ${facilitator}` },
        );
        statuses.push(created);
        if (created.status !== 201) break;
      }
      const refused = statuses.at(-1);
      expect(refused?.status).toBe(503);
      expect(refused?.body).toMatchObject({ error: { code: 'STORE_UNAVAILABLE' } });
      expect(JSON.stringify(refused?.body)).not.toContain('SQLITE');
    } finally {
      await service?.close();
      if (db.open) db.close();
    }
  });

  it('creates the data folder 0700 and the database, its WAL and shared memory, and the marker 0600', async () => {
    const dataDir = path.join(dir, 'data');
    const service = await startTestService({ DATA_DIR: dataDir });
    try {
      await localToken(service, 'Asha Manager');
      const modeOf = (name: string) => fs.statSync(path.join(dataDir, name)).mode & 0o777;
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const name of [
        DATABASE_FILE,
        `${DATABASE_FILE}-wal`,
        `${DATABASE_FILE}-shm`,
        DATABASE_MARKER_FILE,
      ]) {
        expect([name, modeOf(name)]).toEqual([name, 0o600]);
      }
      for (const name of fs.readdirSync(dataDir)) expect([name, modeOf(name) & 0o077]).toEqual([name, 0]);
    } finally {
      await service.stop();
    }
  });

  it('tightens a world-readable database left by an older version to 0600 on start', () => {
    openDatabase(dir).close();
    fs.chmodSync(path.join(dir, DATABASE_FILE), 0o644);
    openDatabase(dir).close();
    expect(fs.statSync(path.join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses a database it cannot open (here a folder where the file should be) with DATABASE_UNUSABLE', () => {
    // Permissions cannot be tested this way when the tests run as root, who may read any file.
    fs.mkdirSync(path.join(dir, DATABASE_FILE));
    let refusal: unknown;
    try {
      openDatabase(dir).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SqliteStoreError);
    expect((refusal as SqliteStoreError).code).toBe('DATABASE_UNUSABLE');
    expect((refusal as SqliteStoreError).message).toMatch(
      /^The database .* cannot be read and written \(it is not a regular file\)/,
    );
    expect((refusal as SqliteStoreError).message).not.toContain('\n');
  });

  it('refuses to start on a corrupt database with a one-line reason and a non-zero exit, no stack trace', async () => {
    fs.writeFileSync(path.join(dir, DATABASE_FILE), Buffer.alloc(8192, 0x5a));
    const started = await startMain(dir);
    expect(started.code).not.toBe(0);
    const lines = started.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Failed to start: DATABASE_UNUSABLE: The database .* cannot be used/);
    expect(started.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('refuses to start on a database with corrupt pages, found by the integrity check', async () => {
    const db = openDatabase(dir);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    for (let row = 0; row < 400; row += 1) insert.run(`row ${row} `.repeat(40));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = path.join(dir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the middle pages (never page 1, the header): a b-tree the integrity check walks.
    bytes.fill(0xa5, pageSize * 10, pageSize * 20);
    fs.writeFileSync(file, bytes);
    const started = await startMain(dir);
    expect(started.code).not.toBe(0);
    expect(started.stderr.trim().split('\n')).toHaveLength(1);
    expect(started.stderr).toMatch(/DATABASE_UNUSABLE/);
  }, 90_000);

  it('refuses to start, rather than start empty, when the database it opened before is missing', async () => {
    openDatabase(dir).close();
    expect(fs.existsSync(path.join(dir, DATABASE_MARKER_FILE))).toBe(true);
    fs.rmSync(path.join(dir, DATABASE_FILE));
    const started = await startMain(dir);
    expect(started.code).not.toBe(0);
    const lines = started.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /DATABASE_MISSING: The database .* is missing, but this data folder held one before/,
    );
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(false);
  }, 90_000);
});
