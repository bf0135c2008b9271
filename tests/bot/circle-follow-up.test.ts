import { localUserId } from '../../bot/auth/local-issuer';
import type { OutboxKind } from '../../core/outbox/ports';
import { cardActionActivity, messageActivity } from '../support/activities';
import { cardProblems } from '../support/card-checks';
import { FakeConnector } from '../support/fake-connector';
import {
  bookCircle,
  createCircle,
  localToken,
  movableClock,
  postJson,
  startTestService,
  type MovableClock,
  type TestService,
} from '../support/service';
import { waitUntil } from '../support/wait';

const HOUR = 3_600_000;
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('circle reminders a day and an hour before, and the feedback card after, on a moved clock', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let clock: MovableClock;
  const tokens: Record<string, string> = {};
  const names = ['Fay Facilitator', 'Ann Early', 'Ben Second', 'Dee Third', 'Eve Fourth', 'Cal Waiting'];

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    clock = movableClock(new Date());
    service = await startTestService({}, undefined, {
      outboxClock: clock,
      // The whole service reads the moved clock (card actions check that the circle has started).
      now: () => new Date(clock.now()),
      outboxWorker: { pollMs: 50, baseBackoffMs: 10 },
      nudgeTickMs: 3_600_000,
    });
    for (const name of names) {
      tokens[name] = await localToken(service, name, name === 'Fay Facilitator' ? 'facilitator' : 'manager');
      // Each has a 1:1 chat with the bot, so the service can reach them.
      await postJson(
        `${service.url}/api/messages`,
        messageActivity({
          serviceUrl,
          text: 'help',
          aadObjectId: localUserId(name),
          conversationId: `a:${name}`,
        }),
      );
    }
    await connector.waitForCalls(names.length);
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const rows = (kind: OutboxKind, subject: string) => service.stores.outbox.list({ kind, subject }, 100);
  const pendingReminders = async (circleId: string) =>
    (await rows('circle-reminder', circleId))
      .filter((row) => row.status === 'pending')
      .map((row) => `${row.conversationId} ${row.occurrence.split('@')[0] ?? ''} ${row.dueAt.toISOString()}`)
      .sort();
  const settled = (kind: OutboxKind, subject: string, sent: number) =>
    waitUntil(`${sent} ${kind} rows to be sent`, async () => {
      const all = await rows(kind, subject);
      return all.filter((row) => row.status === 'sent').length === sent ? all : undefined;
    });
  const cardsTo = (since: number) =>
    connector.calls.slice(since).map((call) => ({
      to: call.conversationId,
      card: FakeConnector.cardOf(call),
    }));

  it('reminds participants and the facilitator, follows edits and changes of place, then asks for feedback', async () => {
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    const circleId = await createCircle(service, tokens['Fay Facilitator'] ?? '', {
      themeId: 'routines',
      title: 'Routines under pressure',
      startsAt: startsAt.toISOString(),
      meetingUrl: MEETING,
      capacity: 4,
    });
    for (const name of ['Ann Early', 'Ben Second', 'Dee Third', 'Eve Fourth', 'Cal Waiting']) {
      expect(await bookCircle(service, circleId, tokens[name] ?? '')).toBeLessThan(300);
    }
    const at = (from: Date, before: number) => new Date(from.getTime() - before).toISOString();
    const expected = (people: string[], start: Date) =>
      people
        .flatMap((name) => [`a:${name} 1h ${at(start, HOUR)}`, `a:${name} 24h ${at(start, 24 * HOUR)}`])
        .sort();
    // Cal is waiting: no reminders for a waitlist place.
    expect(await pendingReminders(circleId)).toEqual(
      expected(['Ann Early', 'Ben Second', 'Dee Third', 'Eve Fourth', 'Fay Facilitator'], startsAt),
    );

    // The facilitator moves the circle a day later: the reminders move with it.
    const moved = new Date(startsAt.getTime() + 24 * HOUR);
    const edit = await fetch(`${service.url}/api/circles/${circleId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearer(tokens['Fay Facilitator'] ?? '') },
      body: JSON.stringify({ startsAt: moved.toISOString() }),
    });
    expect(edit.status).toBe(200);
    expect(await pendingReminders(circleId)).toEqual(
      expected(['Ann Early', 'Ben Second', 'Dee Third', 'Eve Fourth', 'Fay Facilitator'], moved),
    );

    // Ann gives up her place: her reminders go, Cal moves up and gets them (and the promotion notice).
    const unbook = await fetch(`${service.url}/api/circles/${circleId}/bookings/me`, {
      method: 'DELETE',
      headers: bearer(tokens['Ann Early'] ?? ''),
    });
    expect(unbook.status).toBe(200);
    expect(await pendingReminders(circleId)).toEqual(
      expected(['Ben Second', 'Cal Waiting', 'Dee Third', 'Eve Fourth', 'Fay Facilitator'], moved),
    );
    await waitUntil('the promotion notice to be sent to Cal', async () =>
      (await rows('booking-notice', circleId)).some(
        (row) =>
          row.payload.reason === 'promoted' &&
          row.conversationId === 'a:Cal Waiting' &&
          row.status === 'sent',
      ),
    );

    // A day before: five reminders, each with the join link and the calendar file.
    let since = connector.calls.length;
    clock.set(new Date(moved.getTime() - 24 * HOUR));
    service.kickOutbox();
    await settled('circle-reminder', circleId, 5);
    const dayBefore = cardsTo(since);
    expect(dayBefore.map((sent) => sent.to).sort()).toEqual([
      'a:Ben Second',
      'a:Cal Waiting',
      'a:Dee Third',
      'a:Eve Fourth',
      'a:Fay Facilitator',
    ]);
    for (const { to, card } of dayBefore) {
      expect(cardProblems(card)).toEqual([]);
      const text = JSON.stringify(card);
      expect(text).toContain(MEETING);
      // A participant's calendar file is signed for their own booking; the facilitator holds the meeting itself
      // (it is in their Teams calendar), so their reminder carries the join link only.
      if (to === 'a:Fay Facilitator') {
        expect(text).not.toContain('calendar.ics?t=');
        expect(text).toContain('You are facilitating a circle tomorrow');
      } else {
        expect(text).toContain('calendar.ics?t=');
        expect(text).toContain('starts tomorrow');
      }
    }

    // An hour before: five more.
    since = connector.calls.length;
    clock.set(new Date(moved.getTime() - HOUR));
    service.kickOutbox();
    await settled('circle-reminder', circleId, 10);
    expect(cardsTo(since).every(({ card }) => JSON.stringify(card).includes('in an hour'))).toBe(true);

    // After it ends (attendance not marked): every confirmed participant is asked, the facilitator is not.
    since = connector.calls.length;
    clock.set(new Date(moved.getTime() + 60 * 60_000 + 20 * 60_000));
    await service.nudges.tick();
    await service.nudges.tick();
    await settled('circle-feedback', circleId, 4);
    const feedback = cardsTo(since);
    expect(feedback.map((sent) => sent.to).sort()).toEqual([
      'a:Ben Second',
      'a:Cal Waiting',
      'a:Dee Third',
      'a:Eve Fourth',
    ]);
    for (const { card } of feedback) {
      expect(cardProblems(card)).toEqual([]);
      const text = JSON.stringify(card);
      expect(text).toContain('How helpful was the circle?');
      expect(text).toContain('"maxLength":140');
      expect(text).toContain('"title":"Send feedback"');
    }

    // Ben answers on the card: kept without his identity, one answer per person (a second replaces the first).
    const answer = (name: string, data: Record<string, unknown>) =>
      postJson(
        `${service.url}/api/messages`,
        cardActionActivity(
          { serviceUrl, aadObjectId: localUserId(name), conversationId: `a:${name}` },
          'circleFeedback',
          { circleId, ...data },
        ),
      );
    const first = await answer('Ben Second', {
      helpful: '4',
      recommend: 'yes',
      differently: 'Open huddles with a check-in',
    });
    expect(first.body).toMatchObject({ statusCode: 200 });
    expect(JSON.stringify(first.body)).toContain('Thank you for your feedback');
    await answer('Ben Second', { helpful: '5', recommend: 'yes', differently: '' });
    const stored = await service.stores.circleFeedback.answersFor([circleId]);
    expect(stored.map(({ helpful, recommend, change }) => ({ helpful, recommend, change }))).toEqual([
      { helpful: 5, recommend: true, change: undefined },
    ]);
    expect(JSON.stringify(stored)).not.toContain(localUserId('Ben Second'));
    // Ann gave up her place: refused. A note over the card's cap, or a missing rating: refused.
    expect((await answer('Ann Early', { helpful: '3', recommend: 'no' })).body).toMatchObject({
      statusCode: 404,
      value: { code: 'NOT_BOOKED' },
    });
    expect(
      (await answer('Cal Waiting', { helpful: '3', recommend: 'no', differently: 'x'.repeat(141) })).body,
    ).toMatchObject({
      statusCode: 400,
    });
    expect((await answer('Cal Waiting', { recommend: 'no' })).body).toMatchObject({ statusCode: 400 });
    expect(await service.stores.circleFeedback.answersFor([circleId])).toHaveLength(1);
  }, 60_000);

  it('asks only the people marked as attending when attendance was marked', async () => {
    clock.set(new Date());
    const startsAt = new Date(Date.now() + 2 * HOUR);
    const circleId = await createCircle(service, tokens['Fay Facilitator'] ?? '', {
      themeId: 'routines',
      title: 'Marked circle',
      startsAt: startsAt.toISOString(),
      meetingUrl: MEETING,
      capacity: 4,
    });
    for (const name of ['Ann Early', 'Ben Second']) await bookCircle(service, circleId, tokens[name] ?? '');
    await service.stores.circles.markAttendance(circleId, localUserId('Ann Early'), true);
    await service.stores.circles.markAttendance(circleId, localUserId('Ben Second'), false);
    clock.set(new Date(startsAt.getTime() + 60 * 60_000 + 20 * 60_000));
    await service.nudges.tick();
    const asked = await settled('circle-feedback', circleId, 1);
    expect(asked.map((row) => row.conversationId)).toEqual(['a:Ann Early']);
  }, 60_000);

  it('cancels every pending reminder when the circle is cancelled', async () => {
    clock.set(new Date());
    const circleId = await createCircle(service, tokens['Fay Facilitator'] ?? '', {
      themeId: 'routines',
      title: 'To be cancelled',
      startsAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
      meetingUrl: MEETING,
    });
    await bookCircle(service, circleId, tokens['Ben Second'] ?? '');
    expect(await pendingReminders(circleId)).toHaveLength(4);
    const cancelled = await fetch(`${service.url}/api/circles/${circleId}`, {
      method: 'DELETE',
      headers: bearer(tokens['Fay Facilitator'] ?? ''),
    });
    expect(cancelled.status).toBe(200);
    expect(await pendingReminders(circleId)).toEqual([]);
  });
});
