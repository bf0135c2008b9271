import net from 'node:net';
import { Client, Pool } from 'pg';
import type { Stores } from '../../core/ports';
import { createPool, endPool, postgresOptionsFromUrl } from '../../storage/postgres/connection';
import { applyPostgresMigrations, MIGRATION_LOCK_NAME } from '../../storage/postgres/database';
import { PostgresStoreError } from '../../storage/postgres/errors';
import { POSTGRES_MIGRATIONS } from '../../storage/postgres/migrations';
import { openPostgresStores } from '../../storage/postgres/postgres-stores';
import { findPostgresBinaries, startTestPostgres, testOptions, type TestPostgres } from '../support/postgres';
import { bookCircle, createCircle, getJson, localToken, startTestService } from '../support/service';
import { waitUntil } from '../support/wait';
import { runAuthzContract } from './authz.contract';
import { runStoreContract, type StoreFactory } from './stores.contract';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres({ tls: true });
}, 180_000);
afterAll(async () => {
  await server?.stop();
}, 60_000);

const urls = new Map<Stores, string>();

describe('the throw-away test server', () => {
  const saved = process.env.POSTGRES_BIN_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.POSTGRES_BIN_DIR;
    else process.env.POSTGRES_BIN_DIR = saved;
  });

  it('fails naming apt-get install -y postgresql when the server binaries are missing, rather than skipping', () => {
    process.env.POSTGRES_BIN_DIR = '/nonexistent/postgresql/bin';
    expect(() => findPostgresBinaries()).toThrow(/apt-get install -y postgresql/);
  });
});

const postgresFactory: StoreFactory = {
  open: async () => {
    const url = await server.createDatabase('contract');
    const stores = await openPostgresStores(testOptions(url));
    urls.set(stores, url);
    return stores;
  },
  dispose: async (stores) => {
    await stores.close();
    await server.dropDatabase(urls.get(stores) ?? '');
  },
  openPeer: (stores) => openPostgresStores(testOptions(urls.get(stores) ?? '')),
};
runStoreContract('PostgreSQL', postgresFactory);
runAuthzContract('PostgreSQL', postgresFactory);

/** Opens a bare pool on a database (no migrations), for tests that drive migrations themselves. */
function poolOn(url: string): Pool {
  return createPool(testOptions(url), (error) => {
    throw error;
  });
}

describe('PostgreSQL migrations', () => {
  let url: string;
  const pools: Pool[] = [];
  beforeEach(async () => {
    url = await server.createDatabase('migrate');
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map(endPool));
    await server.dropDatabase(url);
  });
  const open = () => {
    const pool = poolOn(url);
    pools.push(pool);
    return pool;
  };
  const recorded = async (pool: Pool) =>
    (
      await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    ).rows.map((row) => row.version);

  it('records every migration once and applies nothing on a second start', async () => {
    const pool = open();
    expect(await applyPostgresMigrations(pool)).toEqual(
      POSTGRES_MIGRATIONS.map((migration) => migration.version),
    );
    expect(await applyPostgresMigrations(pool)).toEqual([]);
    expect(await recorded(pool)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
  });

  it('applies each migration exactly once when several processes start at the same moment', async () => {
    const starters = Array.from({ length: 4 }, () => open());
    const applied = await Promise.all(starters.map((pool) => applyPostgresMigrations(pool)));
    expect(applied.flat().sort((a, b) => a - b)).toEqual(
      POSTGRES_MIGRATIONS.map((migration) => migration.version),
    );
    expect(await recorded(open())).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
  });

  it('rolls a failing migration back whole, applies nothing after it and leaves the lock free', async () => {
    const pool = open();
    await applyPostgresMigrations(pool);
    const next = Math.max(...POSTGRES_MIGRATIONS.map((migration) => migration.version)) + 1;
    const broken = {
      version: next,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id integer); SELECT * FROM no_such_table;',
    };
    const after = { version: next + 1, name: 'after', sql: 'CREATE TABLE after_broken (id integer)' };
    const failure = await applyPostgresMigrations(pool, [...POSTGRES_MIGRATIONS, broken, after]).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PostgresStoreError);
    expect(failure).toMatchObject({ code: 'MIGRATION_FAILED' });
    expect((failure as Error).message).toMatch(new RegExp(`migration ${next} \\(broken\\).*no_such_table`));
    const tables = await pool.query(
      "SELECT 1 FROM pg_tables WHERE tablename IN ('half_done', 'after_broken')",
    );
    expect(tables.rowCount).toBe(0);
    expect(await recorded(pool)).not.toContain(next);
    const held = await pool.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
    expect(held.rowCount).toBe(0);
    const good = { version: next, name: 'good', sql: 'CREATE TABLE later (id integer)' };
    expect(await applyPostgresMigrations(pool, [...POSTGRES_MIGRATIONS, good])).toEqual([next]);
  });

  it('waits for a process that holds the migration lock, then finds the work done', async () => {
    const holder = await open().connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK_NAME]);
      const waiting = applyPostgresMigrations(open());
      await waitUntil('the second start to wait on the migration lock', async () => {
        const rows = await server.query<{ waiting: number }>(
          "SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        );
        return (rows[0]?.waiting ?? 0) >= 1;
      });
      await holder.query('ROLLBACK');
      expect(await waiting).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    } finally {
      holder.release();
    }
  });
});

describe('PostgreSQL connection, pool and TLS', () => {
  let url: string;
  beforeAll(async () => {
    url = await server.createDatabase('connection');
    await (await openPostgresStores(testOptions(url))).close();
  });
  afterAll(async () => {
    await server.dropDatabase(url);
  });

  const options = (query: string) => {
    const parsed = postgresOptionsFromUrl(server.url(new URL(url).pathname.slice(1), query), 4);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  };
  /** Whether a connection made with these URL parameters uses TLS, from the session's own row in pg_stat_ssl. */
  const tlsOf = async (query: string): Promise<boolean> => {
    const pool = createPool(options(query), (error) => {
      throw error;
    });
    try {
      const result = await pool.query<{ ssl: boolean }>(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      return result.rows[0]?.ssl ?? false;
    } finally {
      await endPool(pool);
    }
  };

  it('connects over plain TCP without sslmode, and with TLS when the URL asks for it', async () => {
    expect(await tlsOf('')).toBe(false);
    expect(await tlsOf('sslmode=disable')).toBe(false);
    expect(await tlsOf('sslmode=no-verify')).toBe(true);
    expect(
      await tlsOf(`sslmode=verify-full&sslrootcert=${encodeURIComponent(server.certificateFile ?? '')}`),
    ).toBe(true);
    expect(
      await tlsOf(`sslmode=verify-ca&sslrootcert=${encodeURIComponent(server.certificateFile ?? '')}`),
    ).toBe(true);
  });

  it('refuses a certificate it cannot verify with sslmode=require, naming STORE_UNAVAILABLE', async () => {
    const failure = await openPostgresStores(options('sslmode=require')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PostgresStoreError);
    expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((failure as Error).message).toMatch(/self[- ]signed certificate/);
  });

  it('names an unreadable sslrootcert file as TLS_CONFIG_INVALID', async () => {
    const failure = await openPostgresStores(
      options('sslmode=verify-full&sslrootcert=/nonexistent/ca.pem'),
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'TLS_CONFIG_INVALID' });
  });

  it('fails to open with STORE_UNAVAILABLE naming the server but never the password when nothing listens', async () => {
    const unused = server.port === 1 ? 2 : 1;
    const failure = await openPostgresStores({
      ...testOptions(`postgres://someone:s3cret-pass@127.0.0.1:${unused}/nowhere`),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((failure as Error).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${unused}/nowhere`));
    expect((failure as Error).message).not.toMatch(/s3cret-pass/);
  });

  it('opens no more connections than the pool size, however many requests wait', async () => {
    const stores = await openPostgresStores({ ...options(''), poolSize: 3 });
    const database = new URL(url).pathname.slice(1);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await stores.circles.create(
        {
          id: 'pool-circle',
          themeId: 'routines',
          extraTopic: undefined,
          title: 'Pool',
          description: '',
          startsAt: '2030-01-01T10:00:00.000Z',
          durationMinutes: 60,
          capacity: 4,
          audience: { kind: 'open' },
          facilitatorId: 'fac',
          organisationId: 'RX1',
          meetingUrl: 'https://teams.microsoft.com/meet/1',
          status: 'scheduled',
        },
        new Date('2029-12-01T00:00:00Z'),
      );
      await client.query('BEGIN');
      await client.query("SELECT 1 FROM circles WHERE id = 'pool-circle' FOR UPDATE");
      const signUps = Array.from({ length: 10 }, (_, index) =>
        stores.circles.signUp(
          'pool-circle',
          { userId: `u${index}`, organisationId: 'RX1', displayName: undefined },
          new Date('2029-12-02T00:00:00Z'),
        ),
      );
      await waitUntil('three sign-ups to wait on the circle lock', async () => {
        const rows = await server.query<{ waiting: number }>(
          "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
          [database],
        );
        return (rows[0]?.waiting ?? 0) >= 3;
      });
      const sessions = await server.query<{ open: number }>(
        "SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1 AND application_name = 'leading-compassionately'",
        [database],
      );
      expect(sessions[0]?.open).toBe(3);
      await client.query('COMMIT');
      const results = await Promise.all(signUps);
      expect(results.every((result) => result.ok)).toBe(true);
    } finally {
      await client.end();
      await stores.close();
    }
  });

  it('closes cleanly: a second close is harmless and the health check then says no', async () => {
    const stores = await openPostgresStores(options(''));
    expect(await stores.health.ping()).toBe(true);
    await stores.close();
    await stores.close();
    expect(await stores.health.ping()).toBe(false);
  });
});

describe('the service on PostgreSQL', () => {
  it('keeps circles, bookings and roles in the database DATABASE_URL names, and answers its health check from it', async () => {
    const url = await server.createDatabase('service');
    const service = await startTestService({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' });
    const database = new Client({ connectionString: url });
    await database.connect();
    try {
      expect((await getJson(`${service.url}/healthz`)).status).toBe(200);
      const facilitator = await localToken(service, 'Fay Facilitator', 'facilitator');
      const manager = await localToken(service, 'Asha Manager', 'manager');
      const circleId = await createCircle(service, facilitator, {
        themeId: 'routines',
        title: 'Routines that hold a team together',
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
        capacity: 4,
      });
      expect(await bookCircle(service, circleId, manager)).toBe(201);
      const rows = await database.query<{ status: string }>(
        'SELECT status FROM bookings WHERE circle_id = $1',
        [circleId],
      );
      expect(rows.rows).toEqual([{ status: 'confirmed' }]);
      const grants = await database.query("SELECT 1 FROM role_grants WHERE role = 'facilitator'");
      expect(grants.rowCount).toBe(1);
    } finally {
      await database.end();
      await service.stop();
      await server.dropDatabase(url);
    }
  });
});

/** A TCP relay on loopback to the test server, that can be cut like a lost network or a stopped server. */
async function relayTo(port: number): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((inbound) => {
    const outbound = net.connect(port, '127.0.0.1');
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as net.AddressInfo).port,
    cut: async () => {
      const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describe('the service when PostgreSQL goes away', () => {
  it('answers 503 STORE_UNAVAILABLE, not 500, on the API and on /healthz once the connection is lost', async () => {
    const url = await server.createDatabase('lost');
    const relay = await relayTo(server.port);
    const service = await startTestService({
      DATABASE_URL: url.replace(`:${server.port}/`, `:${relay.port}/`),
      DATABASE_POOL_SIZE: '2',
    });
    try {
      const manager = await localToken(service, 'Asha Manager', 'manager');
      expect(
        (await getJson(`${service.url}/api/me/bookings`, { authorization: `Bearer ${manager}` })).status,
      ).toBe(200);
      await relay.cut();
      const refused = await getJson(`${service.url}/api/me/bookings`, { authorization: `Bearer ${manager}` });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ error: { code: 'STORE_UNAVAILABLE' } });
      const health = await getJson(`${service.url}/healthz`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ error: { code: 'STORE_UNAVAILABLE' } });
    } finally {
      await service.stop();
      await server.dropDatabase(url);
    }
  });
});
