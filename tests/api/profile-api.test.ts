import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MEETING = 'https://teams.microsoft.com/meet/2345678901234?p=Profile1';

async function put(url: string, body: unknown, token: string) {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('profiles (GET/PUT /api/me/profile) and organisation-only circles', () => {
  let service: TestService;
  let facilitator: string;
  let asha: string;
  let ben: string;
  beforeAll(async () => {
    service = await startTestService();
    // Local facilitators belong to "Local Demo NHS Trust" with ODS code LOCAL (see DevIdentityApi).
    facilitator = await localToken(service, 'Fay Facilitator', 'facilitator');
    asha = await localToken(service, 'Asha Manager');
    ben = await localToken(service, 'Ben Manager');
  });
  afterAll(async () => {
    await service.stop();
  });

  it('has no profile at first, and lists the regions to choose from', async () => {
    const response = await getJson(`${service.url}/api/me/profile`, bearer(asha));
    expect(response.status).toBe(200);
    expect(response.body.profile).toBeNull();
    expect(response.body.regions).toContain('North East and Yorkshire');
    expect(response.body.regions).toHaveLength(7);
  });

  it('saves the organisation, an ODS code (upper-cased) and a region, and reads them back', async () => {
    const saved = await put(
      `${service.url}/api/me/profile`,
      { organisationName: '  Barts Health NHS Trust ', odsCode: 'r1h', region: 'London' },
      asha,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toEqual({
      organisationName: 'Barts Health NHS Trust',
      odsCode: 'R1H',
      region: 'London',
    });
    expect((await getJson(`${service.url}/api/me/profile`, bearer(asha))).body.profile).toEqual(
      saved.body.profile,
    );
    const withoutCode = await put(
      `${service.url}/api/me/profile`,
      { organisationName: 'Barts Health NHS Trust', odsCode: '', region: 'London' },
      asha,
    );
    expect(withoutCode.body.profile).toMatchObject({ odsCode: null });
  });

  it('refuses a malformed ODS code, an unknown region, a long name and unknown fields (400)', async () => {
    for (const bad of [
      { organisationName: 'Trust', odsCode: 'R-1H', region: 'London' },
      { organisationName: 'Trust', odsCode: 'ABCDEFG', region: 'London' },
      { organisationName: 'Trust', region: 'Atlantis' },
      { organisationName: 'x'.repeat(201), region: 'London' },
      { organisationName: '', region: 'London' },
      { organisationName: 'Trust', region: 'London', userId: 'someone-else' },
    ]) {
      const response = await put(`${service.url}/api/me/profile`, bad, ben);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('lets managers of the running organisation book an organisation-only circle, and nobody else', async () => {
    const created = await postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'routines',
        title: 'Only for our trust',
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        meetingUrl: MEETING,
        audience: 'organisation',
      },
      bearer(facilitator),
    );
    expect(created.status).toBe(201);
    const book = (token: string) =>
      postJson(`${service.url}/api/circles/${created.body.id as string}/bookings`, {}, bearer(token));

    const outsider = await book(ben);
    expect(outsider.status).toBe(403);
    expect(outsider.body).toMatchObject({ error: { code: 'NOT_IN_AUDIENCE' } });
    await put(
      `${service.url}/api/me/profile`,
      { organisationName: 'Elsewhere', odsCode: 'RXP', region: 'Midlands' },
      ben,
    );
    expect((await book(ben)).status).toBe(403);
    await put(
      `${service.url}/api/me/profile`,
      { organisationName: 'Local Demo NHS Trust', odsCode: 'local', region: 'Midlands' },
      ben,
    );
    expect(await book(ben)).toEqual({ status: 201, body: { status: 'confirmed' } });
  });

  it('includes the profile in the data export and deletes it on erasure', async () => {
    const cara = await localToken(service, 'Cara Manager');
    await put(`${service.url}/api/me/profile`, { organisationName: 'Trust C', region: 'North West' }, cara);
    const exported = await getJson(`${service.url}/api/me/data`, bearer(cara));
    expect(exported.body.profile).toEqual({
      organisationName: 'Trust C',
      odsCode: null,
      region: 'North West',
    });
    const erased = await fetch(`${service.url}/api/me/data`, { method: 'DELETE', headers: bearer(cara) });
    expect(erased.status).toBeLessThan(300);
    const again = await localToken(service, 'Cara Manager');
    expect((await getJson(`${service.url}/api/me/profile`, bearer(again))).body.profile).toBeNull();
  });
});
