import type { AdaptiveCard, CardAction, CardElement, Container } from '../../bot/cards/types';
import { cardProblems } from '../support/card-checks';
import { FakeConnector } from '../support/fake-connector';
import { messageActivity } from '../support/activities';
import { createCircle, localToken, postJson, startTestService, type TestService } from '../support/service';

const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_list%40thread.v2/0';
const TITLES = [
  'Keeping a scattered team together',
  'Leading after a death on the ward',
  'Small and nearly full',
];

describe('signing up and cancelling from a list of circles in Teams', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService({ PUBLIC_URL: 'http://127.0.0.1:1' });
    const facilitator = await localToken(service, 'Fiona Facilitator', 'facilitator');
    const themes = ['stay-connected', 'loss-and-grief', 'routines'];
    for (const [index, title] of TITLES.entries()) {
      ids[title] = await createCircle(service, facilitator, {
        themeId: themes[index],
        title,
        startsAt: new Date(Date.now() + (index + 2) * 86_400_000).toISOString(),
        meetingUrl: MEETING,
        capacity: title.startsWith('Small') ? 4 : 8,
      });
    }
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const send = (activity: Record<string, unknown>) => postJson(`${service.url}/api/messages`, activity);
  const person = (aad: string, options: { channel?: boolean } = {}) => ({
    from: { id: `29:${aad}`, name: aad, aadObjectId: aad },
    conversation: options.channel
      ? { id: '19:rota@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' }
      : { id: `a:personal-${aad}`, conversationType: 'personal', tenantId: 'tenant-1' },
  });

  /** Types "circles" as the person and returns the list card the bot replies with. */
  const listFor = async (who: Record<string, unknown>): Promise<AdaptiveCard> => {
    const before = connector.calls.length;
    await send({ ...messageActivity({ serviceUrl, text: 'circles' }), ...who });
    const calls = await connector.waitForCalls(before + 1);
    const reply = calls.slice(before).find((call) => call.replyToId !== undefined);
    return FakeConnector.cardOf(reply) as unknown as AdaptiveCard;
  };

  /** Clicks a button as Teams would: the button's verb and data, the person from the activity. */
  const click = async (button: CardAction | undefined, who: Record<string, unknown>) => {
    if (button?.type !== 'Action.Execute') throw new Error('not a Universal Action button');
    const response = await send({
      ...messageActivity({ serviceUrl, text: '' }),
      ...who,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data } },
    });
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    return response.body.value as AdaptiveCard;
  };

  const containerFor = (card: AdaptiveCard, title: string): Container => {
    const found = card.body.find(
      (element): element is Container =>
        element.type === 'Container' && JSON.stringify(element.items).includes(`**${title}**`),
    );
    if (!found) throw new Error(`no ${title} on the card`);
    return found;
  };
  const button = (card: AdaptiveCard, title: string, buttonTitle: string): CardAction | undefined =>
    containerFor(card, title)
      .items.flatMap((item: CardElement) => (item.type === 'ActionSet' ? item.actions : []))
      .find((action) => action.title === buttonTitle);

  it('answers a sign-up with the same list: that circle shows the booking inline, the others are untouched', async () => {
    const who = person('oid-lena');
    const list = await listFor(who);
    const [signedUp, ...others] = TITLES;
    if (!signedUp) throw new Error('no circles');

    const after = await click(button(list, signedUp, 'Sign up'), who);
    expect(cardProblems(after)).toEqual([]);
    expect(JSON.stringify(after)).toContain('Upcoming Leadership Support Circles');
    const booked = containerFor(after, signedUp);
    expect(JSON.stringify(booked)).toContain("You're booked");
    expect(button(after, signedUp, 'Join the meeting')).toMatchObject({ url: MEETING });
    expect(button(after, signedUp, 'Add to calendar')).toBeDefined();
    expect(button(after, signedUp, 'Cancel')).toBeDefined();
    for (const title of others) expect(containerFor(after, title)).toEqual(containerFor(list, title));
    const bookings = await service.stores.circles.bookings(ids[signedUp] ?? '');
    expect(bookings.map((booking) => `${booking.userId}:${booking.status}`)).toEqual(['oid-lena:confirmed']);
  });

  it('answers a cancellation from the list with the list again, the place given up and Sign up back', async () => {
    const who = person('oid-lena');
    const [title, ...others] = TITLES;
    if (!title) throw new Error('no circles');
    const list = await listFor(who);
    expect(JSON.stringify(containerFor(list, title))).toContain("You're booked");

    const after = await click(button(list, title, 'Cancel'), who);
    expect(JSON.stringify(containerFor(after, title))).toContain('You have given up your place');
    expect(button(after, title, 'Sign up')).toBeDefined();
    for (const other of others) expect(containerFor(after, other)).toEqual(containerFor(list, other));
    expect(await service.stores.circles.bookings(ids[title] ?? '')).toEqual([]);
  });

  it('shows a waitlist position inline when the circle is full, and Cancel leaves the waitlist', async () => {
    const small = TITLES[2] ?? '';
    const holders = ['oid-f1', 'oid-f2', 'oid-f3', 'oid-f4'];
    for (const holder of holders) {
      await click(button(await listFor(person(holder)), small, 'Sign up'), person(holder));
    }
    const who = person('oid-second');
    const list = await listFor(who);
    const after = await click(button(list, small, 'Join the waitlist'), who);
    expect(JSON.stringify(containerFor(after, small))).toContain("You're on the waitlist (position 1)");
    const left = await click(button(after, small, 'Cancel'), who);
    expect(JSON.stringify(containerFor(left, small))).toContain('You have given up your place');
    expect(
      (await service.stores.circles.bookings(ids[small] ?? '')).map((booking) => booking.userId),
    ).toEqual(holders);
  });

  it('in a channel keeps the join link and calendar file off the list and sends them 1:1', async () => {
    await send({ ...messageActivity({ serviceUrl, text: 'hello' }), ...person('oid-omar') });
    const who = person('oid-omar', { channel: true });
    const [title] = TITLES;
    if (!title) throw new Error('no circles');
    const list = await listFor(who);
    expect(JSON.stringify(list)).not.toContain("You're booked");

    const before = connector.calls.length;
    const after = await click(button(list, title, 'Sign up'), who);
    expect(JSON.stringify(containerFor(after, title))).toContain("I've sent your join link");
    expect(JSON.stringify(after)).not.toContain(MEETING);
    expect(JSON.stringify(after)).not.toContain('Add to calendar');
    const calls = await connector.waitForCalls(before + 1);
    const privately = calls.slice(before).find((call) => call.conversationId === 'a:personal-oid-omar');
    expect(JSON.stringify(FakeConnector.cardOf(privately))).toContain(MEETING);
  });

  it('books the person in the invoke, whatever else the card data says', async () => {
    const who = person('oid-real');
    const list = await listFor(who);
    const [title] = TITLES;
    const signUp = button(list, title ?? '', 'Sign up');
    if (signUp?.type !== 'Action.Execute') throw new Error('no Sign up button');
    await click({ ...signUp, data: { ...signUp.data, userId: 'oid-someone-else' } }, who);
    const bookings = await service.stores.circles.bookings(ids[title ?? ''] ?? '');
    expect(bookings.map((booking) => booking.userId)).toContain('oid-real');
    expect(bookings.map((booking) => booking.userId)).not.toContain('oid-someone-else');
  });

  it('answers a cancellation from My circles with My circles again, the others untouched', async () => {
    const who = person('oid-mina');
    const [first, second] = TITLES;
    if (!first || !second) throw new Error('no circles');
    for (const title of [first, second]) await click(button(await listFor(who), title, 'Sign up'), who);
    const before = connector.calls.length;
    await send({ ...messageActivity({ serviceUrl, text: 'my circles' }), ...who });
    const calls = await connector.waitForCalls(before + 1);
    const mine = FakeConnector.cardOf(
      calls.slice(before).find((call) => call.replyToId),
    ) as unknown as AdaptiveCard;

    const after = await click(button(mine, first, 'Cancel'), who);
    expect(cardProblems(after)).toEqual([]);
    expect(JSON.stringify(after)).toContain('My circles');
    expect(JSON.stringify(containerFor(after, first))).toContain('place given up');
    expect(containerFor(after, second)).toEqual(containerFor(mine, second));
    const stillBooked = await service.stores.circles.bookingsOf('oid-mina');
    expect(stillBooked.map((booking) => booking.circleId)).toEqual([ids[second]]);
  });

  it('refuses list data that is not a short list of circle ids', async () => {
    const response = await send({
      ...messageActivity({ serviceUrl, text: '' }),
      ...person('oid-lena'),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'circleSignUp',
          data: { circleId: ids[TITLES[0] ?? ''], from: 'list', circles: 'not-an-id,also-not' },
        },
      },
    });
    expect(response.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});
