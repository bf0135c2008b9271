import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import type { Stores } from '../../core/ports';
import { MIGRATION_LOCK_NAME } from '../../storage/postgres/database';
import { POSTGRES_MIGRATIONS } from '../../storage/postgres/migrations';
import { openPostgresStores } from '../../storage/postgres/postgres-stores';
import { startTestPostgres, testOptions, type TestPostgres } from '../support/postgres';
import { signUpOutcome, type WorkerOutcome } from '../support/booking-outcome';
import type { WorkerResult, WorkerTask } from '../support/postgres-worker';
import { sampleCircle } from '../support/sample-circle';
import { waitUntil } from '../support/wait';

// Every burst here is held behind a lock until all of its requests are provably waiting on it (counted in
// pg_stat_activity or pg_locks), then released at once: the contention is certain, not a matter of timing.

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 180_000);
afterAll(async () => {
  await server?.stop();
}, 60_000);

const created = new Date('2026-11-20T09:00:00Z');
const now = new Date('2026-11-27T12:00:00Z');
const person = (userId: string) => ({ userId, organisationId: 'RX1', displayName: undefined });
const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

let url: string;
let database: string;
let stores: Stores;
beforeEach(async () => {
  url = await server.createDatabase('contention');
  database = new URL(url).pathname.slice(1);
  stores = await openPostgresStores(testOptions(url, 40));
});
afterEach(async () => {
  await stores.close();
  await server.dropDatabase(url);
});

/** Sessions of this test's database waiting on a lock (a row lock or an advisory lock). */
async function waitForLockWaiters(count: number): Promise<void> {
  await waitUntil(`${count} sessions waiting on a lock`, async () => {
    const rows = await server.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
      [database],
    );
    return (rows[0]?.waiting ?? 0) >= count;
  });
}

/** Holds the circle's row lock (as a sign-up would) until release() commits. */
async function holdCircle(circleId: string): Promise<{ release: () => Promise<void> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM circles WHERE id = $1 FOR UPDATE', [circleId]);
  return {
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/** A second Node process running tests/support/postgres-worker.ts. */
interface Worker {
  ready: Promise<void>;
  go(): void;
  result: Promise<WorkerResult>;
}

function startWorker(task: WorkerTask): Worker {
  const support = path.join(__dirname, '..', 'support');
  const child = spawn(
    process.execPath,
    ['-r', path.join(support, 'register-ts.cjs'), path.join(support, 'postgres-worker.ts')],
    { env: { ...process.env, LC_WORKER_TASK: JSON.stringify(task) }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (/^ready$/m.test(stdout)) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const result = new Promise<WorkerResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = /^result (.*)$/m.exec(stdout)?.[1];
      if (code === 0 && line !== undefined) resolve(JSON.parse(line) as WorkerResult);
      else reject(new Error(`worker exited with ${String(code)}:\n${stderr}`));
    });
  });
  // A worker that dies before it is ready must fail the test rather than leave it waiting.
  const readyOrDead = Promise.race([ready, result.then(() => undefined)]);
  return { ready: readyOrDead, go: () => child.stdin.end('go\n'), result };
}

function outcomesOf(result: WorkerResult): WorkerOutcome[] {
  if (!('outcomes' in result)) throw new Error('expected booking outcomes from the worker');
  return result.outcomes;
}

/** What a burst decided and what the store holds afterwards, checked against a circle of `capacity`. */
async function expectExactBookings(
  circleId: string,
  outcomes: WorkerOutcome[],
  capacity: number,
): Promise<void> {
  const total = outcomes.length;
  expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
  expect(outcomes.filter((outcome) => outcome.kind === 'confirmed')).toHaveLength(capacity);
  const waitlisted = outcomes.filter((outcome) => outcome.kind === 'waitlisted');
  expect(waitlisted.map((outcome) => outcome.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
    Array.from({ length: total - capacity }, (_, index) => index + 1),
  );
  const bookings = await stores.circles.bookings(circleId);
  expect(bookings.map((booking) => booking.sequence)).toEqual(
    Array.from({ length: total }, (_, index) => index + 1),
  );
  expect(bookings.slice(0, capacity).every((booking) => booking.status === 'confirmed')).toBe(true);
  expect(bookings.slice(capacity).every((booking) => booking.status === 'waitlisted')).toBe(true);
  const stored = new Map(bookings.map((booking) => [booking.userId, booking]));
  for (const outcome of outcomes) expect(stored.get(outcome.userId)?.sequence).toBe(outcome.sequence);
  for (const outcome of waitlisted) {
    expect(bookings[capacity + (outcome.position ?? 0) - 1]?.userId).toBe(outcome.userId);
  }
}

describe('PostgreSQL bookings under contention', () => {
  it('gives 40 simultaneous sign-ups from 40 pool connections exactly 10 places and waitlists 30 in arrival order', async () => {
    await stores.circles.create(sampleCircle({ capacity: 10 }), created);
    const gate = await holdCircle('circle-1');
    const userIds = ids('u', 40);
    const signUps = userIds.map((userId) => stores.circles.signUp('circle-1', person(userId), now));
    await waitForLockWaiters(40);
    await gate.release();
    const results = await Promise.all(signUps);
    const outcomes = results.map((result, index) => signUpOutcome(userIds[index] ?? '', result));
    await expectExactBookings('circle-1', outcomes, 10);
  });

  it('promotes each of the first 10 waitlisted people exactly once when 10 confirmed people each cancel twice at once', async () => {
    await stores.circles.create(sampleCircle({ capacity: 10 }), created);
    const confirmed = ids('c', 10);
    const waiting = ids('w', 30);
    for (const userId of [...confirmed, ...waiting])
      await stores.circles.signUp('circle-1', person(userId), now);
    const gate = await holdCircle('circle-1');
    const cancels = [...confirmed, ...confirmed].map((userId) =>
      stores.circles.cancel('circle-1', userId, now),
    );
    await waitForLockWaiters(20);
    await gate.release();
    const results = await Promise.all(cancels);
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(results.filter((result) => !result.ok && result.code === 'NOT_BOOKED')).toHaveLength(10);
    const promoted = results.flatMap((result) =>
      result.ok && result.value.promoted ? [result.value.promoted.userId] : [],
    );
    expect([...promoted].sort()).toEqual(waiting.slice(0, 10).sort());
    const bookings = await stores.circles.bookings('circle-1');
    expect(
      bookings.filter((booking) => booking.status === 'confirmed').map((booking) => booking.userId),
    ).toEqual(waiting.slice(0, 10));
    expect(
      bookings.filter((booking) => booking.status === 'waitlisted').map((booking) => booking.userId),
    ).toEqual(waiting.slice(10));
  });

  it('gives 40 sign-ups from two Node processes at once exactly 12 places and waitlists 28 in arrival order', async () => {
    await stores.circles.create(sampleCircle({ capacity: 12 }), created);
    const gate = await holdCircle('circle-1');
    const base = { url, circleId: 'circle-1', now: now.toISOString() };
    const workers = [
      startWorker({ kind: 'signUp', ...base, userIds: ids('a', 20) }),
      startWorker({ kind: 'signUp', ...base, userIds: ids('b', 20) }),
    ];
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.go();
    await waitForLockWaiters(40);
    await gate.release();
    const outcomes = (await Promise.all(workers.map((worker) => worker.result))).flatMap(outcomesOf);
    expect(outcomes).toHaveLength(40);
    await expectExactBookings('circle-1', outcomes, 12);
  }, 90_000);

  it('promotes exactly once across two Node processes cancelling the same 10 places at once', async () => {
    await stores.circles.create(sampleCircle({ capacity: 10 }), created);
    const confirmed = ids('c', 10);
    const waiting = ids('w', 10);
    for (const userId of [...confirmed, ...waiting])
      await stores.circles.signUp('circle-1', person(userId), now);
    const gate = await holdCircle('circle-1');
    const task: WorkerTask = {
      kind: 'cancel',
      url,
      circleId: 'circle-1',
      userIds: confirmed,
      now: now.toISOString(),
    };
    const workers = [startWorker(task), startWorker(task)];
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.go();
    await waitForLockWaiters(20);
    await gate.release();
    const outcomes = (await Promise.all(workers.map((worker) => worker.result))).flatMap(outcomesOf);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome.kind === 'NOT_BOOKED')).toHaveLength(10);
    expect(outcomes.flatMap((outcome) => (outcome.promoted ? [outcome.promoted] : [])).sort()).toEqual(
      [...waiting].sort(),
    );
    const bookings = await stores.circles.bookings('circle-1');
    expect(bookings.map((booking) => `${booking.userId}:${booking.status}`)).toEqual(
      waiting.map((userId) => `${userId}:confirmed`),
    );
  }, 90_000);
});

describe('PostgreSQL migrations from two processes', () => {
  it('applies each migration exactly once when two Node processes start on an empty database together', async () => {
    const empty = await server.createDatabase('twostarts');
    const gate = new Client({ connectionString: empty });
    await gate.connect();
    try {
      await gate.query('BEGIN');
      await gate.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK_NAME]);
      const workers = [
        startWorker({ kind: 'migrate', url: empty }),
        startWorker({ kind: 'migrate', url: empty }),
      ];
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.go();
      await waitUntil('both processes to wait on the migration lock', async () => {
        const rows = await server.query<{ waiting: number }>(
          "SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        );
        return (rows[0]?.waiting ?? 0) >= 2;
      });
      await gate.query('COMMIT');
      const applied = (await Promise.all(workers.map((worker) => worker.result))).flatMap((result) =>
        'applied' in result ? result.applied : [],
      );
      expect(applied.sort((a, b) => a - b)).toEqual(
        POSTGRES_MIGRATIONS.map((migration) => migration.version),
      );
      const recorded = await gate.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(recorded.rows.map((row) => row.version)).toEqual(
        POSTGRES_MIGRATIONS.map((migration) => migration.version),
      );
    } finally {
      await gate.end();
      await server.dropDatabase(empty);
    }
  }, 90_000);
});
