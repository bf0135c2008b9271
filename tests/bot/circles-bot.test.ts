import { localUserId } from '../../bot/auth/local-issuer';
import { FakeConnector } from '../support/fake-connector';
import { botAddedActivity, messageActivity } from '../support/activities';
import { localToken, postJson, startTestService, type TestService } from '../support/service';
import { waitUntil } from '../support/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => {
    getFirstSubcomponent(name: string): {
      getFirstPropertyValue(name: string): unknown;
      getFirstProperty(name: string): { getParameter(name: string): unknown };
    } | null;
  };
};

const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_bot%40thread.v2/0';

describe('circles in Teams', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let circleId: string;
  let smallCircleId: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService({ PUBLIC_URL: 'http://127.0.0.1:1' });
    const facilitator = await localToken(service, 'Fiona Facilitator', 'facilitator');
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const created = await postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'safe-spaces',
        title: 'Making it safe to speak up',
        startsAt,
        meetingUrl: MEETING,
        capacity: 10,
      },
      { authorization: `Bearer ${facilitator}` },
    );
    circleId = created.body.id as string;
    const small = await postJson(
      `${service.url}/api/circles`,
      { themeId: 'routines', title: 'Small circle', startsAt, meetingUrl: MEETING, capacity: 4 },
      { authorization: `Bearer ${facilitator}` },
    );
    smallCircleId = small.body.id as string;
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const send = (activity: Record<string, unknown>) => postJson(`${service.url}/api/messages`, activity);
  const as = (aadObjectId: string, name: string, options: { channel?: boolean } = {}) => ({
    from: { id: `29:${aadObjectId}`, name, aadObjectId },
    ...(options.channel
      ? {
          conversation: {
            id: '19:general@thread.tacv2',
            conversationType: 'channel',
            isGroup: true,
            tenantId: 'tenant-1',
          },
        }
      : {}),
  });
  const invoke = (verb: string, circle: string, who: Record<string, unknown>) =>
    send({
      ...messageActivity({ serviceUrl, text: '' }),
      ...who,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: { circleId: circle } } },
    });
  const cardText = (response: { body: Record<string, unknown> }) => JSON.stringify(response.body.value);
  const actionUrl = (response: { body: Record<string, unknown> }, title: string) => {
    const actions = (response.body.value as { actions?: { title: string; url?: string }[] }).actions ?? [];
    return actions.find((action) => action.title === title)?.url;
  };

  it('lists upcoming circles with a Sign up button each, in 1:1 chat', async () => {
    const before = connector.calls.length;
    await send({ ...messageActivity({ serviceUrl, text: 'circles' }), ...as('oid-list', 'Lee') });
    const calls = await connector.waitForCalls(before + 1);
    const card = JSON.stringify(FakeConnector.cardOf(calls[before]));
    expect(card).toContain('Making it safe to speak up');
    expect(card).toContain('"verb":"circleSignUp"');
    expect(card).toContain('{{DATE(');
  });

  it('books the person who clicked, from the invoke identity, with join link, calendar file and cancel', async () => {
    const response = await invoke('circleSignUp', circleId, as('oid-asha', 'Asha Manager'));
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(response)).toContain("You're booked");
    expect(actionUrl(response, 'Join the meeting')).toBe(MEETING);
    expect(cardText(response)).toContain('"verb":"circleCancel"');
    const bookings = await service.stores.circles.bookings(circleId);
    expect(bookings.map((b) => `${b.userId}:${b.status}`)).toEqual(['oid-asha:confirmed']);

    const again = await invoke('circleSignUp', circleId, as('oid-asha', 'Asha Manager'));
    expect(cardText(again)).toContain("You're booked");
    expect(await service.stores.circles.bookings(circleId)).toHaveLength(1);

    const calendarUrl = actionUrl(response, 'Add to calendar') ?? '';
    const localUrl = calendarUrl.replace('http://127.0.0.1:1', service.url);
    const ics = await fetch(localUrl);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
    const event = calendar.getFirstSubcomponent('vevent');
    expect(String(event?.getFirstPropertyValue('summary'))).toContain('Making it safe to speak up');
    const circle = await service.stores.circles.get(circleId);
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe(circle?.startsAt.replace(/\.\d{3}Z$/, 'Z'));
    expect(String(event?.getFirstPropertyValue('description'))).toContain(MEETING);
    expect(event?.getFirstProperty('organizer').getParameter('cn')).toBe('Fiona Facilitator');

    const tampered = new URL(localUrl);
    tampered.searchParams.set('t', `${tampered.searchParams.get('t') ?? ''}x`);
    expect((await fetch(tampered)).status).toBe(401);
  });

  it('keeps the join link out of a shared conversation', async () => {
    const response = await invoke('circleSignUp', circleId, as('oid-ben', 'Ben Manager', { channel: true }));
    expect(cardText(response)).toContain("You're booked");
    expect(cardText(response)).not.toContain(MEETING);
    expect(actionUrl(response, 'Add to calendar')).toBeUndefined();
  });

  it('waitlists when full, then cancelling promotes and the calendar link stops working for the canceller', async () => {
    const people = ['p1', 'p2', 'p3', 'p4'];
    const first = await invoke('circleSignUp', smallCircleId, as('oid-p1', 'P1'));
    for (const id of people.slice(1)) await invoke('circleSignUp', smallCircleId, as(`oid-${id}`, id));
    const waitlisted = await invoke('circleSignUp', smallCircleId, as('oid-p5', 'P5'));
    expect(cardText(waitlisted)).toContain('waitlist (position 1)');
    const calendarUrl = (actionUrl(first, 'Add to calendar') ?? '').replace(
      'http://127.0.0.1:1',
      service.url,
    );
    const cancelled = await invoke('circleCancel', smallCircleId, as('oid-p1', 'P1'));
    expect(cardText(cancelled)).toContain('You have given up your place');
    const bookings = await service.stores.circles.bookings(smallCircleId);
    expect(bookings.find((b) => b.userId === 'oid-p5')?.status).toBe('confirmed');
    expect((await fetch(calendarUrl)).status).toBe(404);
  });

  it('sends the join link privately to someone who signs up in a channel, and tells a promoted person', async () => {
    const personal = (aad: string, name: string) => ({
      ...messageActivity({ serviceUrl, conversationId: `a:personal-${aad}`, text: 'hello' }),
      ...as(aad, name),
    });
    await send(personal('oid-cara', 'Cara'));
    await send(personal('oid-dev', 'Dev'));
    const fill = ['oid-f1', 'oid-f2', 'oid-f3'];
    const tight = await postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'recovery',
        title: 'Resetting after winter',
        startsAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
        meetingUrl: MEETING,
        capacity: 4,
      },
      { authorization: `Bearer ${await localToken(service, 'Fiona Facilitator', 'facilitator')}` },
    );
    const tightId = tight.body.id as string;

    let before = connector.calls.length;
    const booked = await invoke('circleSignUp', tightId, as('oid-cara', 'Cara', { channel: true }));
    expect(cardText(booked)).toContain("I've sent your join link");
    let calls = await connector.waitForCalls(before + 1);
    const privateCard = calls.slice(before).find((call) => call.conversationId === 'a:personal-oid-cara');
    expect(JSON.stringify(FakeConnector.cardOf(privateCard))).toContain(MEETING);

    for (const id of fill) await invoke('circleSignUp', tightId, as(id, id, { channel: true }));
    const waiting = await invoke('circleSignUp', tightId, as('oid-dev', 'Dev', { channel: true }));
    expect(cardText(waiting)).toContain('waitlist (position 1)');

    before = connector.calls.length;
    await invoke('circleCancel', tightId, as('oid-cara', 'Cara', { channel: true }));
    calls = await connector.waitForCalls(before + 1);
    const promotedCard = calls.slice(before).find((call) => call.conversationId === 'a:personal-oid-dev');
    const promotedText = JSON.stringify(FakeConnector.cardOf(promotedCard));
    expect(promotedText).toContain('A place came up');
    expect(promotedText).toContain(MEETING);
  });

  it('forgets a 1:1 conversation that Teams says is blocked, and still books the person', async () => {
    await send({
      ...messageActivity({ serviceUrl, conversationId: 'a:personal-oid-gone', text: 'hi' }),
      ...as('oid-gone', 'Gone'),
    });
    expect(await service.stores.conversations.findPersonal('oid-gone')).toBeDefined();
    connector.failNext(403);
    const booked = await invoke('circleSignUp', circleId, as('oid-gone', 'Gone', { channel: true }));
    // The private card (and the reminders before the circle) are queued in the outbox; Teams' 403 then retires
    // the conversation and all its rows.
    expect(cardText(booked)).toContain("You're booked");
    await waitUntil('the blocked conversation to be forgotten', async () =>
      (await service.stores.conversations.findPersonal('oid-gone')) === undefined ? true : undefined,
    );
    const rows = await service.stores.outbox.list({ conversationId: 'a:personal-oid-gone' }, 10);
    expect(rows.map((row) => [row.kind, row.status, row.lastError ?? null])).toEqual([
      ['booking-notice', 'retired', null],
      ['circle-reminder', 'retired', null],
      ['circle-reminder', 'retired', null],
    ]);
    expect((await service.stores.circles.bookings(circleId)).some((b) => b.userId === 'oid-gone')).toBe(true);
  });

  it('updates the posted invite once per burst of sign-ups, with refresh for people who hold a place', async () => {
    const facilitatorToken = await localToken(service, 'Fiona Facilitator', 'facilitator');
    const burst = await postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'emotional-tone',
        title: 'Setting the tone',
        startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
        meetingUrl: MEETING,
        capacity: 6,
      },
      { authorization: `Bearer ${facilitatorToken}` },
    );
    const burstId = burst.body.id as string;
    const poster = localUserId('Fiona Facilitator');
    const channel = '19:rota@thread.tacv2';
    let before = connector.calls.length;
    await send({
      ...messageActivity({
        serviceUrl,
        conversationType: 'channel',
        conversationId: channel,
        teamId: '19:team@thread.tacv2',
        text: `post circle ${burstId.slice(0, 8)}`,
      }),
      from: { id: `29:${poster}`, name: 'Fiona Facilitator', aadObjectId: poster },
    });
    await connector.waitForCalls(before + 1);
    expect(await service.stores.circles.posts(burstId)).toHaveLength(1);

    before = connector.calls.length;
    const inChannel = (aad: string) => ({
      from: { id: `29:${aad}`, name: aad, aadObjectId: aad },
      conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    });
    await Promise.all(
      ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'].map((id) =>
        invoke('circleSignUp', burstId, inChannel(`oid-${id}`)),
      ),
    );
    await waitUntil('the coalesced invite update to be sent', async () => {
      const rows = await service.stores.outbox.list({ kind: 'invite-update', subject: burstId }, 10);
      return rows.length > 0 && rows.every((row) => row.status === 'sent');
    });
    const updates = connector.calls.slice(before).filter((call) => call.method === 'PUT');
    expect(updates).toHaveLength(1);
    const updated = FakeConnector.cardOf(updates[0]) as { refresh?: { userIds: string[] } };
    expect(JSON.stringify(updated)).toContain('Full: you can join the waitlist');
    expect(updated.refresh?.userIds).toHaveLength(8);
    expect(updated.refresh?.userIds).toContain('29:oid-b1');
    expect(JSON.stringify(updated)).not.toContain(MEETING);

    const refreshed = await invoke('circleRefresh', burstId, inChannel('oid-b1'));
    expect(cardText(refreshed)).toContain("You're booked");
    expect(cardText(refreshed)).not.toContain(MEETING);
    const stranger = await invoke('circleRefresh', burstId, inChannel('oid-stranger'));
    expect(cardText(stranger)).toContain('"verb":"circleSignUp"');
  });

  it('lists my circles with a Cancel button', async () => {
    const before = connector.calls.length;
    await send({ ...messageActivity({ serviceUrl, text: 'my circles' }), ...as('oid-asha', 'Asha Manager') });
    const calls = await connector.waitForCalls(before + 1);
    const card = JSON.stringify(FakeConnector.cardOf(calls[before]));
    expect(card).toContain('Making it safe to speak up');
    expect(card).toContain('"verb":"circleCancel"');
  });

  it('posts an invite card to a channel for a facilitator, and refuses others', async () => {
    const code = circleId.slice(0, 8);
    const mention = {
      type: 'mention',
      mentioned: { id: '28:bot-app-id', name: 'Leading Compassionately' },
      text: '<at>Leading Compassionately</at>',
    };
    const post = (who: Record<string, unknown>) =>
      send({
        ...messageActivity({
          serviceUrl,
          text: `<at>Leading Compassionately</at> post circle ${code}`,
          entities: [mention],
        }),
        ...who,
      });

    let before = connector.calls.length;
    await post(as('oid-nobody', 'Not A Facilitator', { channel: true }));
    let calls = await connector.waitForCalls(before + 1);
    expect(JSON.stringify(FakeConnector.cardOf(calls[before]))).toContain(
      'Only facilitators can post circle invites',
    );

    // Another facilitator cannot post this circle's invite: role and ownership are both checked.
    await service.stores.roles.grant('oid-olive', 'facilitator', new Date());
    before = connector.calls.length;
    await post(as('oid-olive', 'Olive Other', { channel: true }));
    calls = await connector.waitForCalls(before + 1);
    expect(JSON.stringify(FakeConnector.cardOf(calls[before]))).toContain(
      'Upcoming Leadership Support Circles',
    );

    // Once the facilitator makes her a co-facilitator (and while she holds the role), she may post it too.
    expect(await service.stores.circles.setCoFacilitators(circleId, ['oid-olive'], new Date())).toBe(true);
    before = connector.calls.length;
    await post(as('oid-olive', 'Olive Other', { channel: true }));
    calls = await connector.waitForCalls(before + 1);
    const coPosted = JSON.stringify(FakeConnector.cardOf(calls[before]));
    expect(coPosted).toContain('Making it safe to speak up');
    expect(coPosted).not.toContain('Upcoming Leadership Support Circles');
    expect(await service.stores.circles.setCoFacilitators(circleId, [], new Date())).toBe(true);

    before = connector.calls.length;
    await post(as(localUserId('Fiona Facilitator'), 'Fiona Facilitator', { channel: true }));
    calls = await connector.waitForCalls(before + 1);
    const invite = JSON.stringify(FakeConnector.cardOf(calls[before]));
    expect(invite).toContain('Making it safe to speak up');
    expect(invite).toContain('"title":"Sign up"');
    expect(invite).toContain('Fiona Facilitator');
    expect(invite).not.toContain(MEETING);
    expect(invite).not.toContain('Asha');
  });
});

describe('circle commands with no circles yet', () => {
  it('refuses a non-facilitator who tries to post, without needing a circle to describe', async () => {
    const connector = new FakeConnector();
    const serviceUrl = await connector.start();
    const service = await startTestService();
    try {
      await postJson(`${service.url}/api/messages`, {
        ...messageActivity({
          serviceUrl,
          conversationType: 'channel',
          conversationId: '19:empty@thread',
          text: 'post circle 0a1b2c3d',
        }),
        from: { id: '29:oid-x', name: 'X', aadObjectId: 'oid-x' },
      });
      const calls = await connector.waitForCalls(1);
      expect(JSON.stringify(FakeConnector.cardOf(calls[0]))).toContain(
        'Only facilitators can post circle invites',
      );
    } finally {
      await service.stop();
      await connector.stop();
    }
  });
});

describe('the local demo', () => {
  it('posts the next circle invite when the bot joins a channel in demo mode, once, and never otherwise', async () => {
    const connector = new FakeConnector();
    const serviceUrl = await connector.start();
    const demo = await startTestService({ DEMO_MODE: 'true' });
    const plain = await startTestService();
    try {
      for (const service of [demo, plain]) {
        const facilitator = await localToken(service, 'Demo Facilitator', 'facilitator');
        await postJson(
          `${service.url}/api/circles`,
          {
            themeId: 'routines',
            title: 'Demo routines circle',
            startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
            meetingUrl: MEETING,
          },
          { authorization: `Bearer ${facilitator}` },
        );
      }
      const joined = botAddedActivity({
        serviceUrl,
        conversationType: 'channel',
        conversationId: '19:general@thread',
        teamId: 'team-1',
      });
      let before = connector.calls.length;
      await postJson(`${demo.url}/api/messages`, joined);
      let calls = await connector.waitForCalls(before + 2);
      expect(JSON.stringify(FakeConnector.cardOf(calls[before + 1]))).toContain('Demo routines circle');
      before = connector.calls.length;
      await postJson(`${demo.url}/api/messages`, joined);
      await connector.waitForCalls(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(connector.calls.length).toBe(before + 1);

      before = connector.calls.length;
      await postJson(`${plain.url}/api/messages`, joined);
      calls = await connector.waitForCalls(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(connector.calls.length).toBe(before + 1);
      expect(JSON.stringify(FakeConnector.cardOf(calls[before]))).toContain(
        'Welcome to Leading Compassionately',
      );
    } finally {
      await demo.stop();
      await plain.stop();
      await connector.stop();
    }
  });
});
