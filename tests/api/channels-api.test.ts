import { FakeConnector } from '../support/fake-connector';
import { botAddedActivity, messageActivity } from '../support/activities';
import {
  createCircle,
  getJson,
  localToken,
  postJson,
  startTestService,
  type TestService,
} from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_posts%40thread.v2/0';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TEAM = '19:team-ward-7@thread.tacv2';
const GENERAL = TEAM;
const ROTA = '19:rota@thread.tacv2';
const UNNAMED = '19:unnamed@thread.tacv2';
const GROUP = '19:group@thread.v2';

describe('channels and circle invites posted from the tab', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let facilitator: string;
  let otherFacilitator: string;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService();
    facilitator = await localToken(service, 'Pat Poster', 'facilitator');
    otherFacilitator = await localToken(service, 'Olu Other', 'facilitator');
    admin = await localToken(service, 'Ada Admin', 'admin');
    manager = await localToken(service, 'Max Manager', 'manager');
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  /** The bot arrives in a conversation, as Teams tells it (it answers with a welcome card). */
  const install = async (
    conversationId: string,
    conversationType: 'channel' | 'groupChat',
    channelData: Record<string, unknown> = {},
  ) => {
    const before = connector.calls.length;
    await postJson(`${service.url}/api/messages`, {
      ...botAddedActivity({ serviceUrl, conversationType, conversationId }),
      channelData: { tenant: { id: 'tenant-1' }, ...channelData },
    });
    await connector.waitForCalls(before + 1);
    await pause(5);
  };
  const newCircle = (token: string, overrides: Record<string, unknown> = {}) =>
    createCircle(service, token, {
      themeId: 'routines',
      title: 'Routines that hold a ward together',
      startsAt: inDays(6),
      meetingUrl: MEETING,
      capacity: 4,
      ...overrides,
    });
  const post = (circleId: string, token: string, body: unknown) =>
    postJson(`${service.url}/api/circles/${circleId}/posts`, body, bearer(token));

  it('lists the channels the app is in, most recently active first, named from Teams', async () => {
    await install(GENERAL, 'channel', { team: { id: TEAM, name: 'Ward 7' } });
    await install(ROTA, 'channel', {
      team: { id: TEAM, name: 'Ward 7' },
      channel: { id: ROTA, name: 'Rota' },
    });
    await install(UNNAMED, 'channel', { team: { id: '19:team-theatres@thread.tacv2' } });
    await install(GROUP, 'groupChat');
    await postJson(`${service.url}/api/messages`, {
      ...messageActivity({ serviceUrl, conversationType: 'channel', conversationId: ROTA, teamId: TEAM }),
      text: 'help',
    });
    await pause(5);

    const listed = await getJson(`${service.url}/api/channels`, bearer(facilitator));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      channels: [
        { conversationId: ROTA, teamId: TEAM, title: 'Ward 7 › Rota' },
        { conversationId: UNNAMED, teamId: '19:team-theatres@thread.tacv2', title: 'Team channel' },
        { conversationId: GENERAL, teamId: TEAM, title: 'Ward 7 › General' },
      ],
    });
    expect((await getJson(`${service.url}/api/channels`, bearer(admin))).status).toBe(200);
  });

  it('shows the channel list only to facilitators and admins', async () => {
    const refused = await getJson(`${service.url}/api/channels`, bearer(manager));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await getJson(`${service.url}/api/channels`)).status).toBe(401);
  });

  it("posts a circle's invite card in a channel for its facilitator, records it, and refuses a second post there", async () => {
    const circleId = await newCircle(facilitator);
    const before = connector.calls.length;
    const posted = await post(circleId, facilitator, { conversationId: ROTA });
    expect(posted.status).toBe(201);
    expect(posted.body).toEqual({ conversationId: ROTA, activityId: expect.any(String) });

    const calls = await connector.waitForCalls(before + 1);
    const sent = calls[before];
    expect(sent).toMatchObject({ method: 'POST', conversationId: ROTA });
    expect(posted.body.activityId).toBe(`reply-${before + 1}`);
    const card = JSON.stringify(FakeConnector.cardOf(sent));
    expect(card).toContain('Routines that hold a ward together');
    expect(card).toContain('"title":"Sign up"');
    expect(card).toContain('Pat Poster');
    expect(card).not.toContain(MEETING);
    expect(await service.stores.circles.posts(circleId)).toEqual([
      { circleId, conversationId: ROTA, activityId: posted.body.activityId },
    ]);

    const again = await post(circleId, facilitator, { conversationId: ROTA });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'ALREADY_POSTED' } });
    expect(connector.calls).toHaveLength(before + 1);

    const byAdmin = await post(circleId, admin, { conversationId: GENERAL });
    expect(byAdmin.status).toBe(201);
    expect((await service.stores.circles.posts(circleId)).map((p) => p.conversationId).sort()).toEqual(
      [GENERAL, ROTA].sort(),
    );
  });

  it('sends one card when the same post arrives twice at once', async () => {
    const circleId = await newCircle(facilitator, { title: 'Double click' });
    const before = connector.calls.length;
    const responses = await Promise.all([
      post(circleId, facilitator, { conversationId: GENERAL }),
      post(circleId, facilitator, { conversationId: GENERAL }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    await pause(50);
    expect(connector.calls.slice(before).filter((call) => call.conversationId === GENERAL)).toHaveLength(1);
    expect(await service.stores.circles.posts(circleId)).toHaveLength(1);
  });

  it('keeps the seat count on a posted invite current as people book', async () => {
    const circleId = await newCircle(facilitator, { title: 'Seats that move' });
    const posted = await post(circleId, facilitator, { conversationId: UNNAMED });
    expect(posted.status).toBe(201);
    const before = connector.calls.length;
    const booked = await postJson(`${service.url}/api/circles/${circleId}/bookings`, {}, bearer(manager));
    expect(booked.status).toBe(201);
    const calls = await connector.waitForCalls(before + 1);
    const update = calls
      .slice(before)
      .find((call) => call.method === 'PUT' && call.conversationId === UNNAMED);
    expect(update?.replyToId).toBe(posted.body.activityId);
    expect(JSON.stringify(FakeConnector.cardOf(update))).toContain('3 of 4 left');
  });

  it("refuses anyone but the circle's facilitator or an admin (403), whatever the body says", async () => {
    const circleId = await newCircle(facilitator);
    for (const token of [manager, otherFacilitator]) {
      const refused = await post(circleId, token, { conversationId: ROTA });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    const claimed = await post(circleId, manager, { conversationId: ROTA, userId: 'pat-poster' });
    expect(claimed.status).toBe(400);
    expect(await service.stores.circles.posts(circleId)).toEqual([]);
  });

  it('posts only to stored channels, only for scheduled circles that have not started, and checks its input', async () => {
    const circleId = await newCircle(facilitator);
    for (const conversationId of ['19:never-installed@thread.tacv2', GROUP, 'a:personal-conversation']) {
      const missing = await post(circleId, facilitator, { conversationId });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    const unknownCircle = await post('0b7c1e1e-0000-4000-8000-000000000000', facilitator, {
      conversationId: ROTA,
    });
    expect(unknownCircle.status).toBe(404);
    for (const bad of [
      {},
      { conversationId: '' },
      { conversationId: 42 },
      { conversationId: 'x'.repeat(600) },
    ]) {
      const response = await post(circleId, facilitator, bad);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await post('not-a-uuid', facilitator, { conversationId: ROTA })).status).toBe(400);

    const started = await newCircle(facilitator);
    const stored = await service.stores.circles.get(started);
    if (!stored) throw new Error('circle missing');
    await service.stores.circles.update({ ...stored, startsAt: inDays(-0.01) }, new Date());
    const late = await post(started, facilitator, { conversationId: ROTA });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'CIRCLE_STARTED' } });

    const cancelledId = await newCircle(facilitator);
    await fetch(`${service.url}/api/circles/${cancelledId}`, {
      method: 'DELETE',
      headers: bearer(facilitator),
    });
    const cancelled = await post(cancelledId, facilitator, { conversationId: ROTA });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body).toMatchObject({ error: { code: 'CIRCLE_CANCELLED' } });
  });

  it.each([403, 404])(
    'forgets a channel when Teams answers %i, answers 404 and records nothing',
    async (status) => {
      const gone = `19:gone-${status}@thread.tacv2`;
      await install(gone, 'channel', {
        team: { id: TEAM, name: 'Ward 7' },
        channel: { id: gone, name: 'Old' },
      });
      const circleId = await newCircle(facilitator);
      connector.failNext(status);
      const response = await post(circleId, facilitator, { conversationId: gone });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(await service.stores.conversations.get(gone)).toBeUndefined();
      const listed = await getJson(`${service.url}/api/channels`, bearer(facilitator));
      expect(
        (listed.body.channels as { conversationId: string }[]).map((c) => c.conversationId),
      ).not.toContain(gone);
      expect(await service.stores.circles.posts(circleId)).toEqual([]);
    },
  );

  it('answers 502 DELIVERY_FAILED when Teams refuses for another reason, records nothing, and a retry works', async () => {
    const circleId = await newCircle(facilitator);
    connector.failNext(400);
    const failed = await post(circleId, facilitator, { conversationId: GENERAL });
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ error: { code: 'DELIVERY_FAILED' } });
    expect(await service.stores.circles.posts(circleId)).toEqual([]);
    expect(await service.stores.conversations.get(GENERAL)).toBeDefined();
    const retried = await post(circleId, facilitator, { conversationId: GENERAL });
    expect(retried.status).toBe(201);
    expect(await service.stores.circles.posts(circleId)).toHaveLength(1);
  });
});
