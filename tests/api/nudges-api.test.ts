import { localUserId } from '../../bot/auth/local-issuer';
import { getJson, localToken, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function putJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET and PUT /api/me/nudges: the caller’s own nudge settings', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await localToken(service, 'Nia Nudged');
  });
  afterAll(async () => {
    await service.stop();
  });

  const url = () => `${service.url}/api/me/nudges`;

  it('answers the defaults (off; weekly, Monday 09:00 Europe/London) until the person chooses', async () => {
    const fresh = await localToken(service, 'Never Chose');
    expect(await getJson(url(), bearer(fresh))).toEqual({
      status: 200,
      body: { enabled: false, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
    });
  });

  it('saves the settings for the verified caller and reads them back', async () => {
    const settings = { enabled: true, day: 'thursday', time: '16:45', timeZone: 'America/New_York' };
    expect(await putJson(url(), settings, bearer(token))).toEqual({ status: 200, body: settings });
    expect((await getJson(url(), bearer(token))).body).toEqual(settings);
    expect(await service.stores.nudges.get(localUserId('Nia Nudged'))).toEqual(settings);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a time zone abbreviation that is no IANA zone', { timeZone: 'Not a zone' }, 'timeZone'],
    ['a 12-hour time', { time: '9:00pm' }, 'time'],
    ['an hour past 23', { time: '24:00' }, 'time'],
    ['a day that is not a weekday name', { day: 'someday' }, 'day'],
    ['enabled as a string', { enabled: 'yes' }, 'enabled'],
    ['an extra field', { userId: 'someone-else' }, '(body)'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_what, change, field) => {
    const valid = { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' };
    const refused = await putJson(url(), { ...valid, ...change }, bearer(token));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(refused.body)).toContain(field);
  });

  it('exports the settings with the person’s data and forgets them on erasure', async () => {
    const eraser = await localToken(service, 'Ezra Erased');
    const settings = { enabled: true, day: 'sunday', time: '20:00', timeZone: 'Europe/Dublin' };
    await putJson(url(), settings, bearer(eraser));
    const exported = await getJson(`${service.url}/api/me/data`, bearer(eraser));
    expect(exported.body.nudges).toEqual({ settings, history: [] });
    const erased = await fetch(`${service.url}/api/me/data`, { method: 'DELETE', headers: bearer(eraser) });
    expect(erased.status).toBe(204);
    expect(await service.stores.nudges.get(localUserId('Ezra Erased'))).toBeUndefined();
  });

  it('needs a signed-in caller', async () => {
    expect((await getJson(url())).status).toBe(401);
    expect((await putJson(url(), {}, {})).status).toBe(401);
  });
});
