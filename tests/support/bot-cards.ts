import {
  circlesComingCard,
  guideCard,
  helpCard,
  noMatchCard,
  nudgesComingCard,
  planCard,
  welcomeCard,
  type CardLinks,
  type FeedbackState,
} from '../../bot/cards/cards';
import type { AdaptiveCard } from '../../bot/cards/types';
import { urgentSupportCard } from '../../bot/cards/urgent-card';
import type { ContentLibrary, Guide, Resource } from '../../core/content/model';

/** Every card the bot can send, for every guide and feedback state, by name. */
export function everyBotCard(library: ContentLibrary, links: CardLinks): Record<string, AdaptiveCard> {
  const cards: Record<string, AdaptiveCard> = {
    welcome: welcomeCard(links),
    help: helpCard(links),
    plan: planCard(library.themes, links),
    noMatch: noMatchCard(links),
    circlesComing: circlesComingCard(links),
    nudgesOn: nudgesComingCard('on'),
    nudgesOff: nudgesComingCard('off'),
    nudges: nudgesComingCard(undefined),
    urgentSupport: urgentSupportCard(library.urgentSupport),
  };
  const states: FeedbackState[] = ['ask', 'helpful', 'notHelpful'];
  for (const guide of library.guides) {
    const theme = library.themes.find((candidate) => candidate.id === guide.themeId);
    if (!theme) throw new Error(`no theme for ${guide.id}`);
    const resources = guide.resourceIds
      .map((id) => library.resources.find((resource) => resource.id === id))
      .filter((resource): resource is Resource => resource !== undefined);
    const alternatives = library.guides.filter(
      (other: Guide) => other.themeId === guide.themeId && other.id !== guide.id,
    );
    for (const feedback of states) {
      cards[`guide ${guide.id} (${feedback})`] = guideCard(
        { guide, theme, resources, alternatives, feedback },
        links,
      );
    }
  }
  return cards;
}
