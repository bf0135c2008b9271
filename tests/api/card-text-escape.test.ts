import { plainLine, plainText } from '../../bot/cards/plain-text';
import { botAddedActivity, messageActivity } from '../support/activities';
import { cardProblems } from '../support/card-checks';
import { FakeConnector } from '../support/fake-connector';
import { postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_escape%40thread.v2/0';
const CHANNEL = '19:escape-channel@thread.tacv2';
const TEAM = '19:escape-team@thread.tacv2';

const HOSTILE_TITLE = '[Re-verify your login](https://evil.example) **bold** _x_ ~~gone~~';
const HOSTILE_DESCRIPTION = [
  '<at>Everyone</at> please visit https://evil.example/login or evil.example today.',
  '- a list item',
  '# a heading',
  '1. numbered',
  '> quoted {{DATE(2020-01-01T00:00:00Z, LONG)}} ![img](https://evil.example/x.png) `code`',
].join('\n');
const HOSTILE_NAME = '**Dr** [IT help desk](mailto:help@evil.example) <b>x</b>';

/** What a reader sees from escaped card text: CommonMark drops the backslash before ASCII punctuation. */
function shownText(escaped: string): string {
  return escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Every string a Markdown renderer reads in a card: TextBlock text and FactSet values. */
function markdownStrings(card: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      if (node.type === 'TextBlock' && typeof node.text === 'string') found.push(node.text);
      if (node.type === 'FactSet' && Array.isArray(node.facts)) {
        for (const fact of node.facts as { value?: unknown }[]) {
          if (typeof fact.value === 'string') found.push(fact.value);
        }
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Markup a Markdown renderer (or Teams' link detection) would act on, when not escaped by a backslash. */
const LIVE_MARKUP: [string, RegExp][] = [
  ['link', /(?<!\\)\[[^\]]*(?<!\\)\]\(/],
  ['image', /(?<!\\)!(?<!\\)\[/],
  ['bold', /(?<!\\)\*(?<!\\)\*(?!\s*\*\*)[^*\\]+(?<!\\)\*\*/],
  ['italic', /(?<![\\\w])_[^_\\]+(?<!\\)_/],
  ['strike', /(?<!\\)~(?<!\\)~/],
  ['html or mention', /(?<!\\)<\/?[a-z]/i],
  ['address', /[a-z]:\/\/|evil\.example|mailto:/i],
  ['hostile template', /(?<!\\)\{\{DATE\(2020/],
  ['code', /(?<!\\)`/],
  ['line-start mark', /^(?:\s*)(?:[#>+-]|\d+\.)(?:\s|$)/m],
];

function liveMarkupIn(text: string): string[] {
  return LIVE_MARKUP.filter(([, pattern]) => pattern.test(text)).map(([name]) => `${name}: ${text}`);
}

describe('card text is data, never markup', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let facilitator: string;
  let circleId: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService();
    const minted = await postJson(`${service.url}/api/dev/token`, {
      name: 'Hana Hostile',
      role: 'facilitator',
    });
    facilitator = minted.body.token as string;
    const admin = (await postJson(`${service.url}/api/dev/token`, { name: 'Ada Admin', role: 'admin' })).body
      .token as string;
    // A programme lead registers the facilitator with a display name full of Markdown.
    const profile = await postJson(
      `${service.url}/api/admin/facilitators`,
      {
        userId: minted.body.userId,
        name: HOSTILE_NAME,
        organisationName: 'Hostile Trust',
        odsCode: 'RXP',
        region: 'London',
      },
      bearer(admin),
    );
    expect(profile.status).toBe(201);
    const created = await postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'routines',
        title: HOSTILE_TITLE,
        description: HOSTILE_DESCRIPTION,
        startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        meetingUrl: MEETING,
      },
      bearer(facilitator),
    );
    expect(created.status).toBe(201);
    circleId = created.body.id as string;
    const before = connector.calls.length;
    await postJson(`${service.url}/api/messages`, {
      ...botAddedActivity({ serviceUrl, conversationType: 'channel', conversationId: CHANNEL }),
      channelData: {
        tenant: { id: 'tenant-1' },
        team: { id: TEAM, name: '[Team](https://evil.example)' },
        channel: { id: CHANNEL, name: '**Channel**' },
      },
    });
    await connector.waitForCalls(before + 1);
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  /** Checks a posted card: it parses, no hostile text is live, and every hostile text still reads as typed. */
  const expectInert = (card: unknown, expected: string[]) => {
    expect(cardProblems(card)).toEqual([]);
    const strings = markdownStrings(card);
    expect(strings.flatMap(liveMarkupIn)).toEqual([]);
    const shown = strings.map(shownText).join('\n');
    for (const text of expected) expect(shown).toContain(text);
  };

  it('posts an invite in a channel whose title, description and facilitator name are inert, readable text', async () => {
    const before = connector.calls.length;
    const posted = await postJson(
      `${service.url}/api/circles/${circleId}/posts`,
      { conversationId: CHANNEL },
      bearer(facilitator),
    );
    expect(posted.status).toBe(201);
    const calls = await connector.waitForCalls(before + 1);
    const card = FakeConnector.cardOf(calls[before]);
    const json = JSON.stringify(markdownStrings(card));
    expect(json).not.toContain('[Re-verify your login](https://evil.example)');
    expect(json).not.toContain('**bold**');
    expect(json).not.toContain('<at>');
    expectInert(card, [HOSTILE_TITLE, ...HOSTILE_DESCRIPTION.split('\n'), HOSTILE_NAME]);
  });

  it('lists the circle in the bot\'s "circles" card with the same text inert', async () => {
    const before = connector.calls.length;
    await postJson(`${service.url}/api/messages`, {
      ...messageActivity({ serviceUrl, conversationType: 'personal', text: 'circles' }),
    });
    const calls = await connector.waitForCalls(before + 1);
    expectInert(FakeConnector.cardOf(calls[before]), [HOSTILE_TITLE, HOSTILE_NAME]);
  });

  it('escapes one-line fields onto one line and leaves ordinary text readable', () => {
    expect(plainLine('Routines that hold\na ward together')).toBe('Routines that hold a ward together');
    expect(shownText(plainText('Shift handovers: what works (and why)'))).toBe(
      'Shift handovers: what works (and why)',
    );
    expect(liveMarkupIn(plainText('see www.nhs.uk or https://x.example/a_b_c'))).toEqual([]);
  });
});
