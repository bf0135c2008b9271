import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messageActivity } from '../support/activities';
import { startChildService, TelemetrySink, type ChildService } from '../support/child-service';
import { FakeConnector } from '../support/fake-connector';
import { getJson, postJson } from '../support/service';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The built service, started the way `npm run serve` starts it (NODE_OPTIONS unset), prints no Node deprecation
 * warning: not at start, nor while it answers the bot, the tab API and the tab, nor with Application Insights on.
 * (restify 11 used process.binding('http_parser'): DEP0111 on Node 20, a crash on Node 24.)
 */
describe('the built service on this Node', () => {
  let service: ChildService;
  let connector: FakeConnector;
  let sink: TelemetrySink;
  let dataDir: string;

  beforeAll(async () => {
    // `npm test` compiles dist/ before jest runs; compile it here when a suite is run on its own.
    if (!fs.existsSync(path.join(ROOT, 'dist', 'bot', 'main.js'))) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    }
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-startup-'));
    connector = new FakeConnector();
    sink = new TelemetrySink();
    await sink.start();
    service = await startChildService(ROOT, {
      DATA_DIR: dataDir,
      CONTENT_WATCH: 'false',
      APPLICATIONINSIGHTS_CONNECTION_STRING: sink.connectionString(),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
    await sink?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs on Node 24', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('answers the bot, the tab API and the tab, then stops cleanly, without a DeprecationWarning', async () => {
    expect((await getJson(`${service.url}/healthz`)).body).toEqual({ status: 'ok' });
    expect((await fetch(`${service.url}/tab/`)).status).toBe(200);

    const token = await postJson(`${service.url}/api/dev/token`, { name: 'Startup Check', role: 'manager' });
    expect(token.status).toBe(200);
    const authorization = `Bearer ${token.body.token as string}`;
    expect((await getJson(`${service.url}/api/plan`, { authorization })).status).toBe(200);
    const asked = await postJson(
      `${service.url}/api/ask`,
      { question: 'how do I run a better huddle?' },
      { authorization },
    );
    expect(asked.status).toBe(200);

    const serviceUrl = await connector.start();
    const delivered = await postJson(
      `${service.url}/api/messages`,
      messageActivity({ serviceUrl, text: 'help' }),
    );
    expect(delivered.status).toBe(200);
    expect(await connector.waitForCalls(1)).toHaveLength(1);

    expect(await service.stop()).toBe(0);
    expect(service.stderr()).not.toContain('DeprecationWarning');
    expect(service.stderr()).not.toMatch(/\(node:\d+\) \[DEP/);
  });
});
