import { sampleCircle } from '../support/sample-circle';
import { getJson, localToken, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the facilitator directory (GET /api/facilitators/directory)', () => {
  let service: TestService;
  let fay: string;
  let admin: string;
  let manager: string;
  beforeAll(async () => {
    service = await startTestService();
    fay = await localToken(service, 'Fay Facilitator', 'facilitator');
    admin = await localToken(service, 'Ada Admin', 'admin');
    manager = await localToken(service, 'Mo Manager');
    const fayId = (await getJson(`${service.url}/api/me`, bearer(fay))).body.id as string;
    await service.stores.facilitators.upsert(
      {
        userId: 'grace',
        name: 'Grace Owusu',
        organisationName: 'Barts Health NHS Trust',
        odsCode: 'R1H',
        region: 'London',
      },
      new Date(),
    );
    const at = new Date(Date.now() - 30 * 86_400_000);
    const past = (
      id: string,
      themeId: 'routines' | 'recovery',
      daysAgo: number,
      status: 'scheduled' | 'cancelled',
    ) =>
      sampleCircle({
        id,
        themeId,
        facilitatorId: fayId,
        status,
        startsAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      });
    await service.stores.circles.create(past('d1', 'routines', 10, 'scheduled'), at);
    await service.stores.circles.create(past('d2', 'recovery', 5, 'scheduled'), at);
    await service.stores.circles.create(past('d3', 'routines', 3, 'cancelled'), at);
    await service.stores.circles.create(past('d4', 'recovery', -5, 'scheduled'), at);
  });
  afterAll(async () => {
    await service.stop();
  });

  it('lists each facilitator with organisation, ODS code, region, themes and circles run', async () => {
    const response = await getJson(`${service.url}/api/facilitators/directory`, bearer(admin));
    expect(response.status).toBe(200);
    expect(response.body.facilitators).toEqual([
      expect.objectContaining({
        name: 'Fay Facilitator',
        organisationName: 'Local Demo NHS Trust',
        odsCode: 'LOCAL',
        themes: ['recovery', 'routines'],
        circlesRun: 2,
      }),
      {
        userId: 'grace',
        name: 'Grace Owusu',
        organisationName: 'Barts Health NHS Trust',
        odsCode: 'R1H',
        region: 'London',
        themes: [],
        circlesRun: 0,
      },
    ]);
  });

  it('searches by organisation, ODS code or region, ignoring case', async () => {
    for (const q of ['barts', 'r1h', 'LONDON']) {
      const found = await getJson(`${service.url}/api/facilitators/directory?q=${q}`, bearer(fay));
      expect((found.body.facilitators as { name: string }[]).map((entry) => entry.name)).toEqual([
        'Grace Owusu',
      ]);
    }
  });

  it('is for facilitators and programme leads only, with a bounded query', async () => {
    expect((await getJson(`${service.url}/api/facilitators/directory`, bearer(manager))).status).toBe(403);
    expect(
      (await getJson(`${service.url}/api/facilitators/directory?q=${'x'.repeat(121)}`, bearer(fay))).status,
    ).toBe(400);
  });
});
