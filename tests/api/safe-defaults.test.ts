import { execFile } from 'node:child_process';
import path from 'node:path';
import { problemsOf } from '../support/config-problems';
import { serverEnv } from '../support/child-service';
import { LocalOpenIdServer, makeKey, sign, type TestKey } from '../support/jwt-issuer';
import { getJson, startTestService, type TestService } from '../support/service';

const ROOT = path.resolve(__dirname, '..', '..');
const production = {
  NODE_ENV: 'production',
  BOT_ID: 'app-id',
  BOT_PASSWORD: 'secret',
  BOT_TENANT_ID: 'tenant',
  TAB_TENANT_ID: 'tenant',
  TAB_AUDIENCE: 'api://example.org/app-id',
};

/** Runs the service's entry point from source with these variables; resolves with its exit code and stderr. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', path.join(ROOT, 'tests/support/register-ts.cjs'), path.join(ROOT, 'bot/main.ts')],
      { cwd: ROOT, env: serverEnv({ PORT: '0', ...env }), timeout: 60_000 },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stderr }),
    );
  });
}

describe('safe defaults', () => {
  it('refuses local mode (the local token issuer) on any interface but loopback', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      expect(problemsOf({ HOST: host }).join('\n')).toMatch(/^HOST: local mode/m);
    }
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(problemsOf({ HOST: host })).toEqual([]);
    expect(problemsOf({ HOST: '0.0.0.0', ...production })).toEqual([]);
  });

  it('will not start local mode on 0.0.0.0: one line naming HOST and a non-zero exit', async () => {
    const run = await runMain({ HOST: '0.0.0.0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ {2}- HOST: local mode .*127\.0\.0\.1/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('requires https for the public address and the JWKS in production', () => {
    const problems = problemsOf({
      ...production,
      PUBLIC_URL: 'http://lc.example.org',
      TAB_JWKS_URL: 'http://login.example.org/keys',
    }).join('\n');
    expect(problems).toMatch(/^PUBLIC_URL: must be an https/m);
    expect(problems).toMatch(/^TAB_JWKS_URL: must be an https/m);
    expect(
      problemsOf({
        ...production,
        PUBLIC_URL: 'https://lc.example.org',
        TAB_JWKS_URL: 'https://x.example/k',
      }),
    ).toEqual([]);
  });

  describe('a JWKS outage', () => {
    const TENANT = '11111111-2222-3333-4444-555555555555';
    const AUDIENCE = 'api://localhost/11111111-aaaa-bbbb-cccc-000000000000';
    let openId: LocalOpenIdServer;
    let service: TestService;
    let key: TestKey;

    beforeAll(async () => {
      key = await makeKey('outage-key');
      openId = new LocalOpenIdServer([key]);
      await openId.start();
      service = await startTestService({
        AUTH_MODE: 'entra',
        TAB_TENANT_ID: TENANT,
        TAB_AUDIENCE: AUDIENCE,
        TAB_JWKS_URL: `${openId.url}/keys`,
      });
    });
    afterAll(async () => {
      await service.stop();
      await openId.stop();
    });

    it('answers 503 AUTH_KEYS_UNAVAILABLE while the key server is down, and recovers when it is back', async () => {
      const token = await sign(key, {
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        aud: AUDIENCE,
        tid: TENANT,
        oid: 'outage-oid',
        scp: 'access_as_user',
      });
      const me = () => getJson(`${service.url}/api/me`, { authorization: `Bearer ${token}` });
      const port = Number(new URL(openId.url).port);
      await openId.stop();
      const down = await me();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ error: { code: 'AUTH_KEYS_UNAVAILABLE' } });
      await openId.start(port);
      const back = await me();
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ id: 'outage-oid' });
    });
  });
});
