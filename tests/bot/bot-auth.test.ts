import { FakeConnector } from '../support/fake-connector';
import { messageActivity } from '../support/activities';
import { LocalOpenIdServer, makeKey, sign, withForeignSignature, type TestKey } from '../support/jwt-issuer';
import { postJson, startTestService, type TestService } from '../support/service';
import { OUTBOUND_TEST_TOKEN, TestCredentialsFactory } from '../support/test-credentials';

const APP_ID = 'bot-app-id';
const ISSUER = 'https://api.botframework.com';

describe('the Bot Framework door with an app id configured', () => {
  let openId: LocalOpenIdServer;
  let connector: FakeConnector;
  let serviceUrl: string;
  let service: TestService;
  let key: TestKey;
  let strangerKey: TestKey;
  let conversationCounter = 0;

  beforeAll(async () => {
    key = await makeKey('channel-key');
    strangerKey = await makeKey('stranger-key');
    openId = new LocalOpenIdServer([key], ['msteams']);
    await openId.start();
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    const metadata = `${openId.url}/.well-known/openid-configuration`;
    service = await startTestService(
      {
        BOT_ID: APP_ID,
        BOT_TYPE: 'MultiTenant',
        BOT_AUTH_OPENID_METADATA_URL: metadata,
        BOT_AUTH_TOKEN_ISSUER: ISSUER,
        BOT_AUTH_LOGIN_URL: `${openId.url}/login`,
        BOT_AUTH_OAUTH_SCOPE: ISSUER,
        BOT_AUTH_OAUTH_URL: `${openId.url}/oauth`,
        BOT_AUTH_EMULATOR_OPENID_METADATA_URL: metadata,
        BOT_AUTH_CALLER_ID: 'urn:botframework:azure',
      },
      new TestCredentialsFactory(APP_ID),
    );
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
    await openId.stop();
  });

  async function deliver(authorization: string | undefined, activityServiceUrl = serviceUrl) {
    conversationCounter += 1;
    const conversationId = `a:auth-${conversationCounter}`;
    const before = connector.calls.length;
    const activity = messageActivity({ serviceUrl: activityServiceUrl, conversationId, text: 'help' });
    const response = await postJson(
      `${service.url}/api/messages`,
      activity,
      authorization ? { authorization } : {},
    );
    const saved = await service.stores.conversations.get(conversationId);
    return { response, handlerRan: saved !== undefined, before };
  }

  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: serviceUrl,
    ...overrides,
  });

  it('accepts a valid channel token, runs the bot and replies with its own credentials', async () => {
    const token = await sign(key, claims());
    const { response, handlerRan, before } = await deliver(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(handlerRan).toBe(true);
    const calls = await connector.waitForCalls(before + 1);
    expect(calls[before]?.authorization).toBe(`Bearer ${OUTBOUND_TEST_TOKEN}`);
  });

  const refusals: [string, () => Promise<string | undefined>, string?][] = [
    ['a missing Authorization header', () => Promise.resolve(undefined)],
    [
      'a token for another bot (wrong audience)',
      async () => `Bearer ${await sign(key, claims({ aud: 'other-bot' }))}`,
    ],
    [
      'a token from another issuer',
      async () => `Bearer ${await sign(key, claims({ iss: 'https://evil.example' }))}`,
    ],
    ['an expired token', async () => `Bearer ${await sign(key, claims(), { expiresInSeconds: -900 })}`],
    ['a token signed by an unknown key', async () => `Bearer ${await sign(strangerKey, claims())}`],
    [
      'a token whose signature was swapped (bad signature)',
      async () =>
        `Bearer ${withForeignSignature(await sign(key, claims()), await sign(strangerKey, claims()))}`,
    ],
    [
      'a token issued for a different serviceUrl',
      async () => `Bearer ${await sign(key, claims({ serviceurl: 'https://smba.example/' }))}`,
    ],
    ['a header that is not a bearer token', () => Promise.resolve('Basic dXNlcjpwYXNz')],
  ];

  it.each(refusals)('rejects %s and never runs the bot', async (_label, makeHeader) => {
    const { response, handlerRan, before } = await deliver(await makeHeader());
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((response.body.error as { code: string }).code).toBe('BOT_AUTH_FAILED');
    expect(handlerRan).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connector.calls.length).toBe(before);
  });
});
