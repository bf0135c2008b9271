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
