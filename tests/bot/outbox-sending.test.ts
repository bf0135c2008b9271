import fs from 'node:fs';
import type { OutboxItem } from '../../core/outbox/ports';
import { FakeConnector } from '../support/fake-connector';
import { labelOfCall, openOutboxRig, rigConversation, rowLabel, type OutboxRig } from '../support/outbox-rig';
import { waitUntil } from '../support/wait';

const broadcast = (conversationId: string, occurrence: string, dueAt = new Date(0)): OutboxItem => ({
  kind: 'broadcast',
  conversationId,
  subject: 'b1',
  occurrence,
  dueAt,
  payload: { guideId: 'guide-1' },
});

describe('the outbox worker and the limit-aware sender, against a connector that enforces Teams limits', () => {
  let connector: FakeConnector;
  let serviceUrl: string;
  let rig: OutboxRig;

  beforeEach(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
  });
  afterEach(async () => {
    await rig?.close();
    fs.rmSync(rig?.dataDir ?? '', { recursive: true, force: true });
    await connector.stop();
  });

  const seed = async (items: OutboxItem[]) => {
    for (const id of new Set(items.map((item) => item.conversationId))) {
      await rig.stores.conversations.save(rigConversation(id, serviceUrl));
    }
    await rig.stores.outbox.enqueue(items);
  };
  const deliveries = () => connector.calls.map((call) => labelOfCall(call.body));
  const settled = async () =>
    waitUntil(
      'every row to be sent, failed or retired',
      async () => {
        const stats = await rig.stores.outbox.stats({ kind: 'broadcast', subject: 'b1' });
        return stats.pending + stats.sending === 0 ? stats : undefined;
      },
      60_000,
    );

  it('delivers every row exactly once without breaking the global or per-conversation limits', async () => {
    connector.enforce({ perSecond: 25 });
    rig = openOutboxRig({ ratePerSecond: 25 });
    const items = [
      ...Array.from({ length: 30 }, (_, index) => broadcast('a:busy', `busy-${index}`)),
      ...Array.from({ length: 90 }, (_, index) => broadcast(`a:p${index % 45}`, `o${index}`)),
    ];
    await seed(items);
    rig.worker.start();
    const stats = await settled();
    expect(stats).toMatchObject({ total: 120, sent: 120, failed: 0, retired: 0 });
    expect(connector.violations).toBe(0);
    expect(deliveries().sort()).toEqual(items.map(rowLabel).sort());
    expect(connector.peakPerSecond()).toBeLessThanOrEqual(25);
  }, 60_000);

  it('retries 429 after Retry-After, and 412, 502, 503, 504 and network errors with backoff, one request per attempt', async () => {
    rig = openOutboxRig({ ratePerSecond: 20 });
    const items = Array.from({ length: 8 }, (_, index) => broadcast(`a:r${index}`, 'x'));
    connector.failNext(429, 412, 502, 503, 504, 'network');
    await seed(items);
    rig.worker.start();
    const stats = await settled();
    expect(stats).toMatchObject({ total: 8, sent: 8 });
    expect(deliveries().sort()).toEqual(items.map(rowLabel).sort());
    // botbuilder's own retry policy is off for outbox sends: each failure cost exactly one request.
    expect(connector.requests).toHaveLength(8 + 6);
    const throttled = connector.requests.find((request) => request.status === 429);
    // The 429 paused the tenant for its Retry-After (1 s): beyond the first round, already in flight when the
    // 429 came back, nothing reached Teams in the meantime.
    const later = connector.requests.slice(items.length);
    expect(later.every((request) => request.at - (throttled?.at ?? 0) >= 950)).toBe(true);
  }, 60_000);

  it('retires a conversation Teams answers 403 for, and fails a row after its attempts, visibly', async () => {
    rig = openOutboxRig({ ratePerSecond: 20, worker: { maxAttempts: 3 } });
    connector.failConversation('a:gone', 403);
    connector.failConversation('a:broken', 500);
    await seed([
      broadcast('a:gone', '1'),
      broadcast('a:gone', '2'),
      broadcast('a:broken', '1'),
      broadcast('a:fine', '1'),
    ]);
    rig.worker.start();
    const stats = await settled();
    expect(stats).toMatchObject({ total: 4, sent: 1, failed: 1, retired: 2 });
    expect(connector.requests.filter((request) => request.conversationId === 'a:gone')).toHaveLength(1);
    expect(await rig.stores.conversations.get('a:gone')).toBeUndefined();
    const [failed] = await rig.stores.outbox.list({ status: 'failed' }, 10);
    expect([failed?.conversationId, failed?.attempts, failed?.lastError]).toEqual([
      'a:broken',
      3,
      'HTTP_500',
    ]);
    expect(connector.requests.filter((request) => request.conversationId === 'a:broken')).toHaveLength(3);
  }, 60_000);

  it('sends nothing before a row is due, and sends it once the clock reaches its due time', async () => {
    let offsetMs = 0;
    rig = openOutboxRig({
      ratePerSecond: 20,
      clock: {
        now: () => Date.now() + offsetMs,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
    });
    const due = new Date(Date.now() + 3_600_000);
    await seed([broadcast('a:later', 'hour', due)]);
    expect(await rig.worker.runOnce()).toBe(0);
    offsetMs = 3_600_000;
    expect(await rig.worker.runOnce()).toBe(1);
    expect(deliveries()).toEqual([rowLabel(broadcast('a:later', 'hour'))]);
    expect((await rig.stores.outbox.stats({ kind: 'broadcast', subject: 'b1' })).sent).toBe(1);
  });
});
