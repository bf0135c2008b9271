import { FakeConnector } from '../support/fake-connector';
import {
  botAddedActivity,
  cardActionActivity,
  messageActivity,
  uninstallActivity,
  BOT_ID,
  USER_AAD_ID,
} from '../support/activities';
import { postJson, startTestService, type TestService } from '../support/service';

describe('the bot over HTTP, replying through a fake Bot Connector', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const send = (activity: Record<string, unknown>) => postJson(`${service.url}/api/messages`, activity);
  const textOf = (card: Record<string, unknown>) => JSON.stringify(card.body);

  it('answers "help" with the help card, as a reply to the message', async () => {
    const before = connector.calls.length;
    const activity = messageActivity({ serviceUrl, text: 'help' });
    const response = await send(activity);
    expect(response.status).toBe(200);
    const calls = await connector.waitForCalls(before + 1);
    const reply = calls[before];
    expect(reply?.path).toBe(
      `/v3/conversations/${encodeURIComponent('a:personal-conversation')}/activities/${String(activity.id)}`,
    );
    expect(textOf(FakeConnector.cardOf(reply))).toContain('What I can help with');
  });

  it("answers a question in a manager's own words with the right guide card", async () => {
    const before = connector.calls.length;
    await send(messageActivity({ serviceUrl, text: 'how do I run a good team huddle?' }));
    const calls = await connector.waitForCalls(before + 1);
    const card = textOf(FakeConnector.cardOf(calls[before]));
    expect(card).toContain('Huddles that help');
    expect(card).toContain('Was this helpful?');
  });

  it('answers facilitator guides to facilitators only, by the role held for the caller', async () => {
    const question =
      'one person keeps dominating my circle and the others have gone quiet, how do i bring them in';
    await service.stores.roles.grant('oid-facilitator', 'facilitator', new Date());
    let before = connector.calls.length;
    await send({
      ...messageActivity({ serviceUrl, text: question }),
      from: { id: '29:oid-facilitator', name: 'Fiona', aadObjectId: 'oid-facilitator' },
    });
    let calls = await connector.waitForCalls(before + 1);
    expect(textOf(FakeConnector.cardOf(calls[before]))).toContain('Difficult dynamics in a circle');
    before = connector.calls.length;
    await send(messageActivity({ serviceUrl, text: question }));
    calls = await connector.waitForCalls(before + 1);
    expect(textOf(FakeConnector.cardOf(calls[before]))).not.toContain('Difficult dynamics in a circle');
  });

  it('says it is not sure, rather than guessing, and keeps the question for the content team without identity', async () => {
    const before = connector.calls.length;
    await send(messageActivity({ serviceUrl, text: 'the blue folder thing from last tuesday' }));
    const calls = await connector.waitForCalls(before + 1);
    expect(textOf(FakeConnector.cardOf(calls[before]))).toContain("I'm not sure I have the right guide");
    const stored = await service.stores.unanswered.list(10);
    expect(stored[0]?.text).toBe('the blue folder thing from last tuesday');
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(['askedOn', 'id', 'text']);
  });

  it('keeps an unanswered question with its day only, and no precise time in the same turn that joins it to the asker', async () => {
    const before = connector.calls.length;
    await send(messageActivity({ serviceUrl, text: 'the green lanyard thing from the away day' }));
    await connector.waitForCalls(before + 1);
    const question = (await service.stores.unanswered.list(10)).find(
      (stored) => stored.text === 'the green lanyard thing from the away day',
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(question?.askedOn).toBe(today);
    // The asker's conversation row, written in the same turn, keeps only the day too: nothing to join on.
    const row = await service.stores.conversations.get('a:personal-conversation');
    expect(row?.userAadObjectId).toBe(USER_AAD_ID);
    expect(row?.updatedAt).toBe(`${today}T00:00:00.000Z`);
  });

  it('records "Was this helpful?" per guide without identity, once per action, and updates the card', async () => {
    const invoke = cardActionActivity({ serviceUrl }, 'guideFeedback', {
      guideId: 'huddles-that-help',
      helpful: true,
    });
    const first = await send(invoke);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const updated = JSON.stringify(first.body.value);
    expect(updated).toContain('You told us this guide was helpful');
    expect(updated).not.toContain('guideFeedback');
    const retried = await send(invoke);
    expect(retried.status).toBe(200);
    expect(await service.stores.feedback.guideFeedback()).toEqual([
      { guideId: 'huddles-that-help', helpful: 1, notHelpful: 0 },
    ]);
  });

  it('refuses a feedback action for a guide that does not exist', async () => {
    const invoke = cardActionActivity({ serviceUrl }, 'guideFeedback', {
      guideId: 'no-such-guide',
      helpful: true,
    });
    const response = await send(invoke);
    expect(response.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it.each([
    ['plan', 'The ten-point plan'],
    ['guide 5', 'Maintain routines'],
    ['circels', 'Leadership Support Circles'],
    ['nudges on', 'Nudges are on'],
    ['hlep', 'What I can help with'],
  ])('understands the command "%s"', async (text, expected) => {
    const before = connector.calls.length;
    await send(messageActivity({ serviceUrl, text }));
    const calls = await connector.waitForCalls(before + 1);
    expect(textOf(FakeConnector.cardOf(calls[before]))).toContain(expected);
  });

  it('puts urgent-support signposting first when someone talks about ending their life', async () => {
    const before = connector.calls.length;
    await send(messageActivity({ serviceUrl, text: 'one of my nurses said she wants to end her life' }));
    const calls = await connector.waitForCalls(before + 1);
    const card = textOf(FakeConnector.cardOf(calls[before]));
    expect(card).toContain('Samaritans');
    expect(card).toContain('116 123');
    expect(card).toContain('999');
  });

  it('strips the @mention in a channel before reading the command', async () => {
    const before = connector.calls.length;
    const mention = {
      type: 'mention',
      mentioned: { id: BOT_ID, name: 'Leading Compassionately' },
      text: '<at>Leading Compassionately</at>',
    };
    await send(
      messageActivity({
        serviceUrl,
        conversationType: 'channel',
        conversationId: '19:general@thread.tacv2',
        teamId: '19:team@thread.tacv2',
        text: '<at>Leading Compassionately</at> help',
        entities: [mention],
      }),
    );
    const calls = await connector.waitForCalls(before + 1);
    expect(textOf(FakeConnector.cardOf(calls[before]))).toContain('What I can help with');
  });

  it('welcomes people with a card when the app is installed in a group chat', async () => {
    const before = connector.calls.length;
    await send(
      botAddedActivity({ serviceUrl, conversationType: 'groupChat', conversationId: '19:group@thread.v2' }),
    );
    const calls = await connector.waitForCalls(before + 1);
    expect(textOf(FakeConnector.cardOf(calls[before]))).toContain('Welcome to Leading Compassionately');
    const saved = await service.stores.conversations.get('19:group@thread.v2');
    expect(saved?.scope).toBe('groupChat');
    expect(saved?.userAadObjectId).toBeUndefined();
  });

  it('saves the personal conversation on install and refreshes its serviceUrl on later activity', async () => {
    // A second person, so that theirs is the only personal conversation (rows keep only the day, see below).
    const person = '00000000-0000-0000-0000-0000000000ab';
    await send(botAddedActivity({ serviceUrl, conversationId: 'a:personal-2', aadObjectId: person }));
    const first = await service.stores.conversations.get('a:personal-2');
    expect(first).toMatchObject({
      scope: 'personal',
      serviceUrl,
      userAadObjectId: person,
      botId: BOT_ID,
    });

    const movedUrl = serviceUrl.replace('127.0.0.1', 'localhost');
    await send(
      messageActivity({
        serviceUrl: movedUrl,
        conversationId: 'a:personal-2',
        text: 'help',
        aadObjectId: person,
      }),
    );
    const refreshed = await service.stores.conversations.get('a:personal-2');
    expect(refreshed?.serviceUrl).toBe(movedUrl);
    expect(await service.stores.conversations.findPersonal(person)).toMatchObject({
      conversationId: 'a:personal-2',
      serviceUrl: movedUrl,
    });
  });

  it('forgets the conversation when the app is uninstalled', async () => {
    await send(botAddedActivity({ serviceUrl, conversationId: 'a:personal-3' }));
    expect(await service.stores.conversations.get('a:personal-3')).toBeDefined();
    const response = await send(uninstallActivity({ serviceUrl, conversationId: 'a:personal-3' }));
    expect(response.status).toBe(200);
    expect(await service.stores.conversations.get('a:personal-3')).toBeUndefined();
  });
});
