import type { ConversationRecord, Stores } from '../../core/ports';
import { openPostgresStores } from '../../storage/postgres/postgres-stores';
import { LimitedSender } from '../../bot/outbox/sender';
import type { Transport, TransportResult } from '../../bot/outbox/teams-transport';
import type { AdaptiveCard } from '../../bot/cards/types';
import { startTestPostgres, testOptions, type TestPostgres } from '../support/postgres';

// Two instances' senders on one PostgreSQL, each sending as fast as its own limits allow, on the real clock: the
// tenant's combined rate must stay under SEND_RATE_PER_SECOND, which the per-instance limits alone do not ensure.

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 180_000);
afterAll(async () => {
  await server?.stop();
}, 60_000);

const RATE = 20;
const PER_SENDER = 40;
const card: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [],
};

/** A transport that only notes when each request was made (Date.now(), as the sender's real clock). */
class RecordingTransport implements Transport {
  readonly times: number[] = [];
  send(): Promise<TransportResult> {
    this.times.push(Date.now());
    return Promise.resolve({ ok: true, activityId: `activity-${this.times.length}` });
  }
  update(): Promise<TransportResult> {
    return this.send();
  }
}

const recordFor = (instance: string, index: number): ConversationRecord => ({
  conversationId: `a:${instance}-${index}`,
  scope: 'personal',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  tenantId: 'tenant-1',
  botId: '28:bot',
  userId: `29:${instance}-${index}`,
  userAadObjectId: undefined,
  teamId: undefined,
  updatedAt: '2026-11-27T00:00:00.000Z',
});

/** Sends PER_SENDER cards, eight at a time, each allowed to wait as long as it takes. */
async function sendAll(sender: LimitedSender, instance: string): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < PER_SENDER) {
      const result = await sender.send(recordFor(instance, next++), card, 60_000);
      if (!result.ok) throw new Error(`send ${instance} was not made: ${JSON.stringify(result)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
}

/** The most requests made in any one second (a sliding window over the sorted request times). */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('the global send rate with two instances on one PostgreSQL', () => {
  let stores: Stores[] = [];
  beforeEach(async () => {
    const url = await server.createDatabase('send_rate');
    stores = [await openPostgresStores(testOptions(url)), await openPostgresStores(testOptions(url))];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
  });

  it('keeps the tenant under SEND_RATE_PER_SECOND in every second when both send at once', async () => {
    const transports = [new RecordingTransport(), new RecordingTransport()];
    const senders = stores.map(
      (store, i) => new LimitedSender(transports[i] as Transport, RATE, undefined, store.sendSlots),
    );
    await Promise.all(senders.map((sender, i) => sendAll(sender, `instance${i}`)));
    const times = transports.flatMap((transport) => transport.times);
    expect(times).toHaveLength(2 * PER_SENDER);
    expect(transports.map((transport) => transport.times.length)).toEqual([PER_SENDER, PER_SENDER]);
    expect(busiestSecond(times)).toBeLessThanOrEqual(RATE);
  }, 60_000);

  it('would let two instances together go over it with only their own limits (why the store is asked)', async () => {
    const transports = [new RecordingTransport(), new RecordingTransport()];
    const senders = transports.map((transport) => new LimitedSender(transport, RATE));
    await Promise.all(senders.map((sender, i) => sendAll(sender, `instance${i}`)));
    expect(busiestSecond(transports.flatMap((transport) => transport.times))).toBeGreaterThan(RATE);
  }, 60_000);
});
