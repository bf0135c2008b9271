import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stores } from '../../core/ports';
import { openSqliteStores } from '../../storage/sqlite/sqlite-stores';
import { serverEnv } from '../support/child-service';
import { FakeConnector } from '../support/fake-connector';
import { rigConversation } from '../support/outbox-rig';
import { getJson, postJson } from '../support/service';
import { waitUntil } from '../support/wait';

const support = path.join(__dirname, '..', 'support');
const PEOPLE = 300;

/** The whole service as a child process on the store in `dataDir`; resolves with its address once it serves. */
async function startServiceProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(support, 'register-ts.cjs'), path.join(support, 'service-process.ts')],
    {
      env: serverEnv({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        SEND_RATE_PER_SECOND: '50',
        LC_OUTBOX_LEASE_MS: '2000',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitUntil(
    'the service process to listen',
    () => {
      if (child.exitCode !== null) throw new Error(`The service process exited: ${output}`);
      return /listening on (http:\/\/\S+)/.exec(output)?.[1];
    },
    60_000,
  );
  return { child, url };
}

describe('a broadcast across a SIGKILL of the service', () => {
  let connector: FakeConnector;
  let dataDir: string;
  let stores: Stores;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    connector = new FakeConnector();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-broadcast-crash-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await stores?.close();
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes after a restart: everyone gets it, duplicates no more than rows in flight, no limit broken', async () => {
    const serviceUrl = await connector.start();
    connector.enforce({ perSecond: 50 });
    const first = await startServiceProcess(dataDir);
    children.push(first.child);
    stores = openSqliteStores(dataDir);
    const at = new Date();
    for (let index = 0; index < PEOPLE; index++) {
      const userId = `oid-crash-${index}`;
      await stores.conversations.save({
        ...rigConversation(`a:${userId}`, serviceUrl),
        userAadObjectId: userId,
      });
      await stores.nudges.save(
        userId,
        { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
        at,
      );
    }
    const token = String(
      (await postJson(`${first.url}/api/dev/token`, { name: 'Lena Lead', role: 'admin' })).body.token,
    );
    const auth = { authorization: `Bearer ${token}` };
    const sent = await postJson(`${first.url}/api/admin/broadcasts`, { guideId: 'huddles-that-help' }, auth);
    expect(sent.status).toBe(202);
    const id = String(sent.body.id);

    await waitUntil('the service to be mid-broadcast', () => connector.calls.length >= 100 || undefined);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    const inFlight = (await stores.outbox.list({ kind: 'broadcast', status: 'sending' }, 1000)).length;
    expect(connector.calls.length).toBeLessThan(PEOPLE);

    const second = await startServiceProcess(dataDir);
    children.push(second.child);
    const report = await waitUntil(
      'the broadcast to finish',
      async () => {
        const body = (await getJson(`${second.url}/api/admin/broadcasts/${id}`, auth)).body;
        return body.sent === PEOPLE ? body : undefined;
      },
      90_000,
    );
    expect(report).toEqual({ id, total: PEOPLE, sent: PEOPLE, failed: 0, retired: 0, pending: 0 });
    const perConversation = new Map<string, number>();
    for (const call of connector.calls) {
      perConversation.set(call.conversationId, (perConversation.get(call.conversationId) ?? 0) + 1);
    }
    expect(perConversation.size).toBe(PEOPLE);
    const duplicates = connector.calls.length - PEOPLE;
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    expect(connector.violations).toBe(0);
  }, 180_000);
});
