import { FakeGraph } from '../support/fake-graph';
import { LocalOpenIdServer, makeKey, sign, type TestKey } from '../support/jwt-issuer';
import { localToken, postJson, startTestService, type TestService } from '../support/service';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const AUDIENCE = `api://localhost/${CLIENT_ID}`;
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('"Create the Teams meeting for me" (POST /api/meetings) against a fake Graph on loopback', () => {
  let openId: LocalOpenIdServer;
  let graph: FakeGraph;
  let service: TestService;
  let key: TestKey;

  const tokenFor = (oid: string) =>
    sign(key, {
      iss: ISSUER,
      aud: AUDIENCE,
      tid: TENANT,
      oid,
      name: 'Fay Facilitator',
      scp: 'access_as_user',
    });
  const request = { subject: 'Routines that hold a team together', startsAt: inDays(7), durationMinutes: 60 };

  beforeAll(async () => {
    key = await makeKey('entra-key');
    openId = new LocalOpenIdServer([key]);
    await openId.start();
    graph = new FakeGraph({ clientId: CLIENT_ID, clientSecret: 'test-secret', tenantId: TENANT });
    await graph.start();
    service = await startTestService({
      AUTH_MODE: 'entra',
      TAB_TENANT_ID: TENANT,
      TAB_AUDIENCE: `${AUDIENCE},${CLIENT_ID}`,
      TAB_JWKS_URL: `${openId.url}/keys`,
      TAB_CLIENT_SECRET: 'test-secret',
      GRAPH_LOGIN_URL: graph.url,
      GRAPH_URL: graph.url,
      ADMIN_OBJECT_IDS: 'admin-oid',
    });
    await service.stores.roles.grant('facilitator-oid', 'facilitator', new Date());
    await service.stores.facilitators.upsert(
      {
        userId: 'facilitator-oid',
        name: 'Fay Facilitator',
        organisationName: 'Barts Health NHS Trust',
        odsCode: 'R1H',
        region: 'London',
      },
      new Date(),
    );
  });
  afterEach(() => {
    graph.mode = 'ok';
    graph.seen.splice(0);
  });
  afterAll(async () => {
    await service.stop();
    await graph.stop();
    await openId.stop();
  });

  it('exchanges the facilitator’s own token on their behalf, creates the meeting, and the link makes a circle', async () => {
    const token = await tokenFor('facilitator-oid');
    const created = await postJson(`${service.url}/api/meetings`, request, bearer(token));
    expect(created.status).toBe(201);
    const joinUrl = created.body.joinUrl as string;
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/meet\/\d+\?p=FakePass\d+$/);

    const [exchange, meeting] = graph.seen;
    expect(exchange?.body).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: token,
      scope: 'https://graph.microsoft.com/OnlineMeetings.ReadWrite',
      client_id: CLIENT_ID,
    });
    expect(meeting?.authorization).toMatch(/^Bearer graph-token-\d+$/);
    expect(meeting?.body).toEqual({
      subject: request.subject,
      startDateTime: new Date(request.startsAt).toISOString(),
      endDateTime: new Date(Date.parse(request.startsAt) + 3_600_000).toISOString(),
    });

    const circle = await postJson(
      `${service.url}/api/circles`,
      { themeId: 'routines', title: request.subject, startsAt: request.startsAt, meetingUrl: joinUrl },
      bearer(token),
    );
    expect(circle.status).toBe(201);
    expect(circle.body.meetingUrl).toBe(joinUrl);
  });

  it('says consent is needed (403 MEETING_CONSENT_REQUIRED) when Entra asks for it', async () => {
    graph.mode = 'consent-required';
    const refused = await postJson(
      `${service.url}/api/meetings`,
      request,
      bearer(await tokenFor('facilitator-oid')),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'MEETING_CONSENT_REQUIRED' } });
  });

  it('answers 403 MEETING_CONSENT_REQUIRED when Graph refuses, and 502 MEETING_NOT_CREATED when it fails or returns no Teams link', async () => {
    const token = await tokenFor('facilitator-oid');
    graph.mode = 'graph-forbidden';
    expect((await postJson(`${service.url}/api/meetings`, request, bearer(token))).body).toMatchObject({
      error: { code: 'MEETING_CONSENT_REQUIRED' },
    });
    for (const mode of ['graph-fails', 'bad-link'] as const) {
      graph.mode = mode;
      const failed = await postJson(`${service.url}/api/meetings`, request, bearer(token));
      expect(failed.status).toBe(502);
      expect(failed.body).toMatchObject({ error: { code: 'MEETING_NOT_CREATED' } });
    }
  });

  it('refuses managers (403 FORBIDDEN) and bad requests (400) without calling Graph', async () => {
    const manager = await postJson(
      `${service.url}/api/meetings`,
      request,
      bearer(await tokenFor('manager-oid')),
    );
    expect(manager.status).toBe(403);
    expect(manager.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const token = await tokenFor('facilitator-oid');
    for (const bad of [
      { ...request, startsAt: inDays(-1) },
      { ...request, durationMinutes: 5 },
      { ...request, subject: '' },
      { ...request, extra: true },
    ]) {
      expect((await postJson(`${service.url}/api/meetings`, bad, bearer(token))).status).toBe(400);
    }
    expect(graph.seen).toEqual([]);
  });
});

describe('POST /api/meetings without Graph configured (local mode)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('answers 503 MEETINGS_UNAVAILABLE so the tab falls back to pasting a link', async () => {
    const token = await localToken(service, 'Fay Facilitator', 'facilitator');
    const response = await postJson(
      `${service.url}/api/meetings`,
      { subject: 'A circle', startsAt: inDays(3), durationMinutes: 60 },
      bearer(token),
    );
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ error: { code: 'MEETINGS_UNAVAILABLE' } });
    const settings = await fetch(`${service.url}/api/tab-settings`);
    expect(await settings.json()).toMatchObject({ meetingCreation: false });
  });
});
