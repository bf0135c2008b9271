import { randomUUID } from 'node:crypto';
import type { Stores } from '../core/ports';
import { localUserId } from '../bot/auth/local-issuer';

/**
 * Demo data for `npm start`, created through the real API with local tokens: facilitators from several
 * organisations (registered by a local programme lead) and upcoming circles across themes. Runs only when the
 * local store has no circles yet.
 */

interface SeedFacilitator {
  name: string;
  organisationName: string;
  odsCode: string;
  region: string;
}

const FACILITATORS: SeedFacilitator[] = [
  {
    name: 'Asha Patel',
    organisationName: 'County Durham and Darlington NHS Foundation Trust',
    odsCode: 'RXP',
    region: 'North East and Yorkshire',
  },
  {
    name: 'Tom Penrose',
    organisationName: 'Royal Cornwall Hospitals NHS Trust',
    odsCode: 'REF',
    region: 'South West',
  },
  { name: 'Grace Owusu', organisationName: 'Barts Health NHS Trust', odsCode: 'R1H', region: 'London' },
];

const CIRCLES = [
  {
    facilitator: 0,
    themeId: 'look-after-yourself',
    title: 'Looking after yourself while leading others',
    days: 2,
    hour: 13,
  },
  { facilitator: 1, themeId: 'routines', title: 'Routines that hold a team together', days: 3, hour: 10 },
  {
    facilitator: 2,
    themeId: 'inclusive-leadership',
    title: 'Leading fairly when everyone is stretched',
    days: 5,
    hour: 15,
  },
  { facilitator: 0, themeId: 'loss-and-grief', title: 'Leading a team through loss', days: 8, hour: 12 },
  {
    facilitator: 1,
    extraTopic: 'Burnout and pandemic fatigue',
    title: 'Burnout: noticing it in yourself and your team',
    days: 10,
    hour: 14,
  },
  { facilitator: 2, themeId: 'recovery', title: 'Resetting after a hard winter', days: 14, hour: 11 },
];

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`Seeding failed at ${url}: ${JSON.stringify(json)}`);
  return json;
}

/** What `npm start` prints about the demo circles. */
export interface SeedResult {
  created: number;
  circles: { code: string; title: string }[];
}

async function upcoming(serviceUrl: string, token: string): Promise<{ id: string; title: string }[]> {
  const response = await fetch(`${serviceUrl}/api/circles`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { circles: { id: string; title: string }[] }).circles;
}

/** Seeds demo facilitators and circles through the API when there are none, and lists the upcoming circles. */
export async function seedLocalDemo(serviceUrl: string, now: Date): Promise<SeedResult> {
  const lead = await post(`${serviceUrl}/api/dev/token`, { name: 'Demo Programme Lead', role: 'admin' });
  const leadToken = String(lead.token);
  const listed = (circles: { id: string; title: string }[]) =>
    circles.map((circle) => ({ code: circle.id.slice(0, 8), title: circle.title }));
  const existing = await upcoming(serviceUrl, leadToken);
  if (existing.length > 0) return { created: 0, circles: listed(existing) };
  const tokens: string[] = [];
  for (const facilitator of FACILITATORS) {
    const minted = await post(`${serviceUrl}/api/dev/token`, { name: facilitator.name, role: 'facilitator' });
    await post(
      `${serviceUrl}/api/admin/facilitators`,
      { userId: minted.userId, ...facilitator },
      String(lead.token),
    );
    tokens.push(String(minted.token));
  }
  for (const circle of CIRCLES) {
    const start = new Date(now);
    start.setUTCDate(start.getUTCDate() + circle.days);
    start.setUTCHours(circle.hour, 0, 0, 0);
    const { facilitator, days: _days, hour: _hour, ...rest } = circle;
    await post(
      `${serviceUrl}/api/circles`,
      {
        ...rest,
        description:
          'An hour with other managers from across health and care. Confidential: nothing said is attributed.',
        startsAt: start.toISOString(),
        capacity: 10,
        meetingUrl: `https://teams.microsoft.com/l/meetup-join/demo-${circle.days}-${circle.hour}`,
      },
      tokens[facilitator],
    );
  }
  return { created: CIRCLES.length, circles: listed(await upcoming(serviceUrl, leadToken)) };
}

/** The user ids of the demo facilitators (local identities are derived from the name). */
export function demoFacilitatorIds(): string[] {
  return FACILITATORS.map((facilitator) => localUserId(facilitator.name));
}

/** What the impact history seed added. */
export interface ImpactHistoryResult {
  circles: number;
  places: number;
  answers: number;
}

/** A small deterministic random source, so the demo history is the same on every fresh start. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const HISTORY = [
  { facilitator: 0, themeId: 'look-after-yourself', daysAgo: 118, people: 10 },
  { facilitator: 1, themeId: 'routines', daysAgo: 104, people: 9 },
  { facilitator: 2, themeId: 'inclusive-leadership', daysAgo: 97, people: 11 },
  { facilitator: 0, themeId: 'look-after-yourself', daysAgo: 83, people: 12 },
  { facilitator: 1, themeId: 'stay-connected', daysAgo: 76, people: 8 },
  { facilitator: 2, themeId: 'routines', daysAgo: 62, people: 10 },
  { facilitator: 0, themeId: 'speak-candidly', daysAgo: 55, people: 7 },
  { facilitator: 1, themeId: 'look-after-yourself', daysAgo: 41, people: 11 },
  { facilitator: 2, themeId: 'inclusive-leadership', daysAgo: 34, people: 9 },
  { facilitator: 0, themeId: 'loss-and-grief', daysAgo: 27, people: 3 },
  { facilitator: 1, themeId: 'routines', daysAgo: 20, people: 10 },
  { facilitator: 2, themeId: 'stay-connected', daysAgo: 13, people: 8 },
  { facilitator: 0, themeId: 'look-after-yourself', daysAgo: 6, people: 12 },
] as const;

const GUIDE_VOTES: [guideId: string, helpful: number, notHelpful: number][] = [
  ['pause-spaces', 23, 3],
  ['running-on-empty', 17, 2],
  ['huddles-that-help', 11, 5],
  ['team-reset', 9, 1],
  ['difficult-news', 6, 0],
];

const UNANSWERED = [
  'how do I handle rota gaps when agency staff cancel',
  'rota swaps keep causing arguments on nights',
  'who signs off rota changes during winter pressures',
  'can I refuse a rota request from a senior nurse',
  'rota fairness for part time staff',
  'how to manage agency staff who do not know the ward',
  'agency staff induction checklist',
  'agency spend targets and my team',
  'agency nurses feel left out of huddles',
  'agency staff and breaks',
];

/**
 * Demo history for the Impact page on `npm start`, written straight to the stores (past circles cannot be created
 * through the API): thirteen circles over the last four months run by the seeded facilitators, places from a pool
 * of sixty demo participants (so some return), attendance, "How was it?" answers, guide votes and unanswered
 * questions. One small grief circle shows small-number suppression. Adds nothing when any circle has already run.
 */
export async function seedImpactHistory(
  stores: Stores,
  facilitatorIds: readonly string[],
  now: Date,
): Promise<ImpactHistoryResult> {
  const alreadyRan = await stores.circles.list({ to: now.toISOString() });
  if (alreadyRan.length > 0 || facilitatorIds.length === 0) return { circles: 0, places: 0, answers: 0 };
  const random = randomSource(20_261_203);
  const pool = Array.from({ length: 60 }, (_, i) => `demo-participant-${String(i + 1).padStart(2, '0')}`);
  let places = 0;
  let answers = 0;
  for (const [index, entry] of HISTORY.entries()) {
    const startsAt = new Date(now.getTime() - entry.daysAgo * 86_400_000);
    startsAt.setUTCHours(13, 0, 0, 0);
    const facilitatorId =
      facilitatorIds[entry.facilitator % facilitatorIds.length] ?? facilitatorIds[0] ?? '';
    const facilitator = await stores.facilitators.get(facilitatorId);
    const id = randomUUID();
    await stores.circles.create(
      {
        id,
        themeId: entry.themeId,
        extraTopic: undefined,
        title: `Demo history ${index + 1}: ${entry.themeId.replace(/-/g, ' ')}`,
        description: 'A past demo circle, so the Impact page has something to show.',
        startsAt: startsAt.toISOString(),
        durationMinutes: 60,
        capacity: 12,
        audience: { kind: 'open' },
        facilitatorId,
        organisationId: facilitator?.odsCode ?? facilitator?.organisationName ?? 'LOCAL',
        meetingUrl: `https://teams.microsoft.com/meet/90000000${index}?p=DemoPast${index}`,
        status: 'scheduled',
      },
      new Date(startsAt.getTime() - 14 * 86_400_000),
    );
    const chosen = [...pool].sort(() => random() - 0.5).slice(0, entry.people);
    for (const userId of chosen) {
      const booked = await stores.circles.signUp(
        id,
        { userId, organisationId: undefined, displayName: undefined },
        new Date(startsAt.getTime() - 3 * 86_400_000),
      );
      if (!booked.ok) throw new Error(`Seeding impact history failed to book: ${booked.code}`);
      places += 1;
      const attended = random() < 0.85;
      await stores.circles.markAttendance(id, userId, attended);
      if (attended && random() < 0.7) {
        await stores.circleFeedback.record(
          id,
          `demo-feedback:${id}:${userId}`,
          { helpful: 3 + Math.floor(random() * 3), recommend: random() < 0.88, change: undefined },
          new Date(startsAt.getTime() + 2 * 3_600_000),
        );
        answers += 1;
      }
    }
  }
  let vote = 0;
  for (const [guideId, helpful, notHelpful] of GUIDE_VOTES) {
    for (let i = 0; i < helpful + notHelpful; i++) {
      vote += 1;
      await stores.feedback.recordGuideFeedback({
        guideId,
        helpful: i < helpful,
        actionId: `demo-vote-${vote}`,
        at: now,
      });
    }
  }
  for (const [i, text] of UNANSWERED.entries()) {
    await stores.unanswered.record(
      text,
      new Date(now.getTime() - (i + 1) * 3 * 86_400_000).toISOString().slice(0, 10),
    );
  }
  return { circles: HISTORY.length, places, answers };
}
