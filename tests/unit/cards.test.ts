import path from 'node:path';
import type { AdaptiveCard } from '../../bot/cards/types';
import { ContentRegistry } from '../../core/content/registry';
import { everyBotCard } from '../support/bot-cards';
import { cardProblems, visibleTextLength } from '../support/card-checks';

const library = ContentRegistry.open(path.join(__dirname, '../../content'), () => new Date()).current();
const teamsLinks = {
  tab: (page: string) =>
    `https://teams.microsoft.com/l/entity/app-id/plan?context=${encodeURIComponent(page)}`,
};
const noLinks = { tab: () => undefined };

const everyCard = {
  ...everyBotCard(library, teamsLinks),
  ...Object.fromEntries(
    Object.entries(everyBotCard(library, noLinks)).map(([name, card]) => [`${name} (no tab)`, card]),
  ),
};

function cardNamed(name: string): AdaptiveCard {
  const found = everyCard[name];
  if (!found) throw new Error(`no card named ${name}`);
  return found;
}

describe('every card the bot can send', () => {
  it('includes every guide in every feedback state', () => {
    expect(Object.keys(everyCard).length).toBeGreaterThan(library.guides.length * 3 * 2);
  });

  it.each(Object.entries(everyCard))(
    '%s parses in the Adaptive Cards SDK with no problems and stays under 40 KB',
    (_name, card) => {
      expect(card.version).toBe('1.5');
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it('the problem finder does catch a broken card', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Image', url: 'https://example.org/x.png' },
        { type: 'TextBlock', text: '' },
        { type: 'Nonsense' },
      ],
      actions: [{ type: 'Action.OpenUrl', url: 'https://example.org' }],
    };
    const problems = cardProblems(broken).join('\n');
    expect(problems).toMatch(/alt text/);
    expect(problems).toMatch(/without a title/);
    expect(problems).toMatch(/empty TextBlock/);
    expect(problems).toMatch(/Nonsense/);
  });

  it('the urgent-support card shows every contact with its number', () => {
    const text = JSON.stringify(everyCard.urgentSupport);
    for (const contact of library.urgentSupport.contacts) {
      expect(text).toContain(contact.name);
      if (contact.phone) expect(text).toContain(contact.phone);
    }
  });

  it('a guide card carries the summary, actions, inclusive lens, resources, circle topic, Read in full and Yes/No', () => {
    const guide = library.guides.find((candidate) => candidate.id === 'fair-redeployment');
    const text = JSON.stringify(everyCard['guide fair-redeployment (ask)']);
    expect(text).toContain(guide?.summary);
    expect(text).toContain('Try this today');
    expect(text).toContain('The inclusive lens');
    expect(text).toContain('Related resources');
    expect(text).toContain('Leadership Support Circle');
    expect(text).toContain('"title":"Read in full"');
    expect(text).toContain('"verb":"guideFeedback"');
    expect(JSON.stringify(everyCard['guide fair-redeployment (helpful)'])).not.toContain(
      '"verb":"guideFeedback"',
    );
  });

  it('the check-in card asks the writer whether they are safe, lists every contact and stays short', () => {
    const checkIn = cardNamed('checkInSelf');
    const text = JSON.stringify(checkIn.body);
    expect(text).toContain('Are you safe right now?');
    for (const contact of library.urgentSupport.contacts) {
      expect(text).toContain(contact.name);
      if (contact.phone) expect(text).toContain(contact.phone);
      if (contact.url) expect(text).toContain(contact.url);
    }
    expect(visibleTextLength(checkIn)).toBeLessThan(1000);
    expect(visibleTextLength(cardNamed('checkInColleague'))).toBeLessThan(1000);
  });

  it('the check-in card answers "safe for now" with only guide ids, and "Not sure" with nothing', () => {
    expect(cardNamed('checkInSelf').actions).toEqual([
      {
        type: 'Action.Execute',
        title: "I'm safe for now",
        verb: 'safetySafe',
        data: { guideIds: ['who-looks-after-the-manager'] },
      },
      { type: 'Action.Execute', title: 'Not sure', verb: 'safetyNotSure' },
    ]);
  });

  it('the check-in card about a colleague asks whether they are safe and answers "They\'re safe for now"', () => {
    const checkIn = cardNamed('checkInColleague');
    expect(JSON.stringify(checkIn.body)).toContain('Is your colleague safe right now?');
    expect(checkIn.actions?.map((action) => action.title)).toEqual(["They're safe for now", 'Not sure']);
  });
});
