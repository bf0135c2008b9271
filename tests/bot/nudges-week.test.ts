import { FakeConnector } from '../support/fake-connector';
import { messageActivity } from '../support/activities';
import { cardProblems } from '../support/card-checks';
import {
  movableClock,
  postJson,
  startTestService,
  type MovableClock,
  type TestService,
} from '../support/service';
import { waitUntil } from '../support/wait';
import type { NudgeSettings } from '../../core/nudges/ports';

const HOUR = 3_600_000;

describe('a week of nudges on a moved clock, through the outbox to a fake Bot Connector', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let clock: MovableClock;

  const people: { userId: string; settings: NudgeSettings; firstSlot: string }[] = [
    {
      userId: 'oid-london',
      settings: { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
      firstSlot: '2026-12-07T09:00:00.000Z',
    },
    {
      userId: 'oid-new-york',
      settings: { enabled: true, day: 'wednesday', time: '08:30', timeZone: 'America/New_York' },
      firstSlot: '2026-12-09T13:30:00.000Z',
    },
    {
      userId: 'oid-kolkata',
      settings: { enabled: true, day: 'friday', time: '17:00', timeZone: 'Asia/Kolkata' },
      firstSlot: '2026-12-11T11:30:00.000Z',
    },
  ];

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    clock = movableClock(new Date('2026-12-06T12:00:00Z'));
    service = await startTestService({}, undefined, {
      outboxClock: clock,
      outboxWorker: { pollMs: 50, baseBackoffMs: 10 },
      nudgeTickMs: 3_600_000,
    });
    for (const person of people) {
      // Each person has a 1:1 chat with the bot (so a nudge can reach them) and their settings.
      await postJson(
        `${service.url}/api/messages`,
        messageActivity({
          serviceUrl,
          text: 'help',
          aadObjectId: person.userId,
          conversationId: `a:${person.userId}`,
        }),
      );
      await service.stores.nudges.save(person.userId, person.settings, new Date());
    }
    await service.stores.nudges.save(
      'oid-off',
      { enabled: false, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
      new Date(),
    );
    await connector.waitForCalls(people.length);
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('sends each person one new guide a week at their local day and time, and never twice a week', async () => {
    const start = connector.calls.length;
    // Eight days, a tick every quarter of an hour, with a second instance's tick racing each one.
    for (let step = 0; step < 8 * 24 * 4; step++) {
      clock.advance(HOUR / 4);
      const runs = await Promise.all([service.nudges.tick(), service.nudges.tick()]);
      if (runs.some((run) => run.queued > 0)) {
        // Let the worker deliver before the clock moves on (no sleeping: wait for the rows to settle).
        await waitUntil('the queued nudges to be sent', async () => {
          const waiting = await service.stores.outbox.list({ kind: 'nudge', status: 'pending' }, 10);
          const inFlight = await service.stores.outbox.list({ kind: 'nudge', status: 'sending' }, 10);
          return waiting.length + inFlight.length === 0;
        });
      }
    }
    const rows = await waitUntil('every nudge to be sent', async () => {
      const all = await service.stores.outbox.list({ kind: 'nudge' }, 100);
      return all.length > 0 && all.every((row) => row.status === 'sent') ? all : undefined;
    });
    // Monday 09:00 London comes twice in the window (7 and 14 December); the others once.
    expect(rows.map((row) => [row.conversationId, row.occurrence, row.dueAt.toISOString()])).toEqual(
      expect.arrayContaining([
        ['a:oid-london', '2026-W50', people[0]?.firstSlot],
        ['a:oid-london', '2026-W51', '2026-12-14T09:00:00.000Z'],
        ['a:oid-new-york', '2026-W50', people[1]?.firstSlot],
        ['a:oid-kolkata', '2026-W50', people[2]?.firstSlot],
      ]),
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.sentAt && row.sentAt.getTime() >= row.dueAt.getTime()).toBe(true);
      // Sent within the quarter-hour tick after the slot.
      expect((row.sentAt?.getTime() ?? 0) - row.dueAt.getTime()).toBeLessThanOrEqual(HOUR / 4 + 60_000);
    }
    const london = await service.stores.nudges.history('oid-london');
    expect(london).toHaveLength(2);
    expect(london[0]?.guideId).not.toBe(london[1]?.guideId);

    const calls = await connector.waitForCalls(start + 4);
    const nudges = calls.slice(start);
    expect(nudges).toHaveLength(4);
    for (const call of nudges) {
      const card = FakeConnector.cardOf(call);
      expect(cardProblems(card)).toEqual([]);
      const text = JSON.stringify(card);
      expect(text).toContain('Your three-minute guide this week');
      expect(text).toContain('Was this helpful?');
      expect(text).toContain('"verb":"stopNudges"');
      expect(text).toContain('"title":"Stop nudges"');
    }
    expect(nudges.some((call) => call.conversationId === 'a:oid-off')).toBe(false);
  }, 120_000);
});
