import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startChildService, type ChildService } from '../support/child-service';
import { LocalOpenIdServer, makeKey, sign, type TestKey } from '../support/jwt-issuer';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { waitUntil } from '../support/wait';

// Two production service processes (`node dist/bot/main.js`, as deployed) share one PostgreSQL database, as two
// App Service instances would. 200 people sign up to one circle through both; one instance is killed with SIGKILL
// while its requests are provably inside the database, and the people it never answered retry on the other (as a
// load balancer would send them). Every answered booking must survive, and the bookings must be exact.
jest.setTimeout(5 * 60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT_ID = '66666666-7777-4888-8999-000000000000';
const ADMIN = 'a0000000-0000-4000-8000-000000000001';
const FACILITATOR = 'f0000000-0000-4000-8000-000000000002';
const CAPACITY = 25;
const PEOPLE = Array.from(
  { length: 200 },
  (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
);

let server: TestPostgres;
let databaseUrl: string;
let openId: LocalOpenIdServer;
let key: TestKey;
let work: string;
const services: ChildService[] = [];

function startInstance(name: string): Promise<ChildService> {
  return startChildService(ROOT, {
    NODE_ENV: 'production',
    DATA_DIR: path.join(work, name),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '8',
    CALENDAR_LINK_SECRET: crypto.randomBytes(32).toString('base64'),
    BOT_ID: '99999999-8888-4777-8666-555555555555',
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: TENANT,
    TAB_TENANT_ID: TENANT,
    TAB_AUDIENCE: CLIENT_ID,
    TAB_JWKS_URL: `${openId.url}/keys`,
    ADMIN_OBJECT_IDS: ADMIN,
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-two-instances-'));
  server = await startTestPostgres();
  databaseUrl = await server.createDatabase('twoinstances');
  key = await makeKey('tab-key');
  openId = new LocalOpenIdServer([key]);
  await openId.start();
}, 180_000);
afterAll(async () => {
  for (const service of services) await service.kill();
  await openId?.stop();
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

const tokens = new Map<string, string>();
async function tokenFor(oid: string): Promise<string> {
  const cached = tokens.get(oid);
  if (cached) return cached;
  const token = await sign(key, {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    tid: TENANT,
    oid,
    scp: 'access_as_user',
    name: `Person ${oid.slice(-4)}`,
  });
  tokens.set(oid, token);
  return token;
}

async function call(
  base: string,
  method: string,
  route: string,
  oid: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${route}`, {
    signal: AbortSignal.timeout(60_000),
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(oid)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What one sign-up answered: the place, or that no answer came (the instance died first). */
type Answer =
  { person: string; status: 'confirmed' | 'waitlisted'; position?: number } | { person: string; lost: true };

async function signUp(base: string, circleId: string, person: string): Promise<Answer> {
  try {
    const reply = await call(base, 'POST', `/api/circles/${circleId}/bookings`, person, {});
    if (reply.status !== 201 && reply.status !== 200) {
      throw new Error(`Sign-up for ${person} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    const status = reply.body.status as 'confirmed' | 'waitlisted';
    return typeof reply.body.position === 'number'
      ? { person, status, position: reply.body.position }
      : { person, status };
  } catch (error) {
    // A refused or reset connection: the instance was killed before it answered. (fetch's TypeError comes from
    // another realm than the test's, so it is recognised by its message.)
    if ((error as { message?: unknown } | undefined)?.message === 'fetch failed')
      return { person, lost: true };
    throw error;
  }
}

/** Runs sign-ups with a bounded number in flight, as people clicking at once would. */
async function burst(jobs: (() => Promise<Answer>)[], inFlight: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job) answers.push(await job());
      }
    }),
  );
  return answers;
}

describe('two service instances on one PostgreSQL database', () => {
  it('keep 200 sign-ups across both exact, and lose no answered booking when one is killed mid-burst', async () => {
    try {
      await scenario();
    } catch (error) {
      throw new Error(
        `${String(error)}\n${services.map((service) => service.stdout() + service.stderr()).join('\n')}`,
      );
    }
  });
});

async function scenario(): Promise<void> {
  const [a, b] = [await startInstance('a'), await startInstance('b')];
  services.push(a, b);

  // An admin (from configuration) grants the facilitator role on A; the facilitator creates the circle on B.
  const grant = await call(a.url, 'POST', '/api/admin/facilitators', ADMIN, {
    userId: FACILITATOR,
    name: 'Facilitator',
    organisationName: 'Test Trust',
    region: 'London',
  });
  expect(grant.status).toBe(201);
  const created = await call(b.url, 'POST', '/api/circles', FACILITATOR, {
    themeId: 'routines',
    title: 'Routines that hold a team together',
    startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    capacity: CAPACITY,
    meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_two_instances%40thread.v2/0',
  });
  expect(created.status).toBe(201);
  const circleId = created.body.id as string;

  // First 100 people, alternating between the instances.
  const first = await burst(
    PEOPLE.slice(0, 100).map((person, index) => () => signUp(index % 2 ? b.url : a.url, circleId, person)),
    12,
  );
  expect(first.filter((answer) => 'lost' in answer)).toEqual([]);

  // Hold the circle's row, send 30 people to B and 20 to A, and wait until B's whole pool and A's are queued
  // on the lock inside PostgreSQL. Then kill B outright and let the lock go.
  const holder = new Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT 1 FROM circles WHERE id = $1 FOR UPDATE', [circleId]);
  const middle = burst(
    PEOPLE.slice(100, 150).map((person, index) => () => signUp(index < 30 ? b.url : a.url, circleId, person)),
    50,
  );
  const database = new URL(databaseUrl).pathname.slice(1);
  await waitUntil(
    'both instances waiting on the circle lock',
    async () => {
      const rows = await server.query<{ waiting: number }>(
        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
        [database],
      );
      return (rows[0]?.waiting ?? 0) >= 16;
    },
    60_000,
  );
  await b.kill();
  await holder.query('COMMIT');
  await holder.end();
  const middleAnswers = await middle;
  const lost = middleAnswers.filter((answer) => 'lost' in answer).map((answer) => answer.person);
  expect(lost.length).toBeGreaterThan(0);

  // The people B never answered try again on A; a restarted B takes half of the last 50.
  const retried = await burst(
    lost.map((person) => () => signUp(a.url, circleId, person)),
    8,
  );
  const restarted = await startInstance('b');
  services.push(restarted);
  const last = await burst(
    PEOPLE.slice(150).map(
      (person, index) => () => signUp(index % 2 ? restarted.url : a.url, circleId, person),
    ),
    12,
  );
  const answered = [...first, ...middleAnswers, ...retried, ...last].filter(
    (answer): answer is Extract<Answer, { status: string }> => !('lost' in answer),
  );
  expect(new Set(answered.map((answer) => answer.person)).size).toBe(200);

  // The roster, read by the facilitator: exactly CAPACITY places, the rest waitlisted 1..175 with no gap, and
  // every answer anyone was given still true.
  const roster = await call(a.url, 'GET', `/api/circles/${circleId}/roster`, FACILITATOR);
  expect(roster.status).toBe(200);
  const participants = roster.body.participants as { userId: string; status: string; position?: number }[];
  expect(participants).toHaveLength(200);
  expect(new Set(participants.map((participant) => participant.userId)).size).toBe(200);
  expect(participants.filter((participant) => participant.status === 'confirmed')).toHaveLength(CAPACITY);
  const positions = participants
    .filter((participant) => participant.status === 'waitlisted')
    .map((participant) => participant.position)
    .sort((x, y) => (x ?? 0) - (y ?? 0));
  expect(positions).toEqual(Array.from({ length: 200 - CAPACITY }, (_, index) => index + 1));
  const byPerson = new Map(participants.map((participant) => [participant.userId, participant]));
  const contradicted = answered.filter((answer) => {
    const held = byPerson.get(answer.person);
    return (
      held?.status !== answer.status || (answer.position !== undefined && held.position !== answer.position)
    );
  });
  expect(contradicted).toEqual([]);
}
