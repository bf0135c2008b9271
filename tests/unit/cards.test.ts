import path from 'node:path';
import { allCards } from '../../bot/cards/cards';
import { urgentSupportCard } from '../../bot/cards/urgent-card';
import { ContentRegistry } from '../../core/content/registry';
import { cardProblems } from '../support/card-checks';

const { urgentSupport } = ContentRegistry.open(
  path.join(__dirname, '../../content'),
  () => new Date(),
).current();

const everyCard = {
  ...allCards({ tab: 'https://teams.microsoft.com/l/entity/app-id/plan' }),
  ...Object.fromEntries(
    Object.entries(allCards({ tab: undefined })).map(([name, card]) => [`${name} (no tab)`, card]),
  ),
  urgentSupport: urgentSupportCard(urgentSupport),
};

describe('every card the bot can send', () => {
  it.each(Object.entries(everyCard))(
    '%s parses in the Adaptive Cards SDK with no problems',
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
    for (const contact of urgentSupport.contacts) {
      expect(text).toContain(contact.name);
      if (contact.phone) expect(text).toContain(contact.phone);
    }
  });
});
