import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { demoFacilitatorIds, seedImpactHistory, seedLocalDemo } from './seed-local';
import { loadConfig } from '../bot/config';
import { openConfiguredStores } from '../bot/service';
import { NoopTelemetry } from '../bot/telemetry';

/**
 * `npm start`: the service on the embedded SQLite store plus the Microsoft 365 Agents Playground, both on
 * loopback. Prints where to chat and where to open the tab; Ctrl-C stops both.
 */
const root = path.resolve(__dirname, '..', '..');
const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const serviceUrl = `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];
/** The signed-in user in .m365agentsplayground.yml. */
const PLAYGROUND_USER_AAD_ID = '00000000-0000-0000-0000-0000000000c0';

function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line: string) => (line.trim() ? `[${name}] ${line}` : line);
  child.stdout?.on('data', (chunk: Buffer) =>
    process.stdout.write(chunk.toString().split('\n').map(prefix).join('\n')),
  );
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(chunk.toString().split('\n').map(prefix).join('\n')),
  );
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code ?? 0}`}); stopping everything.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  const waits = children
    .filter((child) => child.exitCode === null)
    .map((child) => new Promise((resolve) => child.once('exit', resolve)));
  children.forEach((child) => child.kill('SIGTERM'));
  void Promise.all(waits).then(() => process.exit(exitCode));
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Makes the Agents Playground's own user a facilitator, through the admin API, so posting works locally. */
async function grantPlaygroundFacilitator(url: string): Promise<void> {
  const minted = await fetch(`${url}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Demo Programme Lead', role: 'admin' }),
  });
  const { token } = (await minted.json()) as { token: string };
  await fetch(`${url}/api/admin/facilitators`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      userId: PLAYGROUND_USER_AAD_ID,
      name: 'Alex Morgan',
      organisationName: 'Local Demo NHS Trust',
      odsCode: 'LOCAL',
      region: 'Local',
    }),
  });
}

async function main(): Promise<void> {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  run('service', [path.join(root, 'dist', 'bot', 'main.js')], {
    ...process.env,
    PORT: port,
    DEMO_MODE: 'true',
    HOST: '127.0.0.1',
  });
  await waitFor(`${serviceUrl}/healthz`, 30_000);
  const seeded = await seedLocalDemo(serviceUrl, new Date());
  if (seeded.created > 0) console.log(`Seeded ${seeded.created} demo circles from 3 facilitators.`);
  // Past circles cannot be created through the API, so the Impact page's demo history goes straight to the store
  // the service uses (SQLite in WAL mode takes a second writer; or the same DATABASE_URL).
  const stores = await openConfiguredStores(
    loadConfig({ ...process.env, HOST: '127.0.0.1' }),
    new NoopTelemetry(),
  );
  try {
    const history = await seedImpactHistory(stores, demoFacilitatorIds(), new Date());
    if (history.circles > 0) {
      console.log(
        `Seeded impact history: ${history.circles} past circles, ${history.places} places, ${history.answers} feedback answers.`,
      );
    }
  } finally {
    await stores.close();
  }
  run(
    'playground',
    [
      '--require',
      path.join(root, 'scripts', 'loopback-preload.cjs'),
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '-e',
      `${serviceUrl}/api/messages`,
      '-c',
      'msteams',
      '-p',
      playgroundPort,
      '--disable-telemetry',
    ],
    process.env,
  );
  await waitFor(`http://127.0.0.1:${playgroundPort}`, 30_000);
  // The Playground's signed-in user (see .m365agentsplayground.yml) may post circle invites locally.
  await grantPlaygroundFacilitator(serviceUrl);
  console.log(
    [
      '',
      'Leading Compassionately is running locally.',
      `  Chat with the bot (Agents Playground): http://127.0.0.1:${playgroundPort}`,
      `  Open the tab in a browser:             ${serviceUrl}/tab/`,
      `  Health:                                ${serviceUrl}/healthz`,
      '',
      'Try it: in Personal Chat type "help", "plan", a question, or "circles".',
      'The "My Team - General" channel shows a demo circle invite to sign up on. As a facilitator there you can post more:',
      ...seeded.circles
        .slice(0, 3)
        .map((circle) => `  @Leading Compassionately post circle ${circle.code}   (${circle.title})`),
      'Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stop(1);
});
