import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { localUserId } from '../../bot/auth/local-issuer';
import type { OpenApiDocument, OpenApiOperation } from '../../bot/http/openapi';
import { botAddedActivity, messageActivity } from '../support/activities';
import { FakeConnector } from '../support/fake-connector';
import { sampleCircle } from '../support/sample-circle';
import { succeed } from '../../core/errors';
import { createCircle, localToken, postJson, startTestService, type TestService } from '../support/service';

const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_contract%40thread.v2/0';
const CHANNEL = '19:contract-channel@thread.tacv2';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Routes the service serves that are not the tab API, with why they are outside its document. */
const OUTSIDE_THE_DOCUMENT: Record<string, string> = {
  'POST /api/messages': "Bot Framework's own protocol (an Activity, checked by botbuilder)",
  'GET /tab': 'a redirect to the static tab',
  'GET /tab/*': "the tab's static files",
};

/** One request a conformance check sends. */
interface Call {
  path: string;
  token?: string;
  body?: unknown;
}

/** What the calls share: people, circles and a channel made before the checks run. */
interface Fixture {
  service: TestService;
  manager: string;
  facilitator: string;
  admin: string;
  /** An upcoming circle run by the facilitator, on which the manager holds a confirmed place. */
  circleId: string;
}

async function newBroadcast(fixture: Fixture): Promise<string> {
  const sent = await send(fixture, 'POST', {
    path: '/api/admin/broadcasts',
    token: fixture.admin,
    body: { guideId: 'pause-spaces' },
  });
  expect(sent.status).toBe(202);
  return ((await sent.json()) as { id: string }).id;
}

async function newCircle(fixture: Fixture, title: string): Promise<string> {
  return createCircle(fixture.service, fixture.facilitator, {
    themeId: 'routines',
    title,
    startsAt: inDays(9),
    meetingUrl: MEETING,
  });
}

async function send(fixture: Fixture, method: string, call: Call): Promise<Response> {
  const headers: Record<string, string> = {};
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${fixture.service.url}${call.path}`, {
    method,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}

/**
 * A valid request for every documented operation, keyed `METHOD /openapi/path`. Adding a route means adding its
 * line here: the first test fails until every documented operation has one.
 */
const VALID_CALLS: Record<string, (fixture: Fixture) => Call | Promise<Call>> = {
  'GET /healthz': () => ({ path: '/healthz' }),
  'GET /api/openapi.json': () => ({ path: '/api/openapi.json' }),
  'GET /api/tab-settings': () => ({ path: '/api/tab-settings' }),
  'GET /api/me': (f) => ({ path: '/api/me', token: f.manager }),
  'GET /api/plan': (f) => ({ path: '/api/plan', token: f.manager }),
  'GET /api/guides': (f) => ({ path: '/api/guides?audience=facilitator', token: f.manager }),
  'GET /api/guides/{id}': (f) => ({ path: '/api/guides/candour-and-calm', token: f.manager }),
  'POST /api/guides/{id}/feedback': (f) => ({
    path: '/api/guides/candour-and-calm/feedback',
    token: f.manager,
    body: { helpful: true, voteId: '5b1e7a52-3c0d-4c55-9d3e-0c4f3a9b2e11' },
  }),
  'GET /api/resources': (f) => ({ path: '/api/resources?theme=routines', token: f.manager }),
  'POST /api/admin/content/reload': (f) => ({ path: '/api/admin/content/reload', token: f.admin }),
  'POST /api/ask': (f) => ({
    path: '/api/ask',
    token: f.manager,
    body: { question: 'How do I keep my team connected when half of them work nights?' },
  }),
  'GET /api/admin/unanswered': (f) => ({ path: '/api/admin/unanswered?limit=5', token: f.admin }),
  'POST /api/circles': (f) => ({
    path: '/api/circles',
    token: f.facilitator,
    body: { themeId: 'safe-spaces', title: 'Safe spaces', startsAt: inDays(12), meetingUrl: MEETING },
  }),
  'GET /api/circles': (f) => ({ path: '/api/circles?theme=routines&available=true', token: f.manager }),
  'GET /api/circles/{id}': (f) => ({ path: `/api/circles/${f.circleId}`, token: f.manager }),
  'PATCH /api/circles/{id}': (f) => ({
    path: `/api/circles/${f.circleId}`,
    token: f.facilitator,
    body: { capacity: 8 },
  }),
  'DELETE /api/circles/{id}': async (f) => ({
    path: `/api/circles/${await newCircle(f, 'A circle to cancel')}`,
    token: f.facilitator,
  }),
  'POST /api/circles/{id}/bookings': async (f) => ({
    path: `/api/circles/${await newCircle(f, 'A circle to book')}/bookings`,
    token: f.manager,
  }),
  'DELETE /api/circles/{id}/bookings/me': async (f) => {
    const id = await newCircle(f, 'A circle to leave');
    expect((await send(f, 'POST', { path: `/api/circles/${id}/bookings`, token: f.manager })).status).toBe(
      201,
    );
    return { path: `/api/circles/${id}/bookings/me`, token: f.manager };
  },
  'GET /api/circles/{id}/roster': (f) => ({
    path: `/api/circles/${f.circleId}/roster`,
    token: f.facilitator,
  }),
  'GET /api/circles/{id}/calendar.ics': async (f) => {
    const view = (await (
      await send(f, 'GET', { path: `/api/circles/${f.circleId}`, token: f.manager })
    ).json()) as {
      calendarUrl: string;
    };
    const link = new URL(view.calendarUrl);
    return { path: `${link.pathname}${link.search}` };
  },
  'PUT /api/circles/{id}/attendance': async (f) => {
    // Attendance is for a circle that has started: one is written straight to the store.
    const ran = sampleCircle({
      id: '00000000-0000-4000-8000-00000000c0de',
      facilitatorId: localUserId('Fran Facilitator'),
      startsAt: new Date(Date.now() - 600_000).toISOString(),
    });
    await f.service.stores.circles.create(ran, new Date(Date.now() - 86_400_000));
    const userId = localUserId('Mo Manager');
    await f.service.stores.circles.signUp(
      ran.id,
      { userId, organisationId: undefined, displayName: 'Mo Manager' },
      new Date(Date.now() - 86_400_000),
    );
    return {
      path: `/api/circles/${ran.id}/attendance`,
      token: f.facilitator,
      body: { userId, attended: true },
    };
  },
  'PUT /api/circles/{id}/co-facilitators': async (f) => {
    const coFacilitator = localUserId('Cora Cofacilitator');
    await f.service.stores.roles.grant(coFacilitator, 'facilitator', new Date());
    return {
      path: `/api/circles/${await newCircle(f, 'A circle run by two')}/co-facilitators`,
      token: f.facilitator,
      body: { userIds: [coFacilitator] },
    };
  },
  'GET /api/me/bookings': (f) => ({ path: '/api/me/bookings', token: f.manager }),
  'GET /api/me/data': (f) => ({ path: '/api/me/data', token: f.manager }),
  'DELETE /api/me/data': async (f) => ({
    path: '/api/me/data',
    token: await localToken(f.service, 'Erin Erased', 'manager'),
  }),
  'GET /api/channels': (f) => ({ path: '/api/channels', token: f.facilitator }),
  'POST /api/circles/{id}/posts': (f) => ({
    path: `/api/circles/${f.circleId}/posts`,
    token: f.facilitator,
    body: { conversationId: CHANNEL },
  }),
  'GET /api/facilitators': (f) => ({ path: '/api/facilitators?region=Local', token: f.manager }),
  'POST /api/admin/facilitators': (f) => ({
    path: '/api/admin/facilitators',
    token: f.admin,
    body: {
      userId: '7f2c1a9e-4b3d-4e8f-9a1b-2c3d4e5f6a7b',
      name: 'Nia Newfacilitator',
      organisationName: 'Example NHS Foundation Trust',
      odsCode: 'RXP',
      region: 'North East',
    },
  }),
  'DELETE /api/admin/facilitators/{userId}': async (f) => {
    const userId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const added = await send(f, 'POST', {
      path: '/api/admin/facilitators',
      token: f.admin,
      body: { userId, name: 'Rae Revoked', organisationName: 'Example Trust', region: 'London' },
    });
    expect(added.status).toBe(201);
    return { path: `/api/admin/facilitators/${userId}?confirm=${userId}`, token: f.admin };
  },
  'GET /api/admin/audit': (f) => ({ path: '/api/admin/audit?limit=5', token: f.admin }),
  'GET /api/me/profile': (f) => ({ path: '/api/me/profile', token: f.manager }),
  'GET /api/me/nudges': (f) => ({ path: '/api/me/nudges', token: f.manager }),
  'PUT /api/me/nudges': (f) => ({
    path: '/api/me/nudges',
    token: f.manager,
    body: { enabled: true, day: 'wednesday', time: '08:30', timeZone: 'Europe/London' },
  }),
  'POST /api/admin/broadcasts': (f) => ({
    path: '/api/admin/broadcasts',
    token: f.admin,
    body: { guideId: 'huddles-that-help' },
  }),
  'GET /api/admin/broadcasts/{id}': async (f) => ({
    path: `/api/admin/broadcasts/${await newBroadcast(f)}`,
    token: f.admin,
  }),
  'POST /api/admin/broadcasts/{id}/resend': async (f) => ({
    path: `/api/admin/broadcasts/${await newBroadcast(f)}/resend`,
    token: f.admin,
  }),
  'POST /api/admin/nudges/run': (f) => ({ path: '/api/admin/nudges/run', token: f.admin }),
  'PUT /api/me/profile': (f) => ({
    path: '/api/me/profile',
    token: f.manager,
    body: { organisationName: 'Example NHS Foundation Trust', odsCode: 'rxp', region: 'London' },
  }),
  'GET /api/facilitators/directory': (f) => ({ path: '/api/facilitators/directory?q=fran', token: f.admin }),
  'GET /api/admin/impact': (f) => ({ path: '/api/admin/impact', token: f.admin }),
  'GET /api/admin/impact.csv': (f) => ({ path: '/api/admin/impact.csv?from=2026-01-01', token: f.admin }),
  'GET /api/facilitator/impact': (f) => ({ path: '/api/facilitator/impact', token: f.facilitator }),
  'POST /api/meetings': (f) => ({
    path: '/api/meetings',
    token: f.facilitator,
    body: { subject: 'A circle with a meeting made for it', startsAt: inDays(5), durationMinutes: 60 },
  }),
  'POST /api/circles/{id}/feedback': async (f) => {
    // Feedback is for a circle that has started, from a confirmed participant: one is written straight to the store.
    const ran = sampleCircle({
      id: '00000000-0000-4000-8000-0000000feeda',
      facilitatorId: localUserId('Fran Facilitator'),
      startsAt: new Date(Date.now() - 600_000).toISOString(),
    });
    await f.service.stores.circles.create(ran, new Date(Date.now() - 86_400_000));
    await f.service.stores.circles.signUp(
      ran.id,
      { userId: localUserId('Mo Manager'), organisationId: undefined, displayName: 'Mo Manager' },
      new Date(Date.now() - 86_400_000),
    );
    return {
      path: `/api/circles/${ran.id}/feedback`,
      token: f.manager,
      body: { helpful: 4, recommend: true, change: 'Book the next one' },
    };
  },
  'POST /api/dev/token': () => ({ path: '/api/dev/token', body: { name: 'Tess Token', role: 'manager' } }),
  'GET /api/dev/jwks': () => ({ path: '/api/dev/jwks' }),
};

/** The document's operations as `METHOD /path` keys. */
function operationsOf(document: OpenApiDocument): Map<string, OpenApiOperation> {
  const operations = new Map<string, OpenApiOperation>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

describe('the OpenAPI document and what the API answers', () => {
  let service: TestService;
  let connector: FakeConnector;
  let fixture: Fixture;
  let document: OpenApiDocument;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);

  /** Checks an answer against what the document says that operation answers with that status. */
  async function expectDocumented(key: string, response: Response): Promise<void> {
    const operation = operationsOf(document).get(key);
    if (!operation) throw new Error(`${key} is not in the document`);
    const documented = operation.responses[String(response.status)];
    const text = await response.text();
    expect({
      key,
      status: response.status,
      documented: documented !== undefined,
      text: text.slice(0, 300),
    }).toEqual({
      key,
      status: response.status,
      documented: true,
      text: text.slice(0, 300),
    });
    const content = Object.entries(documented?.content ?? {});
    if (content.length === 0) {
      expect(text).toBe('');
      return;
    }
    const [[mediaType, { schema }]] = content as [[string, { schema: object }]];
    expect(response.headers.get('content-type') ?? '').toContain(mediaType);
    const validate = ajv.compile(schema);
    const body: unknown = mediaType === 'application/json' ? JSON.parse(text) : text;
    validate(body);
    expect({ key, status: response.status, problems: ajv.errorsText(validate.errors ?? []) }).toEqual({
      key,
      status: response.status,
      problems: 'No errors',
    });
  }

  beforeAll(async () => {
    connector = new FakeConnector();
    const serviceUrl = await connector.start();
    // Meeting creation goes through the OnlineMeetings port; its Graph adapter is tested against a fake Graph in
    // meetings-api.test.ts, so here the port answers directly.
    service = await startTestService({}, undefined, {
      onlineMeetings: {
        create: (_assertion, request) =>
          Promise.resolve(
            succeed({
              joinUrl: `https://teams.microsoft.com/meet/${request.startsAt.getTime()}?p=contractTest`,
            }),
          ),
      },
    });
    fixture = {
      service,
      manager: await localToken(service, 'Mo Manager', 'manager'),
      facilitator: await localToken(service, 'Fran Facilitator', 'facilitator'),
      admin: await localToken(service, 'Ade Admin', 'admin'),
      circleId: '',
    };
    fixture.circleId = await newCircle(fixture, 'Routines that hold a ward together');
    expect(
      (
        await send(fixture, 'POST', {
          path: `/api/circles/${fixture.circleId}/bookings`,
          token: fixture.manager,
        })
      ).status,
    ).toBe(201);
    const before = connector.calls.length;
    await postJson(`${service.url}/api/messages`, {
      ...botAddedActivity({ serviceUrl, conversationType: 'channel', conversationId: CHANNEL }),
      channelData: { tenant: { id: 'tenant-1' }, team: { id: CHANNEL, name: 'Ward 7' } },
    });
    await connector.waitForCalls(before + 1);
    // Someone with nudges on in a 1:1 chat, so a broadcast has a recipient.
    const beforeNudges = connector.calls.length;
    await postJson(
      `${service.url}/api/messages`,
      messageActivity({
        serviceUrl,
        text: 'nudges on',
        aadObjectId: 'oid-nudged',
        conversationId: 'a:oid-nudged',
      }),
    );
    await connector.waitForCalls(beforeNudges + 1);
    const served = await fetch(`${service.url}/api/openapi.json`);
    expect(served.status).toBe(200);
    document = (await served.json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('is served without a token as OpenAPI 3.1, never cached', async () => {
    const response = await fetch(`${service.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/circles/{id}']?.patch?.requestBody).toBeDefined();
    await expectDocumented('GET /api/openapi.json', response);
  });

  it('documents every route the service registers, and registers every route it documents', () => {
    const registered = service
      .registeredRoutes()
      .map(({ method, path }) => `${method} ${path.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`)
      .filter((key) => !(key in OUTSIDE_THE_DOCUMENT));
    const documented = [...operationsOf(document).keys()];
    expect(registered.length).toBeGreaterThan(30);
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it('has a valid request in this test for every documented operation', () => {
    expect(Object.keys(VALID_CALLS).sort()).toEqual([...operationsOf(document).keys()].sort());
  });

  it.each(Object.keys(VALID_CALLS))('answers %s as the document says', async (key) => {
    const [method = ''] = key.split(' ');
    const call = await VALID_CALLS[key]!(fixture);
    const response = await send(fixture, method, call);
    expect({ key, success: response.status >= 200 && response.status < 300 }).toEqual({ key, success: true });
    await expectDocumented(key, response);
  });

  it('refuses every signed-in operation without a token with the documented 401', async () => {
    const guarded = [...operationsOf(document)].filter(([, operation]) => operation.security.length > 0);
    expect(guarded.length).toBeGreaterThan(25);
    for (const [key, operation] of guarded) {
      const [method = '', path = ''] = key.split(' ');
      const concrete = path
        .replace('{id}', '3f1d2c4b-5a6e-4f70-8192-a3b4c5d6e7f8')
        .replace('{userId}', 'someone');
      const response = await send(fixture, method, {
        path: concrete,
        ...(operation.requestBody ? { body: {} } : {}),
      });
      expect({ key, status: response.status }).toEqual({ key, status: 401 });
      await expectDocumented(key, response);
    }
  });

  it('answers a bad body with a documented 400 VALIDATION_FAILED naming the field', async () => {
    const response = await send(fixture, 'PATCH', {
      path: `/api/circles/${fixture.circleId}`,
      token: fixture.facilitator,
      body: { capacity: 'many' },
    });
    expect(response.status).toBe(400);
    const body = (await response.clone().json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((problem) => problem.path)).toEqual(['capacity']);
    await expectDocumented('PATCH /api/circles/{id}', response);
  });
});
