import { startTestService, type TestService } from '../support/service';

describe('serving the tab', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('serves the built tab with a CSP that lets only Teams and Microsoft 365 frame it', async () => {
    const response = await fetch(`${service.url}/tab/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/frame-ancestors 'self' teams\.microsoft\.com \*\.teams\.microsoft\.com /);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    const script = /<script type="module" crossorigin src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${service.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('tells the tab, without a token, that the local identity switcher is on in local mode', async () => {
    const response = await fetch(`${service.url}/api/tab-settings`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      localIdentity: true,
      clientId: 'api://leading-compassionately-local',
      initiateLoginEndpoint: `${service.url}/tab/`,
      meetingCreation: false,
    });
  });

  it('gives the Entra client id and no identity switcher in Entra mode', async () => {
    const entra = await startTestService({
      AUTH_MODE: 'entra',
      TAB_TENANT_ID: '11111111-2222-3333-4444-555555555555',
      TAB_AUDIENCE:
        'api://tab.example.org/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      TAB_JWKS_URL: 'http://127.0.0.1:9/keys',
    });
    try {
      const response = await fetch(`${entra.url}/api/tab-settings`);
      expect(await response.json()).toMatchObject({
        localIdentity: false,
        clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      });
      expect((await fetch(`${entra.url}/api/dev/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      await entra.stop();
    }
  });
});
