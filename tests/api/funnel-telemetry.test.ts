import { RecordingTelemetry } from '../support/recording-telemetry';
import {
  bookCircle,
  createCircle,
  getJson,
  localToken,
  postJson,
  startTestService,
  type TestService,
} from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const HOUR = 3_600_000;

describe('funnel telemetry (the workbook in infra/funnel-workbook.json charts these)', () => {
  let service: TestService;
  const telemetry = new RecordingTelemetry();
  let offset = 0;
  beforeAll(async () => {
    service = await startTestService({}, undefined, { telemetry, now: () => new Date(Date.now() + offset) });
  });
  afterAll(async () => {
    await service.stop();
  });

  it('records a circle viewed, booked, attended and answered with ids, flags and codes only', async () => {
    const facilitator = await localToken(service, 'Fay Facilitator', 'facilitator');
    const manager = await localToken(service, 'Asha Manager');
    const circleId = await createCircle(service, facilitator, {
      themeId: 'routines',
      title: 'Funnel circle',
      startsAt: new Date(Date.now() + HOUR).toISOString(),
      meetingUrl: 'https://teams.microsoft.com/meet/2345678901234?p=Funnel1',
    });
    expect((await getJson(`${service.url}/api/circles/${circleId}`, bearer(manager))).status).toBe(200);
    expect(await bookCircle(service, circleId, manager)).toBe(201);
    offset = 2 * HOUR;
    const managerId = (await getJson(`${service.url}/api/me`, bearer(manager))).body.id as string;
    const marked = await fetch(`${service.url}/api/circles/${circleId}/attendance`, {
      method: 'PUT',
      headers: { ...bearer(facilitator), 'content-type': 'application/json' },
      body: JSON.stringify({ userId: managerId, attended: true }),
    });
    expect(marked.status).toBe(200);
    const answered = await postJson(
      `${service.url}/api/circles/${circleId}/feedback`,
      { helpful: 5, recommend: true, change: 'Asha would like longer circles' },
      bearer(manager),
    );
    expect(answered.status).toBe(201);

    const funnel = telemetry.events.filter((event) =>
      ['circles.viewed', 'circles.signUp', 'circles.attendanceMarked', 'circles.feedback'].includes(
        event.name,
      ),
    );
    expect(funnel).toEqual([
      { name: 'circles.viewed', properties: { circleId } },
      { name: 'circles.signUp', properties: { circleId, decision: 'confirmed' } },
      { name: 'circles.attendanceMarked', properties: { circleId, attended: true } },
      { name: 'circles.feedback', properties: { circleId, replaced: false } },
    ]);
    expect(JSON.stringify(telemetry.events)).not.toMatch(/Asha|longer circles|local-/);
  });
});
