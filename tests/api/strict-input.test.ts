import { parseInstant } from '../../core/time';
import { truncateText } from '../../core/text-limits';
import { BOT_ID, botAddedActivity, cardActionActivity, messageActivity } from '../support/activities';
import { FakeConnector } from '../support/fake-connector';
import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_strict%40thread.v2/0';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const HUGE_NAME = 'Z'.repeat(200_000);

describe('strict input: dates, lengths and bot activities', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let facilitator: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService();
    facilitator = await localToken(service, 'Stella Strict', 'facilitator');
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const create = (overrides: Record<string, unknown>) =>
    postJson(
      `${service.url}/api/circles`,
      { themeId: 'routines', title: 'Strict dates', startsAt: inDays(5), meetingUrl: MEETING, ...overrides },
      bearer(facilitator),
    );

  describe('dates', () => {
    it.each([
      ['a date that does not exist (30 February)', '2027-02-30T10:00:00Z'],
      ['an English date', 'Jan 10 2027 10:00 Z'],
      ['an extended year', '+275760-09-13T00:00:00Z'],
      ['a time without a zone', '2027-01-10T10:00:00'],
      ['a date without a time', '2027-01-10'],
      ['an hour that does not exist', '2027-01-10T24:00:00Z'],
      ['an impossible offset', '2027-01-10T10:00:00+25:00'],
    ])('refuses %s for startsAt with 400 VALIDATION_FAILED', async (_label, startsAt) => {
      const refused = await create({ startsAt });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'startsAt' }] },
      });
    });

    it('refuses a start in the past or more than two years ahead with 400 VALIDATION_FAILED', async () => {
      for (const startsAt of [inDays(-1), inDays(3 * 365)]) {
        const refused = await create({ startsAt });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
        expect(JSON.stringify(refused.body)).toMatch(/future|two years/);
      }
    });

    it('accepts an explicit offset on a real date and stores the instant in UTC', async () => {
      const year = new Date().getUTCFullYear() + 1;
      const created = await create({ startsAt: `${year}-02-28T10:00+01:00` });
      expect(created.status).toBe(201);
      expect(created.body.startsAt).toBe(`${year}-02-28T09:00:00.000Z`);
    });

    it('refuses a bad date in a list filter with 400 VALIDATION_FAILED', async () => {
      const refused = await getJson(
        `${service.url}/api/circles?from=${encodeURIComponent('+275760-09-13T00:00:00Z')}`,
        bearer(facilitator),
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'from' }] },
      });
    });

    it('parses only real ISO-8601 instants with a zone', () => {
      expect(parseInstant('2028-02-29T00:00:00Z')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
      expect(parseInstant('2027-02-29T00:00:00Z')).toBeUndefined();
      expect(parseInstant('2027-04-31T00:00:00Z')).toBeUndefined();
      expect(parseInstant('2027-01-10T10:00:00.123-05:30')?.toISOString()).toBe('2027-01-10T15:30:00.123Z');
    });
  });

  describe('lengths', () => {
    it('refuses an over-long title from the API with 400 VALIDATION_FAILED', async () => {
      const refused = await create({ title: 'x'.repeat(121) });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'title' }] },
      });
    });

    it('keeps at most 120 characters of a 200,000-character display name from a Teams activity', async () => {
      const created = await create({ title: 'Names are cut' });
      const circleId = created.body.id as string;
      const signUp = cardActionActivity({ serviceUrl }, 'circleSignUp', { circleId });
      const answered = await postJson(`${service.url}/api/messages`, {
        ...signUp,
        from: { ...(signUp.from as Record<string, unknown>), name: HUGE_NAME },
      });
      expect(answered.status).toBe(200);
      const roster = await getJson(`${service.url}/api/circles/${circleId}/roster`, bearer(facilitator));
      const names = (roster.body.participants as { name: string }[]).map((participant) => participant.name);
      expect(names).toEqual(['Z'.repeat(120)]);
    });

    it('cuts a team name from a Teams activity to 120 characters for the channel title', async () => {
      const conversationId = '19:long-team@thread.tacv2';
      const before = connector.calls.length;
      const installed = await postJson(`${service.url}/api/messages`, {
        ...botAddedActivity({ serviceUrl, conversationType: 'channel', conversationId }),
        channelData: { tenant: { id: 'tenant-1' }, team: { id: conversationId, name: HUGE_NAME } },
      });
      expect(installed.status).toBe(200);
      await connector.waitForCalls(before + 1);
      const channels = await getJson(`${service.url}/api/channels`, bearer(facilitator));
      const listed = (channels.body.channels as { conversationId: string; title: string }[]).find(
        (channel) => channel.conversationId === conversationId,
      );
      expect(listed?.title).toBe(`${'Z'.repeat(120)} › General`);
    });

    it('never splits a character made of two UTF-16 units', () => {
      expect(truncateText(`${'a'.repeat(119)}😀😀`, 120)).toBe('a'.repeat(119));
      expect(truncateText('  two\nlines\u0000here  ', 120)).toBe('two lines here');
    });

    it('keeps a clean name as it is and cleans any odd space, whatever its kind', () => {
      expect(truncateText('Ann Lee-Smith', 120)).toBe('Ann Lee-Smith');
      expect(truncateText('Ann  Lee', 120)).toBe('Ann Lee');
      expect(truncateText('Ann\u00a0Lee', 120)).toBe('Ann Lee');
      expect(truncateText('Ann Lee ', 120)).toBe('Ann Lee');
      expect(truncateText(' Ann Lee', 120)).toBe('Ann Lee');
      expect(truncateText('Ann\u0007Lee', 120)).toBe('Ann Lee');
      expect(truncateText('Ann Lee', 3)).toBe('Ann');
    });
  });

  describe('bot activities', () => {
    const send = (activity: Record<string, unknown>) => postJson(`${service.url}/api/messages`, activity);
    const message = () => messageActivity({ serviceUrl, text: 'help' });

    it.each([
      ['a file: serviceUrl', { serviceUrl: 'file:///etc/passwd' }],
      ['a plain-http serviceUrl off loopback', { serviceUrl: 'http://evil.example/' }],
      ['a serviceUrl with credentials', { serviceUrl: 'https://user:pass@smba.trafficmanager.net/teams/' }],
      ['an object for from.aadObjectId', { from: { id: '29:user-1', aadObjectId: { $ne: null } } }],
      ['a number for from.name', { from: { id: '29:user-1', name: 42 } }],
      ['an object for conversation.id', { conversation: { id: { nested: true } } }],
      ['an object for a team id', { channelData: { team: { id: ['x'] } } }],
      ['a string for membersAdded', { membersAdded: BOT_ID }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_label, change) => {
      const refused = await send({ ...message(), ...change });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });

    it('answers a task module request (task/fetch) with a task message, not a server error', async () => {
      const answered = await send({ ...message(), type: 'invoke', name: 'task/fetch', value: { data: {} } });
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({
        task: { type: 'message', value: expect.stringContaining('no dialogs') },
      });
    });

    it.each(['composeExtension/query', 'tab/fetch', 'made/up'])(
      'answers an unsupported %s invoke with 400 INVOKE_NOT_SUPPORTED',
      async (name) => {
        const answered = await send({ ...message(), type: 'invoke', name, value: {} });
        expect(answered.status).toBe(400);
        expect(answered.body).toMatchObject({ error: { code: 'INVOKE_NOT_SUPPORTED' } });
      },
    );

    it('still answers a well-formed message', async () => {
      const before = connector.calls.length;
      expect((await send(message())).status).toBe(200);
      await connector.waitForCalls(before + 1);
    });
  });
});
