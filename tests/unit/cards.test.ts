import path from 'node:path';
import type { AdaptiveCard } from '../../bot/cards/types';
import { ContentRegistry } from '../../core/content/registry';
import { everyBotCard } from '../support/bot-cards';
import { ACTION_MAX, guideCard, LENS_LINE_MAX, type FeedbackState } from '../../bot/cards/cards';
import { CHAT_CARD_BUDGET, estimatedLines, visibleLength, visibleText } from '../../bot/cards/measure';
import { firstSentence } from '../../bot/cards/short-text';
import { cardProblems } from '../support/card-checks';

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

  it('a guide card in chat is the short version: summary, actions, one lens line, Read in full, Yes/No and the crisis line', () => {
    const guide = library.guides.find((candidate) => candidate.id === 'fair-redeployment');
    const card = everyCard['guide fair-redeployment (ask)'];
    if (!guide || !card) throw new Error('fair-redeployment is missing');
    const text = visibleText(card);
    expect(text).toContain(guide.summary);
    expect(text).toContain('Try this today');
    expect(text).toContain(`Inclusive lens: ${firstSentence(guide.inclusiveLens)}`);
    expect(text).toContain('Was this helpful?');
    expect(text).toContain('116 123');
    expect(text).not.toContain('Related resources');
    expect(card.actions).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Read in full',
      url: teamsLinks.tab('guides/fair-redeployment'),
    });
    expect(JSON.stringify(card)).toContain('"verb":"guideFeedback"');
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
    expect(visibleLength(checkIn)).toBeLessThan(1000);
    expect(visibleLength(cardNamed('checkInColleague'))).toBeLessThan(1000);
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

/** The "try this today" items a guide card shows, as written on the card. */
function actionsOn(card: AdaptiveCard): string[] {
  const label = card.body.findIndex(
    (element) => element.type === 'TextBlock' && element.text.startsWith('**Try this today**'),
  );
  const list = card.body[label + 1];
  if (list?.type !== 'TextBlock') throw new Error('no list after "Try this today"');
  return list.text.split('\r').map((item) => item.replace(/^- /, ''));
}

/** The inclusive-lens line a guide card shows. */
function lensOn(card: AdaptiveCard): string {
  const line = card.body.find(
    (element) => element.type === 'TextBlock' && element.text.startsWith('**Inclusive lens:** '),
  );
  if (line?.type !== 'TextBlock') throw new Error('no inclusive lens line');
  return line.text.replace('**Inclusive lens:** ', '');
}

/** Whether `shown` is the start of `full`, ending between words (an ellipsis marks a cut). */
function startsAtWordBoundary(shown: string, full: string): boolean {
  const kept = shown.replace(/…$/, '');
  return full.startsWith(kept) && !/[\p{L}\p{N}]/u.test(full.charAt(kept.length));
}

describe('the guide card in chat, for every guide in content/', () => {
  const states: FeedbackState[] = ['ask', 'helpful', 'notHelpful'];
  const cases = library.guides.flatMap((guide) => {
    const theme = library.themes.find((candidate) => candidate.id === guide.themeId);
    if (!theme) throw new Error(`no theme for ${guide.id}`);
    const alternatives = library.guides.filter(
      (other) => other.themeId === guide.themeId && other.id !== guide.id,
    );
    return states.map((feedback) => ({
      name: `${guide.id} (${feedback})`,
      guide,
      card: guideCard({ guide, theme, alternatives, feedback }, teamsLinks),
    }));
  });

  it('covers all of them', () => {
    expect(cases).toHaveLength(library.guides.length * states.length);
  });

  it.each(cases)(
    '$name stays within the chat budget, so Teams shows it without "See more", and parses cleanly',
    ({ card }) => {
      expect(visibleLength(card)).toBeLessThanOrEqual(CHAT_CARD_BUDGET.characters);
      expect(estimatedLines(card)).toBeLessThanOrEqual(CHAT_CARD_BUDGET.lines);
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it.each(cases)(
    "$name shows most of its actions and one lens line, each the start of the guide's own words, cut between words",
    ({ guide, card }) => {
      const actions = actionsOn(card);
      expect(actions.length).toBeGreaterThanOrEqual(Math.min(4, guide.tryThisToday.length));
      actions.forEach((action, index) => {
        expect(action.length).toBeLessThanOrEqual(ACTION_MAX);
        expect(startsAtWordBoundary(action, guide.tryThisToday[index] ?? '')).toBe(true);
      });
      const lens = lensOn(card);
      expect(lens.length).toBeLessThanOrEqual(LENS_LINE_MAX);
      expect(startsAtWordBoundary(lens, guide.inclusiveLens)).toBe(true);
      if (actions.length < guide.tryThisToday.length) {
        expect(visibleText(card)).toContain(`all ${guide.tryThisToday.length} in the full guide`);
      }
    },
  );

  it('shows the same actions before and after someone says whether it helped', () => {
    for (const guide of library.guides) {
      const [ask, ...answered] = states.map((state) => {
        const found = cases.find((entry) => entry.name === `${guide.id} (${state})`);
        if (!found) throw new Error(`no card for ${guide.id} (${state})`);
        return actionsOn(found.card);
      });
      for (const after of answered) expect(after).toEqual(ask);
    }
  });
});
