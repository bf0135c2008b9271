import { LOCAL_AUDIENCE, LOCAL_ISSUER, LOCAL_TENANT_ID } from '../../bot/config';
import { LocalOpenIdServer, makeKey, sign, withForeignSignature, type TestKey } from '../support/jwt-issuer';
import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the tab API in local mode', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('refuses /api/me without a token', async () => {
    const response = await getJson(`${service.url}/api/me`);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'TOKEN_MISSING' } });
  });

  it('returns the caller and their roles for a locally issued token', async () => {
    const token = await localToken(service, 'Priya Shah', 'facilitator');
    const response = await getJson(`${service.url}/api/me`, bearer(token));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Priya Shah',
      tenantId: LOCAL_TENANT_ID,
      roles: ['manager', 'facilitator'],
    });
  });

  it('gives a named local user exactly the role asked for, and the same id every time', async () => {
    const asAdmin = await localToken(service, 'Sam Jones', 'admin');
    const first = await getJson(`${service.url}/api/me`, bearer(asAdmin));
    expect(first.body.roles).toEqual(['manager', 'admin']);
    const asManager = await localToken(service, 'Sam Jones', 'manager');
    const second = await getJson(`${service.url}/api/me`, bearer(asManager));
    expect(second.body.roles).toEqual(['manager']);
    expect(second.body.id).toBe(first.body.id);
  });

  it('refuses a dev token request with an unknown role or no name', async () => {
    const badRole = await postJson(`${service.url}/api/dev/token`, { name: 'Al', role: 'superuser' });
    expect(badRole.status).toBe(400);
    expect(badRole.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const noName = await postJson(`${service.url}/api/dev/token`, { role: 'manager' });
    expect(noName.status).toBe(400);
  });

  it('serves the local JWKS with public keys only', async () => {
    const response = await getJson(`${service.url}/api/dev/jwks`);
    const keys = response.body.keys as Record<string, unknown>[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it("refuses a token signed by a key that is not the local issuer's", async () => {
    const stranger = await makeKey('stranger');
    const forged = await sign(stranger, {
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      tid: LOCAL_TENANT_ID,
      oid: 'someone',
      scp: 'access_as_user',
    });
    const response = await getJson(`${service.url}/api/me`, bearer(forged));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
  });
});

describe('the tab API against an Entra-style issuer (AUTH_MODE=entra)', () => {
  const TENANT = '11111111-2222-3333-4444-555555555555';
  const AUDIENCE = 'api://localhost/11111111-aaaa-bbbb-cccc-000000000000';
  const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
  let openId: LocalOpenIdServer;
  let service: TestService;
  let key: TestKey;
  let stranger: TestKey;

  beforeAll(async () => {
    key = await makeKey('entra-key');
    stranger = await makeKey('stranger-key');
    openId = new LocalOpenIdServer([key]);
    await openId.start();
    service = await startTestService({
      AUTH_MODE: 'entra',
      TAB_TENANT_ID: TENANT,
      TAB_AUDIENCE: AUDIENCE,
      TAB_JWKS_URL: `${openId.url}/keys`,
      ADMIN_OBJECT_IDS: 'admin-oid',
    });
  });
  afterAll(async () => {
    await service.stop();
    await openId.stop();
  });

  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: AUDIENCE,
    tid: TENANT,
    oid: 'manager-oid',
    name: 'Jo Bloggs',
    scp: 'access_as_user',
    ...overrides,
  });
  const me = (token: string) => getJson(`${service.url}/api/me`, bearer(token));

  it('accepts a valid token and reads identity only from it', async () => {
    const response = await me(await sign(key, claims()));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'manager-oid', tenantId: TENANT, roles: ['manager'] });
  });

  it('makes configured admin object ids admins', async () => {
    const response = await me(await sign(key, claims({ oid: 'admin-oid' })));
    expect(response.body.roles).toEqual(['manager', 'admin']);
  });

  it('has no dev token endpoint outside local mode', async () => {
    const response = await postJson(`${service.url}/api/dev/token`, { name: 'Mallory', role: 'admin' });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await getJson(`${service.url}/api/dev/jwks`)).status).toBe(404);
  });

  const refusals: [string, () => Promise<string>][] = [
    ['a wrong audience', () => sign(key, claims({ aud: 'api://someone-else' }))],
    ['a wrong issuer', () => sign(key, claims({ iss: 'https://login.microsoftonline.com/other/v2.0' }))],
    ['another tenant', () => sign(key, claims({ tid: '99999999-2222-3333-4444-555555555555' }))],
    ['a missing access_as_user scope', () => sign(key, claims({ scp: 'User.Read' }))],
    ['an expired token', () => sign(key, claims(), { expiresInSeconds: -300 })],
    ['an unknown signing key', () => sign(stranger, claims())],
    [
      'a bad signature',
      async () => withForeignSignature(await sign(key, claims()), await sign(stranger, claims())),
    ],
    ['no object id', () => sign(key, claims({ oid: undefined }))],
    [
      'the "none" algorithm',
      () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const exp = Math.floor(Date.now() / 1000) + 600;
        return Promise.resolve(
          `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims(), exp, iat: exp - 900 })}.`,
        );
      },
    ],
    ['garbage', () => Promise.resolve('not.a.token')],
  ];

  it.each(refusals)('refuses a token with %s', async (_label, makeToken) => {
    const response = await me(await makeToken());
    expect(response.status).toBe(401);
    expect(['TOKEN_INVALID', 'TOKEN_MISSING']).toContain((response.body.error as { code: string }).code);
  });
});
