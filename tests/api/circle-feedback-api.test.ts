import {
  bookCircle,
  createCircle,
  localToken,
  postJson,
  startTestService,
  type TestService,
} from '../support/service';

const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_feedback%40thread.v2/0';
const HOUR = 3_600_000;

describe('Circle feedback API (POST /api/circles/:id/feedback)', () => {
  let service: TestService;
  let offset = 0;
  let facilitator: string;
  let asha: string;
  let ben: string;
  let cara: string;
  let circleId: string;

  const give = (token: string, body: unknown, id = circleId) =>
    postJson(`${service.url}/api/circles/${id}/feedback`, body, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    service = await startTestService({}, undefined, { now: () => new Date(Date.now() + offset) });
    facilitator = await localToken(service, 'Fay Facilitator', 'facilitator');
    asha = await localToken(service, 'Asha Manager');
    ben = await localToken(service, 'Ben Manager');
    cara = await localToken(service, 'Cara Manager');
    circleId = await createCircle(service, facilitator, {
      themeId: 'routines',
      title: 'Routines that hold a team together',
      startsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      meetingUrl: MEETING,
      capacity: 4,
    });
    expect(await bookCircle(service, circleId, asha)).toBe(201);
    expect(await bookCircle(service, circleId, ben)).toBe(201);
  });
  afterAll(async () => {
    await service.stop();
  });

  it('refuses feedback before the circle has started (409 CIRCLE_NOT_STARTED)', async () => {
    const early = await give(asha, { helpful: 4, recommend: true });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'CIRCLE_NOT_STARTED' } });
  });

  it('takes a confirmed participant’s answer once started, and a repeat replaces it', async () => {
    offset = 3 * HOUR;
    const first = await give(asha, { helpful: 2, recommend: false, change: 'More time for each person' });
    expect(first).toEqual({ status: 201, body: { status: 'added' } });
    const again = await give(asha, { helpful: 5, recommend: true });
    expect(again).toEqual({ status: 200, body: { status: 'replaced' } });
    expect((await give(ben, { helpful: 4, recommend: true })).status).toBe(201);
    const answers = await service.stores.circleFeedback.answersFor([circleId]);
    expect(answers.map((answer) => answer.helpful).sort()).toEqual([4, 5]);
    expect(JSON.stringify(answers)).not.toMatch(/Asha|Ben/);
  });

  it('refuses people without a confirmed place (404 NOT_BOOKED)', async () => {
    offset = 3 * HOUR;
    const stranger = await give(cara, { helpful: 3, recommend: true });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ error: { code: 'NOT_BOOKED' } });
  });

  it('refuses out-of-range scores, missing fields, unknown fields and an over-long change (400)', async () => {
    offset = 3 * HOUR;
    for (const bad of [
      { helpful: 0, recommend: true },
      { helpful: 6, recommend: true },
      { helpful: 3.5, recommend: true },
      { helpful: 3 },
      { helpful: 3, recommend: 'yes' },
      { helpful: 3, recommend: true, change: 'x'.repeat(501) },
      { helpful: 3, recommend: true, name: 'Asha' },
    ]) {
      const response = await give(asha, bad);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('answers 404 for an unknown circle, 400 for a malformed id and 401 without a token', async () => {
    offset = 3 * HOUR;
    const unknown = await give(asha, { helpful: 3, recommend: true }, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await give(asha, { helpful: 3, recommend: true }, 'not-a-circle')).status).toBe(400);
    const anonymous = await postJson(`${service.url}/api/circles/${circleId}/feedback`, {
      helpful: 3,
      recommend: true,
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses feedback on a cancelled circle (409 CIRCLE_CANCELLED)', async () => {
    offset = 0;
    const id = await createCircle(service, facilitator, {
      themeId: 'routines',
      title: 'Cancelled one',
      startsAt: new Date(Date.now() + HOUR).toISOString(),
      meetingUrl: MEETING,
    });
    expect(await bookCircle(service, id, cara)).toBe(201);
    const cancelled = await fetch(`${service.url}/api/circles/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${facilitator}` },
    });
    expect(cancelled.status).toBe(200);
    offset = 2 * HOUR;
    const late = await give(cara, { helpful: 3, recommend: true }, id);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'CIRCLE_CANCELLED' } });
  });
});
