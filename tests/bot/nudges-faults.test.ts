import { FakeConnector } from '../support/fake-connector';
import { rigConversation } from '../support/outbox-rig';
import { localToken, postJson, startTestService, type TestService } from '../support/service';
import { waitUntil } from '../support/wait';

describe("this week's nudges against a connector that enforces Teams' limits and injects failures", () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  const people = Array.from({ length: 60 }, (_, index) => `oid-f${index}`);

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService({ SEND_RATE_PER_SECOND: '20' }, undefined, {
      outboxWorker: { pollMs: 50, baseBackoffMs: 20, maxBackoffMs: 200 },
    });
    // Each person's 1:1 chat and settings are stored directly: the connector sees nothing before the test.
    for (const userId of people) {
      await service.stores.conversations.save({
        ...rigConversation(`a:${userId}`, serviceUrl),
        userAadObjectId: userId,
      });
      await service.stores.nudges.save(
        userId,
        { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
        new Date(),
      );
    }
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('delivers every nudge once, retires the blocked chat, and never breaks a limit', async () => {
    connector.enforce({ perSecond: 20 });
    connector.failNext(429, 412, 502, 503, 504, 'network');
    connector.failConversation('a:oid-f7', 403);
    const since = connector.calls.length;
    const lead = await localToken(service, 'Lena Lead', 'admin');
    const run = await postJson(
      `${service.url}/api/admin/nudges/run`,
      {},
      { authorization: `Bearer ${lead}` },
    );
    expect(run.body).toEqual({ queued: 60, unreachable: 0 });
    const rows = await waitUntil(
      'every nudge to be sent or retired',
      async () => {
        const all = await service.stores.outbox.list({ kind: 'nudge' }, 100);
        return all.every((row) => row.status === 'sent' || row.status === 'retired') ? all : undefined;
      },
      60_000,
    );
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(59);
    expect(rows.filter((row) => row.status === 'retired').map((row) => row.conversationId)).toEqual([
      'a:oid-f7',
    ]);
    const delivered = connector.calls.slice(since).map((call) => call.conversationId);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.sort()).toEqual(
      people
        .filter((id) => id !== 'oid-f7')
        .map((id) => `a:${id}`)
        .sort(),
    );
    expect(connector.violations).toBe(0);
    expect(connector.peakPerSecond()).toBeLessThanOrEqual(20);
    expect(await service.stores.conversations.get('a:oid-f7')).toBeUndefined();
  }, 90_000);
});
