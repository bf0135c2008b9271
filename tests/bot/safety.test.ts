import fs from 'node:fs';
import path from 'node:path';
import { ContentRegistry } from '../../core/content/registry';
import { FakeConnector } from '../support/fake-connector';
import { cardActionActivity, messageActivity } from '../support/activities';
import { RecordingTelemetry } from '../support/recording-telemetry';
import { postJson, startTestService, type TestService } from '../support/service';

/** Read as immediate by the real safety rules; "Brackenridge" is the word searched for in the database. */
const IMMEDIATE = 'since the Brackenridge inquiry I want to end my life';
/** Read by the real safety and off-topic checks as a check-in (about the writer or a colleague) or off-topic. */
const CHECK_IN_SELF = 'since the Quillfeather audit I feel like a burden to everyone';
const CHECK_IN_COLLEAGUE = 'my deputy keeps saying the Marrowby team would cope fine without her';
const OFF_TOPIC = 'how do I reset my Wexcombe payroll password';

const library = ContentRegistry.open(path.join(__dirname, '../../content'), () => new Date()).current();
function guideTitle(id: string): string {
  const guide = library.guides.find((candidate) => candidate.id === id);
  if (!guide) throw new Error(`no guide ${id}`);
  return guide.title;
}

describe('urgent support and check-ins in the bot, over HTTP', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  const telemetry = new RecordingTelemetry();

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService({}, undefined, {
      telemetry,
    });
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const send = (activity: Record<string, unknown>) => postJson(`${service.url}/api/messages`, activity);

  /** Sends a message and returns the cards and telemetry events it caused (the turn ends before the reply). */
  async function say(text: string) {
    const calls = connector.calls.length;
    const events = telemetry.events.length;
    const response = await send(messageActivity({ serviceUrl, text }));
    expect(response.status).toBe(200);
    return {
      cards: connector.calls.slice(calls).map((call) => FakeConnector.cardOf(call)),
      events: telemetry.events.slice(events),
    };
  }

  const press = (verb: string, data: Record<string, unknown>) =>
    send(cardActionActivity({ serviceUrl }, verb, data));

  it('answers an immediate risk with the urgent-support card, first and alone', async () => {
    const { cards } = await say(IMMEDIATE);
    expect(cards).toHaveLength(1);
    const text = JSON.stringify(cards[0]);
    expect(text).toContain('Get support now');
    expect(text).toContain('116 123');
    expect(text).not.toContain('safetySafe');
  });

  it('answers one warning sign with the check-in card, first and alone, offering only guide ids', async () => {
    const { cards } = await say(CHECK_IN_SELF);
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(JSON.stringify(card?.body)).toContain('Are you safe right now?');
    expect(JSON.stringify(card?.body)).toContain('116 123');
    expect(card?.actions).toEqual([
      {
        type: 'Action.Execute',
        title: "I'm safe for now",
        verb: 'safetySafe',
        data: { guideIds: ['who-looks-after-the-manager'] },
      },
      { type: 'Action.Execute', title: 'Not sure', verb: 'safetyNotSure' },
    ]);
    expect(JSON.stringify(card)).not.toContain('Quillfeather');
  });

  it('asks whether a colleague is safe when the message is about them', async () => {
    const { cards } = await say(CHECK_IN_COLLEAGUE);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]?.body)).toContain('Is your colleague safe right now?');
    expect((cards[0]?.actions as { title: string }[]).map((action) => action.title)).toEqual([
      "They're safe for now",
      'Not sure',
    ]);
  });

  it('sends telemetry only as an "urgent" event with the level and scope, never the text or a guide', async () => {
    expect((await say(IMMEDIATE)).events).toEqual([
      { name: 'urgent', properties: { level: 'immediate', scope: 'personal' } },
    ]);
    expect((await say(CHECK_IN_COLLEAGUE)).events).toEqual([
      { name: 'urgent', properties: { level: 'check-in', scope: 'personal' } },
    ]);
    expect(telemetry.exceptions).toEqual([]);
  });

  it('answers an off-topic question with the honest off-topic card, alone', async () => {
    const { cards } = await say(OFF_TOPIC);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]?.body)).toContain("That's not something I can help with");
  });

  it('never keeps an urgent, check-in or off-topic message as an unanswered question', async () => {
    await say(IMMEDIATE);
    await say(CHECK_IN_SELF);
    await say(CHECK_IN_COLLEAGUE);
    await say(OFF_TOPIC);
    expect(await service.stores.unanswered.list(100)).toEqual([]);
  });

  it('replaces the check-in with the first guide it offered when the person is safe for now, every time', async () => {
    const data = { guideIds: ['who-looks-after-the-manager', 'running-on-empty'] };
    const first = await press('safetySafe', data);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = JSON.stringify(first.body.value);
    expect(card).toContain(JSON.stringify(guideTitle('who-looks-after-the-manager')));
    expect(card).toContain('Was this helpful?');
    const repeated = await press('safetySafe', data);
    expect(repeated.body).toEqual(first.body);
  });

  it('replaces the check-in with the full urgent-support card on "Not sure", every time', async () => {
    const first = await press('safetyNotSure', {});
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = JSON.stringify(first.body.value);
    expect(card).toContain('Get support now');
    expect(card).toContain('999');
    expect((await press('safetyNotSure', {})).body).toEqual(first.body);
  });

  it('counts how people answer a check-in, with no identity and no text', async () => {
    const before = telemetry.events.length;
    await press('safetyNotSure', {});
    await press('safetySafe', { guideIds: ['who-looks-after-the-manager'] });
    expect(telemetry.events.slice(before)).toEqual([
      { name: 'urgent.checkInAnswer', properties: { answer: 'notSure' } },
      { name: 'urgent.checkInAnswer', properties: { answer: 'safeForNow' } },
    ]);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ guideIds: ['no-such-guide'] }, 'a guide not in the content'],
    [{ guideIds: ['who-looks-after-the-manager', 'no-such-guide'] }, 'one unknown guide among known ones'],
    [{ guideIds: ['I feel like a burden to everyone'] }, 'message text in place of an id'],
    [{ guideIds: 'who-looks-after-the-manager' }, 'a string, not a list'],
    [{}, 'no guide ids'],
  ])('refuses "safe for now" with %j (%s) as 400 BadActionData', async (data, _what) => {
    const response = await press('safetySafe', data);
    expect(response.body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadActionData' },
    });
  });

  it('writes no word of an urgent or check-in message to the database, though text it keeps is found there', async () => {
    const databaseText = () =>
      fs
        .readdirSync(service.dataDir)
        .filter((name) => name.startsWith('leading-compassionately.sqlite'))
        .map((name) => fs.readFileSync(path.join(service.dataDir, name)).toString('latin1'))
        .join('\n');
    await say(IMMEDIATE);
    await say(CHECK_IN_SELF);
    await say(CHECK_IN_COLLEAGUE);
    // The control: text the store does keep is found by the same search.
    await service.stores.unanswered.record('where is the Zanzibarre rota template', '2026-12-01');
    const stored = databaseText();
    const found = (word: string) => stored.includes(word);
    expect(['Zanzibarre', 'Brackenridge', 'Quillfeather', 'Marrowby'].filter(found)).toEqual(['Zanzibarre']);
  });
});
