import { sampleCircle } from '../support/sample-circle';
import type { ConversationRecord, Stores } from '../../core/ports';
import type { OutboxItem } from '../../core/outbox/ports';
import type { NudgeSettings } from '../../core/nudges/ports';

/** Creates a fresh, empty set of stores for one test, and disposes of it. */
export interface StoreFactory {
  open(): Promise<Stores>;
  dispose(stores: Stores): Promise<void>;
  /** Opens a second, independent connection (pool) to the same store, as another instance would. */
  openPeer(stores: Stores): Promise<Stores>;
}

function record(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    conversationId: 'a:personal-1',
    scope: 'personal',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    tenantId: 'tenant-1',
    botId: '28:bot',
    userId: '29:user',
    userAadObjectId: 'oid-1',
    teamId: undefined,
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The contract every storage adapter must meet. Each adapter's test file calls this with its own factory, so
 * the embedded SQLite store and the PostgreSQL store are held to exactly the same behaviour.
 */
export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name}: ConversationStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    it('returns nothing for a conversation it has never seen', async () => {
      expect(await stores.conversations.get('a:unknown')).toBeUndefined();
    });

    it('saves a conversation and reads it back unchanged', async () => {
      await stores.conversations.save(record());
      expect(await stores.conversations.get('a:personal-1')).toEqual(record());
    });

    it('refreshes an existing conversation instead of duplicating it (the serviceUrl can change)', async () => {
      await stores.conversations.save(record());
      const moved = record({
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        updatedAt: '2026-11-28T09:00:00.000Z',
      });
      await stores.conversations.save(moved);
      expect(await stores.conversations.get('a:personal-1')).toEqual(moved);
    });

    it('keeps optional fields absent rather than inventing values', async () => {
      const channel = record({
        conversationId: '19:general@thread.tacv2',
        scope: 'channel',
        userId: undefined,
        userAadObjectId: undefined,
        tenantId: undefined,
        teamId: '19:team@thread.tacv2',
      });
      await stores.conversations.save(channel);
      expect(await stores.conversations.get(channel.conversationId)).toEqual(channel);
    });

    it('finds the personal conversation with a person, most recent first', async () => {
      await stores.conversations.save(
        record({ conversationId: 'a:old', updatedAt: '2026-11-01T00:00:00.000Z' }),
      );
      await stores.conversations.save(
        record({ conversationId: 'a:new', updatedAt: '2026-11-20T00:00:00.000Z' }),
      );
      await stores.conversations.save(
        record({
          conversationId: '19:group',
          scope: 'groupChat',
          userAadObjectId: 'oid-1',
          updatedAt: '2026-11-25T00:00:00.000Z',
        }),
      );
      expect((await stores.conversations.findPersonal('oid-1'))?.conversationId).toBe('a:new');
      expect(await stores.conversations.findPersonal('oid-nobody')).toBeUndefined();
    });

    it('removes a conversation and says whether it existed', async () => {
      await stores.conversations.save(record());
      expect(await stores.conversations.remove('a:personal-1')).toBe(true);
      expect(await stores.conversations.get('a:personal-1')).toBeUndefined();
      expect(await stores.conversations.remove('a:personal-1')).toBe(false);
    });

    it('removes every conversation of a team and leaves others alone', async () => {
      const team = {
        scope: 'channel' as const,
        userId: undefined,
        userAadObjectId: undefined,
        teamId: 'team-1',
      };
      await stores.conversations.save(record({ ...team, conversationId: '19:general' }));
      await stores.conversations.save(record({ ...team, conversationId: '19:rota' }));
      await stores.conversations.save(record({ ...team, conversationId: '19:other', teamId: 'team-2' }));
      expect(await stores.conversations.removeTeam('team-1')).toBe(2);
      expect(await stores.conversations.get('19:general')).toBeUndefined();
      expect(await stores.conversations.get('19:other')).toBeDefined();
    });

    it("keeps a channel's stored title when a later save has none, and replaces it with a new one", async () => {
      const channel = record({
        conversationId: '19:rota@thread.tacv2',
        scope: 'channel',
        userId: undefined,
        userAadObjectId: undefined,
        teamId: 'team-1',
        title: 'Ward 7 › Rota',
      });
      await stores.conversations.save(channel);
      expect(await stores.conversations.get(channel.conversationId)).toEqual(channel);
      const later = { ...channel, title: undefined, updatedAt: '2026-11-28T09:00:00.000Z' };
      await stores.conversations.save(later);
      expect(await stores.conversations.get(channel.conversationId)).toEqual({
        ...later,
        title: 'Ward 7 › Rota',
      });
      await stores.conversations.save({ ...channel, title: 'Ward 7 › Night rota' });
      expect((await stores.conversations.get(channel.conversationId))?.title).toBe('Ward 7 › Night rota');
    });

    it('lists channel conversations only, most recently active first', async () => {
      const channel = (conversationId: string, updatedAt: string, title?: string) =>
        record({
          conversationId,
          scope: 'channel',
          userId: undefined,
          userAadObjectId: undefined,
          teamId: 'team-1',
          updatedAt,
          ...(title === undefined ? {} : { title }),
        });
      expect(await stores.conversations.listChannels()).toEqual([]);
      await stores.conversations.save(channel('19:old', '2026-11-01T00:00:00.000Z', 'Ward 7 › General'));
      await stores.conversations.save(channel('19:new', '2026-11-20T00:00:00.000Z'));
      await stores.conversations.save(channel('19:mid', '2026-11-10T00:00:00.000Z', 'Ward 7 › Rota'));
      await stores.conversations.save(record({ updatedAt: '2026-11-30T00:00:00.000Z' }));
      await stores.conversations.save(
        record({ conversationId: '19:group', scope: 'groupChat', updatedAt: '2026-11-30T00:00:00.000Z' }),
      );
      const listed = await stores.conversations.listChannels();
      expect(listed.map((conversation) => conversation.conversationId)).toEqual([
        '19:new',
        '19:mid',
        '19:old',
      ]);
      expect(listed[1]).toEqual(channel('19:mid', '2026-11-10T00:00:00.000Z', 'Ward 7 › Rota'));
      expect(listed[0]?.title).toBeUndefined();
    });

    it('handles ids with characters that are special in keys and URLs', async () => {
      const odd = record({ conversationId: "a:1/2#3?4'5\\6%7" });
      await stores.conversations.save(odd);
      expect(await stores.conversations.get(odd.conversationId)).toEqual(odd);
    });

    it('stores a conversation again when the same record is saved after its row was deleted, by any path', async () => {
      const mine = record({ conversationId: 'a:again', userAadObjectId: 'oid-again' });
      await stores.conversations.save(mine);
      await stores.conversations.save(mine);
      await stores.personalData.erase('oid-again', 'anon:again', new Date('2026-11-28T00:00:00Z'));
      await stores.conversations.save(mine);
      expect(await stores.conversations.get('a:again')).toEqual(mine);
      const peer = await factory.openPeer(stores);
      try {
        expect(await peer.conversations.remove('a:again')).toBe(true);
        await stores.conversations.save(mine);
        expect(await stores.conversations.get('a:again')).toEqual(mine);
      } finally {
        await peer.close();
      }
    });
  });

  describe(`${name}: RoleStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    it('has no granted roles for someone new', async () => {
      expect(await stores.roles.rolesOf('oid-new')).toEqual([]);
    });

    it('grants roles, and granting twice is harmless', async () => {
      await stores.roles.grant('oid-1', 'facilitator', new Date('2026-11-01T00:00:00Z'));
      await stores.roles.grant('oid-1', 'facilitator', new Date('2026-11-02T00:00:00Z'));
      await stores.roles.grant('oid-1', 'admin', new Date('2026-11-03T00:00:00Z'));
      expect((await stores.roles.rolesOf('oid-1')).sort()).toEqual(['admin', 'facilitator']);
    });

    it('revokes a role and says whether it was held', async () => {
      await stores.roles.grant('oid-1', 'facilitator', new Date('2026-11-01T00:00:00Z'));
      expect(await stores.roles.revoke('oid-1', 'facilitator')).toBe(true);
      expect(await stores.roles.revoke('oid-1', 'facilitator')).toBe(false);
      expect(await stores.roles.rolesOf('oid-1')).toEqual([]);
    });

    it('lists the holders of a role, oldest grant first', async () => {
      await stores.roles.grant('oid-b', 'facilitator', new Date('2026-11-02T00:00:00Z'));
      await stores.roles.grant('oid-a', 'facilitator', new Date('2026-11-01T00:00:00Z'));
      await stores.roles.grant('oid-c', 'admin', new Date('2026-11-01T00:00:00Z'));
      expect(await stores.roles.holdersOf('facilitator')).toEqual(['oid-a', 'oid-b']);
    });

    it('reads a grant or revocation made since the last read, here or by another instance', async () => {
      expect(await stores.roles.rolesOf('oid-1')).toEqual([]);
      await stores.roles.grant('oid-1', 'facilitator', new Date('2026-11-01T00:00:00Z'));
      expect(await stores.roles.rolesOf('oid-1')).toEqual(['facilitator']);
      const peer = await factory.openPeer(stores);
      try {
        await peer.roles.grant('oid-1', 'admin', new Date('2026-11-02T00:00:00Z'));
        expect(await stores.roles.rolesOf('oid-1')).toEqual(['admin', 'facilitator']);
        await peer.roles.revoke('oid-1', 'facilitator');
        expect(await stores.roles.rolesOf('oid-1')).toEqual(['admin']);
      } finally {
        await peer.close();
      }
    });
  });

  describe(`${name}: FeedbackStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    it('counts helpful and not-helpful votes per guide', async () => {
      const at = new Date('2026-11-27T10:00:00Z');
      await stores.feedback.recordGuideFeedback({
        guideId: 'pause-spaces',
        helpful: true,
        actionId: 'a1',
        at,
      });
      await stores.feedback.recordGuideFeedback({
        guideId: 'pause-spaces',
        helpful: true,
        actionId: 'a2',
        at,
      });
      await stores.feedback.recordGuideFeedback({
        guideId: 'pause-spaces',
        helpful: false,
        actionId: 'a3',
        at,
      });
      await stores.feedback.recordGuideFeedback({
        guideId: 'team-reset',
        helpful: false,
        actionId: 'a4',
        at,
      });
      expect(await stores.feedback.guideFeedback()).toEqual([
        { guideId: 'pause-spaces', helpful: 2, notHelpful: 1 },
        { guideId: 'team-reset', helpful: 0, notHelpful: 1 },
      ]);
    });

    it('counts a retried action once', async () => {
      const vote = {
        guideId: 'pause-spaces',
        helpful: true,
        actionId: 'retry-1',
        at: new Date('2026-11-27T10:00:00Z'),
      };
      expect(await stores.feedback.recordGuideFeedback(vote)).toBe(true);
      expect(await stores.feedback.recordGuideFeedback(vote)).toBe(false);
      expect(await stores.feedback.guideFeedback()).toEqual([
        { guideId: 'pause-spaces', helpful: 1, notHelpful: 0 },
      ]);
    });
    it('keeps one vote per voter key and guide: a repeat replaces the earlier vote, other voters still add', async () => {
      const at = new Date('2026-11-27T10:00:00Z');
      const vote = (actionId: string, voterKey: string, helpful: boolean, guideId = 'pause-spaces') =>
        stores.feedback.recordGuideFeedback({ guideId, helpful, actionId, at, voterKey });
      expect(await vote('v1', 'voter-a', true)).toBe(true);
      for (let i = 2; i <= 20; i++) expect(await vote(`v${i}`, 'voter-a', true)).toBe(false);
      expect(await vote('v21', 'voter-a', false)).toBe(false);
      expect(await vote('v21', 'voter-a', false)).toBe(false);
      expect(await vote('v22', 'voter-b', true)).toBe(true);
      expect(await vote('v23', 'voter-a', true, 'team-reset')).toBe(true);
      expect(await stores.feedback.guideFeedback()).toEqual([
        { guideId: 'pause-spaces', helpful: 1, notHelpful: 1 },
        { guideId: 'team-reset', helpful: 1, notHelpful: 0 },
      ]);
    });
  });

  describe(`${name}: UnansweredStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    it('lists unanswered questions, most recent day first, up to a limit, keeping only the day', async () => {
      await stores.unanswered.record('where do i park', '2026-11-01');
      await stores.unanswered.record('how do i claim mileage', '2026-11-02');
      await stores.unanswered.record('is the canteen open', '2026-11-03');
      const listed = await stores.unanswered.list(2);
      expect(listed.map((question) => question.text)).toEqual([
        'is the canteen open',
        'how do i claim mileage',
      ]);
      expect(listed[0]).toEqual({
        id: expect.any(Number),
        text: 'is the canteen open',
        askedOn: '2026-11-03',
      });
    });

    it('deletes questions asked before a day and keeps that day and later (retention)', async () => {
      await stores.unanswered.record('old one', '2026-08-01');
      await stores.unanswered.record('on the day', '2026-08-02');
      await stores.unanswered.record('newer', '2026-10-01');
      expect(await stores.unanswered.deleteAskedBefore('2026-08-02')).toBe(1);
      expect((await stores.unanswered.list(10)).map((question) => question.text)).toEqual([
        'newer',
        'on the day',
      ]);
      expect(await stores.unanswered.deleteAskedBefore('2026-08-02')).toBe(0);
    });
  });

  describe(`${name}: CircleStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });
    const created = new Date('2026-11-20T09:00:00Z');
    const now = new Date('2026-11-27T12:00:00Z');
    const circle = sampleCircle;
    const person = (userId: string) => ({ userId, organisationId: 'RX1', displayName: `Person ${userId}` });

    it('creates, reads, lists with filters and updates circles', async () => {
      await stores.circles.create(circle(), created);
      await stores.circles.create(
        circle({
          id: 'circle-2',
          themeId: undefined,
          extraTopic: 'Burnout',
          startsAt: '2026-12-10T13:00:00.000Z',
          audience: { kind: 'organisation', organisationId: 'RX1' },
        }),
        created,
      );
      expect(await stores.circles.get('circle-1')).toEqual(circle());
      expect((await stores.circles.list({})).map((c) => c.id)).toEqual(['circle-1', 'circle-2']);
      expect((await stores.circles.list({ themeId: 'routines' })).map((c) => c.id)).toEqual(['circle-1']);
      expect((await stores.circles.list({ from: '2026-12-05T00:00:00.000Z' })).map((c) => c.id)).toEqual([
        'circle-2',
      ]);
      expect((await stores.circles.get('circle-2'))?.audience).toEqual({
        kind: 'organisation',
        organisationId: 'RX1',
      });
      await stores.circles.update(circle({ title: 'Renamed', status: 'cancelled' }), now);
      expect(await stores.circles.get('circle-1')).toMatchObject({ title: 'Renamed', status: 'cancelled' });
      expect(await stores.circles.get('nope')).toBeUndefined();
    });

    it('confirms up to capacity, then waitlists in arrival order, and repeats are harmless', async () => {
      await stores.circles.create(circle(), created);
      const results = [];
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'a'])
        results.push(await stores.circles.signUp('circle-1', person(id), now));
      expect(results.map((r) => (r.ok ? r.value.decision.kind : r.code))).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'confirmed',
        'waitlisted',
        'waitlisted',
        'alreadyConfirmed',
      ]);
      const bookings = await stores.circles.bookings('circle-1');
      expect(bookings.map((b) => `${b.userId}:${b.status}`)).toEqual([
        'a:confirmed',
        'b:confirmed',
        'c:confirmed',
        'd:confirmed',
        'e:waitlisted',
        'f:waitlisted',
      ]);
    });

    it('promotes the first waitlisted person when a confirmed place is cancelled', async () => {
      await stores.circles.create(circle(), created);
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f'])
        await stores.circles.signUp('circle-1', person(id), now);
      const cancelled = await stores.circles.cancel('circle-1', 'b', now);
      expect(cancelled).toMatchObject({ ok: true, value: { promoted: { userId: 'e' } } });
      const bookings = await stores.circles.bookings('circle-1');
      expect(bookings.filter((b) => b.status === 'confirmed').map((b) => b.userId)).toEqual([
        'a',
        'c',
        'd',
        'e',
      ]);
      expect(await stores.circles.cancel('circle-1', 'b', now)).toMatchObject({
        ok: false,
        code: 'NOT_BOOKED',
      });
      expect((await stores.circles.bookingsOf('f')).map((b) => b.status)).toEqual(['waitlisted']);
    });

    it('takes a burst of concurrent sign-ups exactly: capacity confirmed, the rest waitlisted in arrival order', async () => {
      await stores.circles.create(circle(), created);
      const ids = Array.from({ length: 12 }, (_, index) => `p${index}`);
      const results = await Promise.all(ids.map((id) => stores.circles.signUp('circle-1', person(id), now)));
      const decisions = results.map((result) => (result.ok ? result.value.decision : undefined));
      expect(decisions.filter((decision) => decision?.kind === 'confirmed')).toHaveLength(4);
      const positions = decisions.flatMap((decision) =>
        decision?.kind === 'waitlisted' ? [decision.position] : [],
      );
      expect(positions.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const bookings = await stores.circles.bookings('circle-1');
      expect(bookings.map((booking) => booking.sequence)).toEqual(ids.map((_, index) => index + 1));
      expect(bookings.map((booking) => booking.status)).toEqual([
        ...Array<string>(4).fill('confirmed'),
        ...Array<string>(8).fill('waitlisted'),
      ]);
      for (const result of results) {
        if (!result.ok || result.value.decision.kind !== 'waitlisted') continue;
        const stored = bookings.filter((booking) => booking.status === 'waitlisted');
        expect(stored[result.value.decision.position - 1]?.userId).toBe(result.value.booking.userId);
      }
    });

    it('promotes each waitlisted person once when confirmed places are cancelled at the same time, twice over', async () => {
      await stores.circles.create(circle(), created);
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
        await stores.circles.signUp('circle-1', person(id), now);
      const cancels = ['a', 'b', 'c', 'a', 'b', 'c'].map((id) => stores.circles.cancel('circle-1', id, now));
      const results = await Promise.all(cancels);
      const promoted = results.flatMap((result) =>
        result.ok && result.value.promoted ? [result.value.promoted.userId] : [],
      );
      expect(promoted.sort()).toEqual(['e', 'f', 'g']);
      expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual([
        'NOT_BOOKED',
        'NOT_BOOKED',
        'NOT_BOOKED',
      ]);
      const bookings = await stores.circles.bookings('circle-1');
      expect(bookings.map((booking) => `${booking.userId}:${booking.status}`)).toEqual([
        'd:confirmed',
        'e:confirmed',
        'f:confirmed',
        'g:confirmed',
      ]);
    });

    it("lists a person's bookings across circles by start time, and refuses to cancel what was never booked", async () => {
      await stores.circles.create(circle({ id: 'later', startsAt: '2026-12-20T13:00:00.000Z' }), created);
      await stores.circles.create(circle({ id: 'sooner', startsAt: '2026-12-01T13:00:00.000Z' }), created);
      await stores.circles.signUp('later', { ...person('a'), teamsUserId: '29:a' }, now);
      await stores.circles.signUp('sooner', person('a'), now);
      expect(await stores.circles.bookingsOf('a')).toEqual([
        {
          bookingId: expect.any(String) as unknown,
          circleId: 'sooner',
          userId: 'a',
          status: 'confirmed',
          sequence: 1,
          displayName: 'Person a',
          teamsUserId: undefined,
        },
        {
          bookingId: expect.any(String) as unknown,
          circleId: 'later',
          userId: 'a',
          status: 'confirmed',
          sequence: 1,
          displayName: 'Person a',
          teamsUserId: '29:a',
        },
      ]);
      expect(await stores.circles.cancel('nope', 'a', now)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await stores.circles.cancel('sooner', 'zz', now)).toMatchObject({
        ok: false,
        code: 'NOT_BOOKED',
      });
    });

    it('remembers where an invite was posted, once per message', async () => {
      await stores.circles.create(circle(), created);
      expect(await stores.circles.posts('circle-1')).toEqual([]);
      const post = { circleId: 'circle-1', conversationId: '19:general', activityId: '1700000000001' };
      await stores.circles.recordPost(post, now);
      await stores.circles.recordPost(post, new Date('2026-11-27T12:05:00Z'));
      await stores.circles.recordPost(
        { ...post, activityId: '1700000000002' },
        new Date('2026-11-27T12:10:00Z'),
      );
      expect(await stores.circles.posts('circle-1')).toEqual([
        post,
        { ...post, activityId: '1700000000002' },
      ]);
    });

    it('refuses sign-ups to missing or started circles', async () => {
      expect(await stores.circles.signUp('nope', person('a'), now)).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
      await stores.circles.create(circle({ startsAt: '2026-11-27T11:00:00.000Z' }), created);
      expect(await stores.circles.signUp('circle-1', person('a'), now)).toMatchObject({
        ok: false,
        code: 'CIRCLE_STARTED',
      });
    });

    it('marks attendance only for confirmed participants', async () => {
      await stores.circles.create(circle(), created);
      for (const id of ['a', 'b', 'c', 'd', 'e']) await stores.circles.signUp('circle-1', person(id), now);
      expect(await stores.circles.markAttendance('circle-1', 'a', true)).toBe(true);
      expect(await stores.circles.markAttendance('circle-1', 'b', false)).toBe(true);
      expect(await stores.circles.markAttendance('circle-1', 'e', true)).toBe(false);
      expect(await stores.circles.markAttendance('circle-1', 'zz', true)).toBe(false);
      expect([...(await stores.circles.attendance('circle-1')).entries()].sort()).toEqual([
        ['a', true],
        ['b', false],
      ]);
    });

    it('keeps an audit of roster reads', async () => {
      await stores.circles.create(circle(), created);
      await stores.circles.recordRosterRead('circle-1', 'fac-1', now);
      expect(await stores.circles.rosterReads('circle-1')).toEqual([
        { readerId: 'fac-1', readAt: now.toISOString() },
      ]);
    });

    it("replaces a circle's co-facilitators as a set, keeps other circles' apart, and refuses a missing circle", async () => {
      await stores.circles.create(circle(), created);
      await stores.circles.create(circle({ id: 'circle-2' }), created);
      expect(await stores.circles.coFacilitators('circle-1')).toEqual([]);
      expect(await stores.circles.setCoFacilitators('circle-1', ['co-b', 'co-a'], created)).toBe(true);
      expect(await stores.circles.coFacilitators('circle-1')).toEqual(['co-a', 'co-b']);
      await stores.circles.setCoFacilitators('circle-2', ['co-a'], created);
      // co-b is removed, co-a kept (its first addition stands), co-c added after it.
      expect(await stores.circles.setCoFacilitators('circle-1', ['co-c', 'co-a', 'co-c'], now)).toBe(true);
      expect(await stores.circles.coFacilitators('circle-1')).toEqual(['co-a', 'co-c']);
      expect(await stores.circles.setCoFacilitators('circle-1', [], now)).toBe(true);
      expect(await stores.circles.coFacilitators('circle-1')).toEqual([]);
      expect(await stores.circles.coFacilitators('circle-2')).toEqual(['co-a']);
      expect(await stores.circles.setCoFacilitators('no-such-circle', ['co-a'], now)).toBe(false);
      expect(await stores.circles.coFacilitators('no-such-circle')).toEqual([]);
    });

    it('lists the circles a person runs or co-facilitates, and nobody else’s', async () => {
      await stores.circles.create(circle({ id: 'circle-1', facilitatorId: 'fac-1' }), created);
      await stores.circles.create(circle({ id: 'circle-2', facilitatorId: 'fac-2' }), created);
      await stores.circles.create(circle({ id: 'circle-3', facilitatorId: 'fac-3' }), created);
      await stores.circles.setCoFacilitators('circle-2', ['fac-1'], created);
      await stores.circles.setCoFacilitators('circle-3', ['fac-2'], created);
      const ids = async (managedBy: string) =>
        (await stores.circles.list({ managedBy })).map((listed) => listed.id).sort();
      expect(await ids('fac-1')).toEqual(['circle-1', 'circle-2']);
      expect(await ids('fac-2')).toEqual(['circle-2', 'circle-3']);
      expect(await ids('fac-3')).toEqual(['circle-3']);
      expect(await ids('nobody')).toEqual([]);
    });
  });

  describe(`${name}: FacilitatorStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });
    const at = new Date('2026-11-27T12:00:00Z');

    it('registers, updates, searches by organisation or ODS code and region, and removes', async () => {
      await stores.facilitators.upsert(
        {
          userId: 'f1',
          name: 'Asha Patel',
          organisationName: 'County Durham and Darlington NHS Foundation Trust',
          odsCode: 'RXP',
          region: 'North East and Yorkshire',
        },
        at,
      );
      await stores.facilitators.upsert(
        {
          userId: 'f2',
          name: 'Tom Kernow',
          organisationName: 'Royal Cornwall Hospitals NHS Trust',
          odsCode: undefined,
          region: 'South West',
        },
        at,
      );
      expect((await stores.facilitators.search({ organisation: 'durham' })).map((f) => f.userId)).toEqual([
        'f1',
      ]);
      expect((await stores.facilitators.search({ organisation: 'rxp' })).map((f) => f.userId)).toEqual([
        'f1',
      ]);
      expect((await stores.facilitators.search({ region: 'south' })).map((f) => f.userId)).toEqual(['f2']);
      expect((await stores.facilitators.search({})).length).toBe(2);
      await stores.facilitators.upsert(
        {
          userId: 'f2',
          name: 'Tom Kernow',
          organisationName: 'Royal Cornwall Hospitals NHS Trust',
          odsCode: 'REF',
          region: 'South West',
        },
        at,
      );
      expect(await stores.facilitators.get('f2')).toMatchObject({ odsCode: 'REF' });
      expect(await stores.facilitators.remove('f2')).toBe(true);
      expect(await stores.facilitators.get('f2')).toBeUndefined();
    });
  });

  describe(`${name}: PersonalDataStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });
    const created = new Date('2026-11-20T09:00:00Z');
    const signUpAt = new Date('2026-11-21T09:00:00Z');
    const person = (userId: string) => ({
      userId,
      organisationId: 'RX1',
      displayName: `Person ${userId}`,
      teamsUserId: `29:${userId}`,
    });
    /** Two circles: one that ran on 3 Dec 2026, one still to come on 10 Jan 2027; asha booked both. */
    const seed = async () => {
      await stores.circles.create(sampleCircle(), created);
      await stores.circles.create(
        sampleCircle({ id: 'circle-2', startsAt: '2027-01-10T13:00:00.000Z' }),
        created,
      );
      for (const id of ['circle-1', 'circle-2']) {
        for (const userId of ['asha', 'ben']) await stores.circles.signUp(id, person(userId), signUpAt);
      }
      await stores.circles.markAttendance('circle-1', 'asha', true);
      await stores.conversations.save(
        record({ conversationId: 'a:asha', userAadObjectId: 'asha', updatedAt: '2026-11-21T00:00:00.000Z' }),
      );
      await stores.conversations.save(record({ conversationId: 'a:ben', userAadObjectId: 'ben' }));
      await stores.roles.grant('asha', 'facilitator', created);
      await stores.facilitators.upsert(
        { userId: 'asha', name: 'Asha Patel', organisationName: 'Trust', odsCode: 'RX1', region: 'London' },
        created,
      );
      await stores.circles.create(
        sampleCircle({ id: 'circle-3', facilitatorId: 'asha', startsAt: '2026-11-25T13:00:00.000Z' }),
        created,
      );
      await stores.circles.recordRosterRead('circle-3', 'asha', new Date('2026-11-24T10:00:00Z'));
    };

    it('exports everything held about one person and nothing about anyone else', async () => {
      await seed();
      await stores.circles.setCoFacilitators('circle-2', ['asha'], created);
      const exported = await stores.personalData.exportFor('asha');
      expect(exported).toEqual({
        userId: 'asha',
        roles: [{ role: 'facilitator', grantedAt: '2026-11-20T09:00:00.000Z' }],
        bookings: [
          {
            circleId: 'circle-1',
            circleTitle: 'Routines that hold a team together',
            circleStartsAt: '2026-12-03T13:00:00.000Z',
            status: 'confirmed',
            displayName: 'Person asha',
            attended: true,
            bookedAt: '2026-11-21T09:00:00.000Z',
          },
          {
            circleId: 'circle-2',
            circleTitle: 'Routines that hold a team together',
            circleStartsAt: '2027-01-10T13:00:00.000Z',
            status: 'confirmed',
            displayName: 'Person asha',
            attended: null,
            bookedAt: '2026-11-21T09:00:00.000Z',
          },
        ],
        conversations: [
          record({
            conversationId: 'a:asha',
            userAadObjectId: 'asha',
            updatedAt: '2026-11-21T00:00:00.000Z',
          }),
        ],
        facilitatorProfile: {
          userId: 'asha',
          name: 'Asha Patel',
          organisationName: 'Trust',
          odsCode: 'RX1',
          region: 'London',
        },
        circlesFacilitated: [
          {
            circleId: 'circle-3',
            title: 'Routines that hold a team together',
            startsAt: '2026-11-25T13:00:00.000Z',
            status: 'scheduled',
          },
        ],
        circlesCoFacilitated: [
          {
            circleId: 'circle-2',
            title: 'Routines that hold a team together',
            startsAt: '2027-01-10T13:00:00.000Z',
            status: 'scheduled',
          },
        ],
        rosterReads: [{ circleId: 'circle-3', readAt: '2026-11-24T10:00:00.000Z' }],
      });
      expect(JSON.stringify(exported)).not.toContain('ben');
      expect(await stores.personalData.exportFor('nobody')).toEqual({
        userId: 'nobody',
        roles: [],
        bookings: [],
        conversations: [],
        facilitatorProfile: null,
        circlesFacilitated: [],
        circlesCoFacilitated: [],
        rosterReads: [],
      });
    });

    it('erases a person: pseudonymises what must stay, deletes the rest, leaves others untouched', async () => {
      await seed();
      await stores.circles.setCoFacilitators('circle-1', ['asha', 'ben'], created);
      const now = new Date('2026-12-05T09:00:00Z');
      const counts = await stores.personalData.erase('asha', 'anon:erased-1', now);
      expect(counts).toEqual({
        bookingsPseudonymised: 2,
        rosterReadsPseudonymised: 1,
        conversationsDeleted: 1,
        rolesDeleted: 1,
        facilitatorProfilesDeleted: 1,
        circlesPseudonymised: 1,
        coFacilitationsDeleted: 1,
      });
      expect(await stores.circles.coFacilitators('circle-1')).toEqual(['ben']);
      expect(await stores.personalData.exportFor('asha')).toMatchObject({
        roles: [],
        bookings: [],
        conversations: [],
        facilitatorProfile: null,
        circlesFacilitated: [],
        circlesCoFacilitated: [],
        rosterReads: [],
      });
      const kept = (await stores.circles.bookings('circle-1')).find((b) => b.userId === 'anon:erased-1');
      expect(kept).toMatchObject({ status: 'confirmed', displayName: undefined, teamsUserId: undefined });
      expect((await stores.circles.attendance('circle-1')).get('anon:erased-1')).toBe(true);
      expect(await stores.circles.rosterReads('circle-3')).toEqual([
        { readerId: 'anon:erased-1', readAt: '2026-11-24T10:00:00.000Z' },
      ]);
      expect((await stores.personalData.exportFor('ben')).bookings).toHaveLength(2);
      expect(await stores.conversations.get('a:ben')).toBeDefined();
    });

    it('pseudonymises bookings and attendance of circles that ended before a cut-off, one pseudonym per person', async () => {
      await seed();
      let next = 0;
      const given: string[] = [];
      const pseudonymOf = (userId: string) => {
        const pseudonym = `anon:${userId.length}-${(next += 1)}`;
        given.push(pseudonym);
        return pseudonym;
      };
      // circle-1 ran 13:00-14:00 on 3 Dec 2026: a cut-off at 13:59 leaves it alone, one at 14:01 takes it.
      expect(
        await stores.personalData.pseudonymiseCirclesEndedBefore(
          new Date('2026-12-03T13:59:00Z'),
          pseudonymOf,
        ),
      ).toBe(0);
      expect(
        await stores.personalData.pseudonymiseCirclesEndedBefore(
          new Date('2026-12-03T14:01:00Z'),
          pseudonymOf,
        ),
      ).toBe(2);
      const past = await stores.circles.bookings('circle-1');
      expect(past.map((b) => b.userId).sort()).toEqual([...given].sort());
      expect(past.every((b) => b.displayName === undefined && b.teamsUserId === undefined)).toBe(true);
      expect([...(await stores.circles.attendance('circle-1')).values()]).toEqual([true]);
      expect((await stores.circles.bookings('circle-2')).map((b) => b.userId)).toEqual(['asha', 'ben']);
      expect(
        await stores.personalData.pseudonymiseCirclesEndedBefore(
          new Date('2026-12-03T14:01:00Z'),
          pseudonymOf,
        ),
      ).toBe(0);
    });
  });

  describe(`${name}: OutboxStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    const t0 = new Date('2026-12-01T09:00:00.000Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const item = (overrides: Partial<OutboxItem> = {}): OutboxItem => ({
      kind: 'nudge',
      conversationId: 'a:personal-1',
      subject: 'guide-1',
      occurrence: '2026-W49',
      dueAt: t0,
      payload: { guideId: 'guide-1' },
      ...overrides,
    });
    const lease = 30_000;

    it('adds an item once: a repeat of its kind, conversation, subject and occurrence is a no-op', async () => {
      expect(await stores.outbox.enqueue([item(), item({ occurrence: '2026-W50' })])).toBe(2);
      expect(await stores.outbox.enqueue([item({ payload: { guideId: 'other' } })])).toBe(0);
      const rows = await stores.outbox.list({ kind: 'nudge' }, 10);
      expect(rows.map((row) => [row.occurrence, row.status, row.attempts, row.payload])).toEqual([
        ['2026-W49', 'pending', 0, { guideId: 'guide-1' }],
        ['2026-W50', 'pending', 0, { guideId: 'guide-1' }],
      ]);
      expect(rows[0]?.dueAt).toEqual(t0);
    });

    it('claims only due rows, oldest due first, each with a lease and one more attempt', async () => {
      await stores.outbox.enqueue([
        item({ occurrence: 'later', dueAt: at(60) }),
        item({ occurrence: 'second', dueAt: at(5) }),
        item({ occurrence: 'first', dueAt: at(1) }),
      ]);
      expect(await stores.outbox.claimDue(t0, 10, lease, 'w1')).toEqual([]);
      const [earliest] = await stores.outbox.claimDue(at(10), 1, lease, 'w1');
      expect([earliest?.occurrence, earliest?.status, earliest?.attempts]).toEqual(['first', 'sending', 1]);
      const rest = await stores.outbox.claimDue(at(10), 10, lease, 'w1');
      expect(rest.map((row) => row.occurrence)).toEqual(['second']);
      const claimed = [earliest, ...rest].filter((row) => row !== undefined);
      expect(claimed.every((row) => row.nextTryAt.getTime() === at(10).getTime() + lease)).toBe(true);
      // Held rows are not claimed again while the lease runs, by this worker or another.
      expect(await stores.outbox.claimDue(at(20), 10, lease, 'w2')).toEqual([]);
      expect(await stores.outbox.nextDueAt()).toEqual(at(40));
    });

    it('reclaims a row whose lease ran out, and refuses the first worker’s late report on it', async () => {
      await stores.outbox.enqueue([item()]);
      const [first] = await stores.outbox.claimDue(t0, 1, lease, 'crashed');
      const [again] = await stores.outbox.claimDue(at(31), 1, lease, 'w2');
      expect(again?.id).toBe(first?.id);
      expect(again?.attempts).toBe(2);
      expect(await stores.outbox.markSent(first?.id ?? '', 'crashed', at(32))).toBe(false);
      expect(await stores.outbox.markSent(again?.id ?? '', 'w2', at(32))).toBe(true);
      const [row] = await stores.outbox.list({}, 10);
      expect([row?.status, row?.sentAt]).toEqual(['sent', at(32)]);
      expect(await stores.outbox.claimDue(at(999), 10, lease, 'w3')).toEqual([]);
      expect(await stores.outbox.nextDueAt()).toBeUndefined();
    });

    it('puts a retried row back to wait, refunds a held-back claim, and keeps a failed row visible', async () => {
      await stores.outbox.enqueue([item(), item({ occurrence: 'b' })]);
      const [a, b] = await stores.outbox.claimDue(t0, 2, lease, 'w1');
      expect(await stores.outbox.markRetry(a?.id ?? '', 'w1', at(5), 'HTTP_503')).toBe(true);
      expect(await stores.outbox.markRetry(b?.id ?? '', 'w1', at(2), 'RATE_LIMITED', { refund: true })).toBe(
        true,
      );
      expect(await stores.outbox.claimDue(at(1), 10, lease, 'w1')).toEqual([]);
      const due = await stores.outbox.claimDue(at(5), 10, lease, 'w1');
      expect(due.map((row) => [row.occurrence, row.attempts, row.lastError])).toEqual([
        ['2026-W49', 2, 'HTTP_503'],
        ['b', 1, 'RATE_LIMITED'],
      ]);
      expect(await stores.outbox.markFailed(due[0]?.id ?? '', 'w1', 'HTTP_503')).toBe(true);
      expect(await stores.outbox.markSent(due[1]?.id ?? '', 'w1', at(6))).toBe(true);
      expect(await stores.outbox.stats({ kind: 'nudge', subject: 'guide-1' })).toEqual({
        total: 2,
        pending: 0,
        sending: 0,
        sent: 1,
        failed: 1,
        retired: 0,
      });
      const [failed] = await stores.outbox.list({ status: 'failed' }, 10);
      expect([failed?.occurrence, failed?.lastError, failed?.attempts]).toEqual(['2026-W49', 'HTTP_503', 2]);
      // A lead resends to the failed rows only.
      expect(await stores.outbox.requeueFailed('nudge', 'guide-1', at(100))).toBe(1);
      const resent = await stores.outbox.claimDue(at(100), 10, lease, 'w1');
      expect(resent.map((row) => [row.occurrence, row.attempts])).toEqual([['2026-W49', 1]]);
    });

    it('replaces a pending row’s payload and due time, and leaves a sent row alone', async () => {
      await stores.outbox.enqueue([item({ kind: 'circle-reminder', subject: 'c1', occurrence: '24h' })]);
      await stores.outbox.enqueue([item({ kind: 'circle-reminder', subject: 'c2', occurrence: '24h' })]);
      const moved = { kind: 'circle-reminder' as const, occurrence: '24h', dueAt: at(3600) };
      expect(
        await stores.outbox.enqueue([item({ ...moved, subject: 'c1', payload: { startsAt: 'later' } })], {
          replace: true,
        }),
      ).toBe(1);
      const [c2] = await stores.outbox.claimDue(t0, 1, lease, 'w1');
      expect(c2?.subject).toBe('c2');
      await stores.outbox.markSent(c2?.id ?? '', 'w1', t0);
      expect(await stores.outbox.enqueue([item({ ...moved, subject: 'c2' })], { replace: true })).toBe(0);
      const rows = await stores.outbox.list({ kind: 'circle-reminder' }, 10);
      expect(rows.map((row) => [row.subject, row.status, row.dueAt.toISOString(), row.payload])).toEqual([
        ['c1', 'pending', at(3600).toISOString(), { startsAt: 'later' }],
        ['c2', 'sent', t0.toISOString(), { guideId: 'guide-1' }],
      ]);
    });

    it('coalesces a card update: the earliest due time holds, a sent row is due again, one in flight is sent again after', async () => {
      const update = (dueAt: Date) =>
        item({
          kind: 'invite-update',
          conversationId: '19:channel',
          subject: 'c1',
          occurrence: 'seats',
          dueAt,
        });
      expect(await stores.outbox.enqueue([update(at(2))], { coalesce: true })).toBe(1);
      await stores.outbox.enqueue([update(at(3))], { coalesce: true });
      expect((await stores.outbox.list({ kind: 'invite-update' }, 10)).map((row) => row.dueAt)).toEqual([
        at(2),
      ]);
      const [claimed] = await stores.outbox.claimDue(at(2), 10, lease, 'w1');
      // A change while the update is in flight: the card must be sent once more after this send.
      await stores.outbox.enqueue([update(at(4))], { coalesce: true });
      expect(await stores.outbox.claimDue(at(4), 10, lease, 'w2')).toEqual([]);
      expect(await stores.outbox.markSent(claimed?.id ?? '', 'w1', at(3))).toBe(true);
      const [again] = await stores.outbox.claimDue(at(4), 10, lease, 'w2');
      expect([again?.id, again?.attempts]).toEqual([claimed?.id, 1]);
      await stores.outbox.markSent(again?.id ?? '', 'w2', at(4));
      expect((await stores.outbox.list({ kind: 'invite-update' }, 10))[0]?.status).toBe('sent');
      await stores.outbox.enqueue([update(at(10))], { coalesce: true });
      const [revived] = await stores.outbox.list({ kind: 'invite-update' }, 10);
      expect([revived?.status, revived?.nextTryAt]).toEqual(['pending', at(10)]);
    });

    it('cancels pending rows of a subject (one occurrence or all) and keeps sent ones', async () => {
      const reminder = (occurrence: string) => item({ kind: 'circle-reminder', subject: 'c1', occurrence });
      await stores.outbox.enqueue([reminder('24h'), reminder('1h'), reminder('sent')]);
      const claimed = await stores.outbox.claimDue(t0, 10, lease, 'w1');
      const sent = claimed.find((row) => row.occurrence === 'sent');
      for (const row of claimed) {
        if (row === sent) await stores.outbox.markSent(row.id, 'w1', t0);
        else await stores.outbox.markRetry(row.id, 'w1', at(60), 'HELD', { refund: true });
      }
      expect(await stores.outbox.cancel('circle-reminder', 'c1', '1h')).toBe(1);
      expect(await stores.outbox.cancel('circle-reminder', 'c1')).toBe(1);
      const rows = await stores.outbox.list({ subject: 'c1' }, 10);
      expect(rows.map((row) => [row.occurrence, row.status])).toEqual([['sent', 'sent']]);
    });

    it("cancels one conversation's pending rows of a subject, leaving other people's and sent rows", async () => {
      const reminder = (conversationId: string, occurrence: string, subject = 'c1') =>
        item({ kind: 'circle-reminder', subject, conversationId, occurrence });
      await stores.outbox.enqueue([
        reminder('a:leaver', '24h'),
        reminder('a:leaver', '1h'),
        reminder('a:leaver', 'sent'),
        reminder('a:leaver', '24h', 'c2'),
        reminder('a:stayer', '24h'),
      ]);
      const claimed = await stores.outbox.claimDue(t0, 10, lease, 'w1');
      for (const row of claimed) {
        if (row.occurrence === 'sent') await stores.outbox.markSent(row.id, 'w1', t0);
        else await stores.outbox.markRetry(row.id, 'w1', at(60), 'HELD', { refund: true });
      }
      expect(await stores.outbox.cancelFor('circle-reminder', 'c1', 'a:leaver', '1h')).toBe(1);
      expect(await stores.outbox.cancelFor('circle-reminder', 'c1', 'a:leaver')).toBe(1);
      expect(await stores.outbox.cancelFor('nudge', 'c1', 'a:stayer')).toBe(0);
      const rows = await stores.outbox.list({ kind: 'circle-reminder' }, 10);
      expect(rows.map((row) => [row.conversationId, row.subject, row.occurrence, row.status])).toEqual([
        ['a:leaver', 'c1', 'sent', 'sent'],
        ['a:leaver', 'c2', '24h', 'pending'],
        ['a:stayer', 'c1', '24h', 'pending'],
      ]);
    });

    it('retires every pending or in-flight row of a conversation that is gone, and nothing else', async () => {
      await stores.outbox.enqueue([
        item({ occurrence: 'a' }),
        item({ occurrence: 'b' }),
        item({ occurrence: 'c', conversationId: 'a:other' }),
      ]);
      await stores.outbox.claimDue(t0, 1, lease, 'w1');
      expect(await stores.outbox.retireConversation('a:personal-1')).toBe(2);
      const rows = await stores.outbox.list({}, 10);
      expect(rows.map((row) => [row.occurrence, row.status])).toEqual([
        ['a', 'retired'],
        ['b', 'retired'],
        ['c', 'pending'],
      ]);
      expect((await stores.outbox.stats({ kind: 'nudge', subject: 'guide-1' })).retired).toBe(2);
    });

    it('never gives one row to two workers claiming at once from separate connections', async () => {
      const peer = await factory.openPeer(stores);
      try {
        const total = 300;
        await stores.outbox.enqueue(
          Array.from({ length: total }, (_, index) =>
            item({ conversationId: `a:${index % 37}`, occurrence: `o${index}`, dueAt: at(index % 5) }),
          ),
        );
        const claimedBy = async (store: Stores, worker: string): Promise<string[]> => {
          const ids: string[] = [];
          for (;;) {
            const batch = await store.outbox.claimDue(at(10), 7, lease, worker);
            if (batch.length === 0) return ids;
            ids.push(...batch.map((row) => row.id));
          }
        };
        const [one, two, three] = await Promise.all([
          claimedBy(stores, 'w1'),
          claimedBy(peer, 'w2'),
          claimedBy(peer, 'w3'),
        ]);
        const all = [...(one ?? []), ...(two ?? []), ...(three ?? [])];
        expect(all).toHaveLength(total);
        expect(new Set(all).size).toBe(total);
        expect((one ?? []).length).toBeGreaterThan(0);
        expect((two ?? []).length + (three ?? []).length).toBeGreaterThan(0);
      } finally {
        await peer.close();
      }
    });
  });

  describe(`${name}: NudgeStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    const at = new Date('2026-12-01T09:00:00.000Z');
    const weekly: NudgeSettings = { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' };

    it('has no settings for someone who never chose, and reads back what was saved', async () => {
      expect(await stores.nudges.get('oid-1')).toBeUndefined();
      await stores.nudges.save('oid-1', weekly, at);
      expect(await stores.nudges.get('oid-1')).toEqual(weekly);
      const later: NudgeSettings = { enabled: false, day: 'friday', time: '16:30', timeZone: 'Asia/Kolkata' };
      await stores.nudges.save('oid-1', later, at);
      expect(await stores.nudges.get('oid-1')).toEqual(later);
    });

    it('lists only people with nudges on, in id order, a page at a time', async () => {
      for (const id of ['oid-c', 'oid-a', 'oid-d', 'oid-b']) {
        await stores.nudges.save(id, { ...weekly, enabled: id !== 'oid-d' }, at);
      }
      const first = await stores.nudges.listEnabled(undefined, 2);
      expect(first.map((subscriber) => subscriber.userId)).toEqual(['oid-a', 'oid-b']);
      const second = await stores.nudges.listEnabled('oid-b', 2);
      expect(second).toEqual([{ userId: 'oid-c', settings: weekly }]);
      expect(await stores.nudges.listEnabled('oid-c', 2)).toEqual([]);
    });

    it("keeps the first guide recorded for a person's week, and their history oldest week first", async () => {
      expect(await stores.nudges.recordWeek('oid-1', '2026-W50', 'guide-b', at)).toBe('guide-b');
      expect(await stores.nudges.recordWeek('oid-1', '2026-W49', 'guide-a', at)).toBe('guide-a');
      expect(await stores.nudges.recordWeek('oid-1', '2026-W50', 'guide-other', at)).toBe('guide-b');
      const racing = await Promise.all([
        stores.nudges.recordWeek('oid-2', '2026-W49', 'guide-x', at),
        stores.nudges.recordWeek('oid-2', '2026-W49', 'guide-y', at),
      ]);
      expect(new Set(racing).size).toBe(1);
      expect(await stores.nudges.history('oid-1')).toEqual([
        { week: '2026-W49', guideId: 'guide-a' },
        { week: '2026-W50', guideId: 'guide-b' },
      ]);
      expect(await stores.nudges.history('oid-3')).toEqual([]);
    });

    it("forgets a person's settings and history, and nobody else's", async () => {
      await stores.nudges.save('oid-1', weekly, at);
      await stores.nudges.save('oid-2', weekly, at);
      await stores.nudges.recordWeek('oid-1', '2026-W49', 'guide-a', at);
      expect(await stores.nudges.forget('oid-1')).toBe(true);
      expect(await stores.nudges.forget('oid-1')).toBe(false);
      expect(await stores.nudges.get('oid-1')).toBeUndefined();
      expect(await stores.nudges.history('oid-1')).toEqual([]);
      expect(await stores.nudges.get('oid-2')).toEqual(weekly);
    });
  });

  describe(`${name}: CircleFeedbackStore`, () => {
    let stores: Stores;
    const now = new Date('2026-12-03T14:30:00.000Z');
    beforeEach(async () => {
      stores = await factory.open();
      await stores.circles.create(sampleCircle({ id: 'fb-1' }), now);
      await stores.circles.create(sampleCircle({ id: 'fb-2' }), now);
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    it('keeps one answer per person per circle: a repeat replaces the earlier answer, others add', async () => {
      expect(
        await stores.circleFeedback.record(
          'fb-1',
          'key-a',
          { helpful: 2, recommend: false, change: 'More time' },
          now,
        ),
      ).toBe('added');
      expect(
        await stores.circleFeedback.record(
          'fb-1',
          'key-a',
          { helpful: 5, recommend: true, change: undefined },
          now,
        ),
      ).toBe('replaced');
      expect(
        await stores.circleFeedback.record(
          'fb-1',
          'key-b',
          { helpful: 4, recommend: true, change: undefined },
          now,
        ),
      ).toBe('added');
      expect(
        await stores.circleFeedback.record(
          'fb-2',
          'key-a',
          { helpful: 3, recommend: false, change: undefined },
          now,
        ),
      ).toBe('added');
      const answers = await stores.circleFeedback.answersFor(['fb-1']);
      expect(
        answers
          .map(({ helpful, recommend, change }) => ({ helpful, recommend, change }))
          .sort((a, b) => a.helpful - b.helpful),
      ).toEqual([
        { helpful: 4, recommend: true, change: undefined },
        { helpful: 5, recommend: true, change: undefined },
      ]);
      expect(answers.every((answer) => answer.circleId === 'fb-1' && answer.givenOn === '2026-12-03')).toBe(
        true,
      );
      expect(await stores.circleFeedback.answersFor(['fb-1', 'fb-2'])).toHaveLength(3);
      expect(await stores.circleFeedback.answersFor([])).toEqual([]);
    });

    it('says whether a key has answered for a circle', async () => {
      expect(await stores.circleFeedback.hasAnswered('fb-1', 'key-a')).toBe(false);
      await stores.circleFeedback.record(
        'fb-1',
        'key-a',
        { helpful: 3, recommend: true, change: undefined },
        now,
      );
      expect(await stores.circleFeedback.hasAnswered('fb-1', 'key-a')).toBe(true);
      expect(await stores.circleFeedback.hasAnswered('fb-2', 'key-a')).toBe(false);
      expect(await stores.circleFeedback.hasAnswered('fb-1', 'key-b')).toBe(false);
    });

    it('leaves exactly one answer when one person sends many at once', async () => {
      const sends = Array.from({ length: 8 }, (_, i) =>
        stores.circleFeedback.record(
          'fb-1',
          'key-a',
          { helpful: (i % 5) + 1, recommend: i % 2 === 0, change: undefined },
          now,
        ),
      );
      const results = await Promise.all(sends);
      expect(results.filter((result) => result === 'added')).toHaveLength(1);
      expect(await stores.circleFeedback.answersFor(['fb-1'])).toHaveLength(1);
    });

    it('keeps answers the same person gives in several circles separate', async () => {
      await stores.circleFeedback.record(
        'fb-1',
        'key-a',
        { helpful: 1, recommend: false, change: undefined },
        now,
      );
      await stores.circleFeedback.record(
        'fb-2',
        'key-a',
        { helpful: 5, recommend: true, change: 'Nothing' },
        now,
      );
      await stores.circleFeedback.record(
        'fb-1',
        'key-a',
        { helpful: 2, recommend: false, change: undefined },
        now,
      );
      expect((await stores.circleFeedback.answersFor(['fb-2'])).map((answer) => answer.helpful)).toEqual([5]);
      expect((await stores.circleFeedback.answersFor(['fb-1'])).map((answer) => answer.helpful)).toEqual([2]);
    });
  });

  describe(`${name}: ProfileStore`, () => {
    let stores: Stores;
    const at = new Date('2026-12-03T09:00:00.000Z');
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    it('saves, replaces, reads several and removes a person’s organisation and region', async () => {
      expect(await stores.profiles.get('u1')).toBeUndefined();
      await stores.profiles.put(
        { userId: 'u1', organisationName: 'Barts Health NHS Trust', odsCode: 'R1H', region: 'London' },
        at,
      );
      await stores.profiles.put(
        { userId: 'u2', organisationName: 'A care home', odsCode: undefined, region: 'South West' },
        at,
      );
      await stores.profiles.put(
        {
          userId: 'u1',
          organisationName: 'Royal Cornwall Hospitals NHS Trust',
          odsCode: 'REF',
          region: 'South West',
        },
        at,
      );
      expect(await stores.profiles.get('u1')).toEqual({
        userId: 'u1',
        organisationName: 'Royal Cornwall Hospitals NHS Trust',
        odsCode: 'REF',
        region: 'South West',
      });
      expect(await stores.profiles.get('u2')).toEqual({
        userId: 'u2',
        organisationName: 'A care home',
        odsCode: undefined,
        region: 'South West',
      });
      expect((await stores.profiles.getMany(['u2', 'u1', 'nobody'])).map((p) => p.userId)).toEqual([
        'u1',
        'u2',
      ]);
      expect(await stores.profiles.getMany([])).toEqual([]);
      expect(await stores.profiles.remove('u1')).toBe(true);
      expect(await stores.profiles.remove('u1')).toBe(false);
      expect(await stores.profiles.get('u1')).toBeUndefined();
    });
  });

  describe(`${name}: StoreHealth`, () => {
    it('answers a ping while open', async () => {
      const stores = await factory.open();
      expect(await stores.health.ping()).toBe(true);
      await factory.dispose(stores);
    });
  });

  describe(`${name}: SendSlotStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });
    const t0 = Date.parse('2026-11-27T12:00:00Z');

    it("spaces one tenant's slots an interval apart across instances and leaves other tenants alone", async () => {
      const peer = await factory.openPeer(stores);
      try {
        expect(await stores.sendSlots.reserve('tenant-1', t0, 40, 1000)).toEqual({ ok: true, at: t0 });
        expect(await peer.sendSlots.reserve('tenant-1', t0, 40, 1000)).toEqual({ ok: true, at: t0 + 40 });
        expect(await stores.sendSlots.reserve('tenant-1', t0 + 10, 40, 1000)).toEqual({
          ok: true,
          at: t0 + 80,
        });
        expect(await peer.sendSlots.reserve('tenant-2', t0 + 10, 40, 1000)).toEqual({
          ok: true,
          at: t0 + 10,
        });
        // Once the tenant has been quiet, the next slot is now rather than in the past.
        expect(await stores.sendSlots.reserve('tenant-1', t0 + 5000, 40, 1000)).toEqual({
          ok: true,
          at: t0 + 5000,
        });
      } finally {
        await peer.close();
      }
    });

    it('reserves nothing when the next slot is further away than the caller can wait, and says when it is', async () => {
      for (let i = 0; i < 3; i++) await stores.sendSlots.reserve('tenant-1', t0, 100, 1000);
      expect(await stores.sendSlots.reserve('tenant-1', t0, 100, 250)).toEqual({
        ok: false,
        heldUntil: t0 + 300,
      });
      expect(await stores.sendSlots.reserve('tenant-1', t0, 100, 300)).toEqual({ ok: true, at: t0 + 300 });
    });

    it('gives every one of a burst of concurrent reservations from two instances its own slot', async () => {
      const peer = await factory.openPeer(stores);
      try {
        const burst = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            (i % 2 === 0 ? stores : peer).sendSlots.reserve('tenant-1', t0, 25, 60_000),
          ),
        );
        const slots = burst.map((slot) => (slot.ok ? slot.at : Number.NaN)).sort((a, b) => a - b);
        expect(slots).toEqual(Array.from({ length: 40 }, (_, i) => t0 + i * 25));
      } finally {
        await peer.close();
      }
    });
  });
}
