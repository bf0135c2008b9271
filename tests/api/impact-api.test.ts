import { randomUUID } from 'node:crypto';
import { sampleCircle } from '../support/sample-circle';
import { getJson, localToken, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('impact reports (GET /api/admin/impact, /api/admin/impact.csv, /api/facilitator/impact)', () => {
  let service: TestService;
  let admin: string;
  let fay: string;
  let otto: string;
  let manager: string;
  let fayId: string;

  /** A circle that ran `daysAgo` days ago with `people` confirmed places, `answers` feedback answers (helpful 4). */
  async function ranCircle(facilitatorId: string, daysAgo: number, people: number, answers: number) {
    const id = randomUUID();
    const startsAt = new Date(Date.now() - daysAgo * DAY);
    await service.stores.circles.create(
      sampleCircle({
        id,
        facilitatorId,
        organisationId: 'LOCAL',
        capacity: 10,
        startsAt: startsAt.toISOString(),
      }),
      new Date(startsAt.getTime() - 7 * DAY),
    );
    for (let i = 0; i < people; i++) {
      const signed = await service.stores.circles.signUp(
        id,
        { userId: `person-${id}-${i}`, organisationId: undefined, displayName: `Person ${i}` },
        new Date(startsAt.getTime() - DAY),
      );
      expect(signed.ok).toBe(true);
      await service.stores.circles.markAttendance(id, `person-${id}-${i}`, true);
    }
    for (let i = 0; i < answers; i++) {
      await service.stores.circleFeedback.record(
        id,
        `key-${i}`,
        { helpful: 4, recommend: true, change: 'Names of people' },
        startsAt,
      );
    }
  }

  beforeAll(async () => {
    service = await startTestService();
    admin = await localToken(service, 'Ada Admin', 'admin');
    fay = await localToken(service, 'Fay Facilitator', 'facilitator');
    otto = await localToken(service, 'Otto Facilitator', 'facilitator');
    manager = await localToken(service, 'Mo Manager');
    fayId = (await getJson(`${service.url}/api/me`, bearer(fay))).body.id as string;
    const ottoId = (await getJson(`${service.url}/api/me`, bearer(otto))).body.id as string;
    await ranCircle(fayId, 10, 8, 6);
    await ranCircle(fayId, 20, 6, 0);
    await ranCircle(ottoId, 15, 3, 2);
  });
  afterAll(async () => {
    await service.stop();
  });

  it('gives programme leads every circle run in the range, suppressing counts of 1 to 4', async () => {
    const response = await getJson(
      `${service.url}/api/admin/impact?from=${day(-30)}&to=${day(0)}`,
      bearer(admin),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      from: day(-30),
      to: day(0),
      totals: {
        circlesRun: '<5',
        seatsOffered: 30,
        seatsFilled: 17,
        attended: 17,
        uniqueParticipants: 17,
        returningParticipants: 0,
        feedbackResponses: 8,
        helpfulMean: 4,
        recommendRate: 1,
      },
      byTheme: [expect.objectContaining({ themeId: 'routines', seatsFilled: 17 })],
      guides: [],
      unansweredTopics: [],
    });
    expect(JSON.stringify(response.body)).not.toMatch(/Names of people|Person \d|person-/);
  });

  it('answers the same report as CSV, one row per group, with the same suppression', async () => {
    const response = await fetch(`${service.url}/api/admin/impact.csv?from=${day(-30)}&to=${day(0)}`, {
      headers: bearer(admin),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="impact-.*\.csv"/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^group,key,name,circlesRun,/);
    expect(lines[1]).toBe(`total,${day(-30)}..${day(0)},All circles,<5,30,17,17,17,0,8,4,1,,`);
    expect(lines.some((line) => line.startsWith('organisation,LOCAL,Local Demo NHS Trust,<5,30,17'))).toBe(
      true,
    );
  });

  it('gives a facilitator only their own circles, leaving out a mean when fewer than 5 answered', async () => {
    const own = await getJson(
      `${service.url}/api/facilitator/impact?from=${day(-30)}&to=${day(0)}`,
      bearer(fay),
    );
    expect(own.status).toBe(200);
    expect(own.body.totals).toEqual({
      circlesRun: '<5',
      seatsOffered: 20,
      seatsFilled: 14,
      attended: 14,
      uniqueParticipants: 14,
      returningParticipants: 0,
      feedbackResponses: 6,
      helpfulMean: 4,
      recommendRate: 1,
    });
    const ottos = await getJson(`${service.url}/api/facilitator/impact`, bearer(otto));
    expect(ottos.body.totals).toEqual({
      circlesRun: '<5',
      seatsOffered: 10,
      seatsFilled: '<5',
      attended: '<5',
      uniqueParticipants: '<5',
      returningParticipants: 0,
      feedbackResponses: '<5',
    });
  });

  it('narrows to the range asked for', async () => {
    const recent = await getJson(
      `${service.url}/api/admin/impact?from=${day(-12)}&to=${day(0)}`,
      bearer(admin),
    );
    expect(recent.body.totals).toMatchObject({ seatsFilled: 8, feedbackResponses: 6 });
  });

  it('refuses managers (403), facilitators on the admin report (403), and bad ranges (400)', async () => {
    for (const [url, token] of [
      ['/api/admin/impact', manager],
      ['/api/admin/impact.csv', manager],
      ['/api/admin/impact', fay],
      ['/api/facilitator/impact', manager],
    ] as const) {
      const response = await getJson(`${service.url}${url}`, bearer(token));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    for (const query of [
      'from=2026-13-01',
      'from=2026-02-30',
      `from=${day(0)}&to=${day(-1)}`,
      'from=2000-01-01&to=2026-01-01',
      'since=2026-01-01',
    ]) {
      const response = await getJson(`${service.url}/api/admin/impact?${query}`, bearer(admin));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
