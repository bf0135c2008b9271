import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEPLOY_DIST_FOLDERS, writeDeployPackage } from '../../scripts/deploy-package';
import { messageActivity } from '../support/activities';
import { startChildService, TelemetrySink, type ChildService } from '../support/child-service';
import { LocalOpenIdServer, makeKey, sign, type TestKey } from '../support/jwt-issuer';
import { getJson } from '../support/service';

// Building, then `npm ci --omit=dev` from the npm registry (npm's cache makes a second run quicker).
jest.setTimeout(20 * 60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT_ID = '66666666-7777-4888-8999-000000000000';

/** npm's environment: this process's, with Node 24 first on PATH, less npm's own run-time variables. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const npmRunVariable =
      /^npm_/i.test(key) && !/^npm_config_(nodedir|cache|registry|cafile|userconfig)$/i.test(key);
    if (!npmRunVariable && key !== 'NODE_OPTIONS' && key !== 'NODE_ENV') env[key] = value;
  }
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
  return env;
}

/**
 * The deploy package (scripts/deploy-package.ts: package.json, package-lock.json, dist/ and content/, nothing
 * else), installed with `npm ci --omit=dev` as App Service does, runs in production: every runtime import is a
 * production dependency.
 */
describe('a production install of the deploy package', () => {
  let work: string;
  let app: string;
  let service: ChildService;
  let openId: LocalOpenIdServer;
  let sink: TelemetrySink;
  let key: TestKey;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-production-'));
    const build = path.join(work, 'build');
    // Build into the temporary folder, so the repository's dist/ (served by other suites) is left alone.
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', build],
      { cwd: ROOT, stdio: 'inherit' },
    );
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'tab/vite.config.mts',
        '--outDir',
        path.join(build, 'tab'),
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    app = path.join(work, 'app');
    writeDeployPackage({ root: ROOT, dist: build, target: app });
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      env: npmEnv(),
      stdio: 'inherit',
      timeout: 15 * 60_000,
    });

    key = await makeKey('tab-key');
    openId = new LocalOpenIdServer([key]);
    await openId.start();
    sink = new TelemetrySink();
    await sink.start();
    service = await startChildService(app, {
      NODE_ENV: 'production',
      DATA_DIR: path.join(work, 'data'),
      BOT_ID: '99999999-8888-4777-8666-555555555555',
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: TENANT,
      TAB_TENANT_ID: TENANT,
      TAB_AUDIENCE: `api://127.0.0.1/${CLIENT_ID},${CLIENT_ID}`,
      TAB_JWKS_URL: `${openId.url}/keys`,
      APPLICATIONINSIGHTS_CONNECTION_STRING: sink.connectionString(),
    });
  }, 20 * 60_000);
  afterAll(async () => {
    await service?.stop();
    await openId?.stop();
    await sink?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds only package.json, package-lock.json, dist/ (the service and the tab) and content/', () => {
    expect(fs.readdirSync(app).sort()).toEqual([
      'content',
      'dist',
      'node_modules',
      'package-lock.json',
      'package.json',
    ]);
    expect(fs.readdirSync(path.join(app, 'dist')).sort()).toEqual([...DEPLOY_DIST_FOLDERS].sort());
  });

  it('has the production dependencies and none of the development ones', () => {
    const installed = (name: string) => fs.existsSync(path.join(app, 'node_modules', name, 'package.json'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).filter((name) => !installed(name))).toEqual([]);
    expect(installed('ical.js')).toBe(true);
    for (const name of ['typescript', 'jest', 'vite', 'react', 'playwright-core', 'eslint']) {
      expect(pkg.devDependencies[name]).toBeDefined();
      expect(installed(name)).toBe(false);
    }
  });

  it('answers /healthz', async () => {
    expect(await getJson(`${service.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('serves the tab at /tab/', async () => {
    const response = await fetch(`${service.url}/tab/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(await response.text()).toContain('/tab/assets/');
  });

  it('refuses POST /api/messages without a Bot Framework token with 401', async () => {
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A well-formed activity (a malformed one is refused with 400 before any token check).
      body: JSON.stringify(
        messageActivity({ serviceUrl: 'https://smba.trafficmanager.net/teams/', text: 'help' }),
      ),
    });
    expect(response.status).toBe(401);
  });

  it('checks tab tokens against the configured JWKS and has no local identity routes', async () => {
    const token = await sign(key, {
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      aud: CLIENT_ID,
      tid: TENANT,
      oid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      scp: 'access_as_user',
      name: 'Production Check',
    });
    expect((await getJson(`${service.url}/api/me`, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await getJson(`${service.url}/api/me`)).status).toBe(401);
    expect((await fetch(`${service.url}/api/dev/token`, { method: 'POST' })).status).toBe(404);
  });

  it('stops cleanly on SIGTERM and printed no DeprecationWarning', async () => {
    expect(await service.stop()).toBe(0);
    expect(service.stderr()).not.toContain('DeprecationWarning');
    expect(service.stderr()).not.toContain('Cannot find module');
  });
});
