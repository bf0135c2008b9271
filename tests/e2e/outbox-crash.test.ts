import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stores } from '../../core/ports';
import { openSqliteStores } from '../../storage/sqlite/sqlite-stores';
import { FakeConnector } from '../support/fake-connector';
import { labelOfCall, rigConversation, rowLabel } from '../support/outbox-rig';
import { serverEnv } from '../support/child-service';
import { waitUntil } from '../support/wait';

const support = path.join(__dirname, '..', 'support');

/** Starts an outbox-draining process on the store in `dataDir` and waits until its worker runs. */
async function startDrainer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(support, 'register-ts.cjs'), path.join(support, 'outbox-process.ts')],
    {
      env: serverEnv({ LC_OUTBOX_DIR: dataDir, LC_OUTBOX_RATE: '50', LC_OUTBOX_LEASE_MS: '2000' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil(
    'the outbox process to start',
    () => output.includes('ready') || (child.exitCode !== null && output) || undefined,
    60_000,
  );
  if (child.exitCode !== null) throw new Error(`The outbox process exited: ${output}`);
  return child;
}

describe('the outbox across a crash', () => {
  let connector: FakeConnector;
  let dataDir: string;
  let stores: Stores;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    connector = new FakeConnector();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-outbox-crash-'));
    stores = openSqliteStores(dataDir);
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await stores.close();
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes a broadcast after SIGKILL mid-send, with no loss and no more duplicates than rows in flight', async () => {
    const serviceUrl = await connector.start();
    connector.enforce({ perSecond: 50 });
    const items = Array.from({ length: 300 }, (_, index) => ({
      kind: 'broadcast' as const,
      conversationId: `a:crash-${index}`,
      subject: 'b1',
      occurrence: 'guide-1',
      dueAt: new Date(0),
      payload: { guideId: 'guide-1' },
    }));
    for (const item of items)
      await stores.conversations.save(rigConversation(item.conversationId, serviceUrl));
    await stores.outbox.enqueue(items);

    const first = await startDrainer(dataDir);
    children.push(first);
    await waitUntil(
      'the first process to be mid-broadcast',
      () => connector.calls.length >= 100 || undefined,
    );
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const inFlight = (await stores.outbox.list({ status: 'sending' }, 1000)).length;
    const sentBeforeRestart = connector.calls.length;
    expect(sentBeforeRestart).toBeLessThan(300);

    children.push(await startDrainer(dataDir));
    await waitUntil(
      'every row to be sent',
      async () => (await stores.outbox.stats({ kind: 'broadcast', subject: 'b1' })).sent === 300 || undefined,
      60_000,
    );
    const delivered = connector.calls.map((call) => labelOfCall(call.body));
    const unique = new Set(delivered);
    expect([...unique].sort()).toEqual(items.map(rowLabel).sort());
    expect(delivered.length - unique.size).toBeLessThanOrEqual(inFlight);
    expect(connector.violations).toBe(0);
  }, 120_000);
});
