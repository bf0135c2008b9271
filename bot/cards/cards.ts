import { bullets, card, heading, openUrl, paragraph, sendCommand } from './building-blocks';
import type { AdaptiveCard, CardAction } from './types';

/** Where cards can send people: the tab (by deep link in Teams, or by URL locally). */
export interface CardLinks {
  /** Link that opens the personal tab, or undefined when the service has no public address yet. */
  tab: string | undefined;
}

function tabAction(links: CardLinks, title: string): CardAction[] {
  return links.tab ? [openUrl(title, links.tab)] : [];
}

/** Sent when the app is installed: what it does and how to start. */
export function welcomeCard(links: CardLinks): AdaptiveCard {
  return card(
    [
      heading('Welcome to Leading Compassionately'),
      paragraph(
        "Support for line managers in health and care, from NHS England's Managing in a Crisis offer, " +
          'right here in Teams.',
      ),
      bullets([
        'A ten-point plan for leading compassionately under pressure',
        'Three-minute guides you can read between tasks',
        'Videos, podcasts and tools from trusted NHS sources',
        'Leadership Support Circles: small, confidential peer groups with a trained facilitator',
      ]),
      paragraph('Type **help** at any time to see what I can do.', { isSubtle: true }),
    ],
    [sendCommand('Show help', 'help'), ...tabAction(links, 'Open the plan')],
    'Welcome to Leading Compassionately: a ten-point plan, three-minute guides, resources and Leadership Support Circles for line managers.',
  );
}

/** Answers "help": what the bot understands today, honestly marking what is still to come. */
export function helpCard(links: CardLinks): AdaptiveCard {
  return card(
    [
      heading('What I can help with'),
      paragraph('Type one of these:'),
      bullets([
        '**help**: this list',
        '**plan**: the ten-point plan for leading compassionately (coming soon)',
        '**circles**: Leadership Support Circles you can join (coming soon)',
        '**nudges on** or **nudges off**: a weekly three-minute guide (coming soon)',
      ]),
      paragraph(
        "Soon you will also be able to ask a question in your own words, such as 'half my team is shielding, " +
          "how do I keep us together?', and get the right three-minute guide.",
        { isSubtle: true },
      ),
      paragraph(
        'If you or a colleague are in crisis, call 999 or go to A&E. For urgent mental health help call NHS 111. ' +
          'Samaritans are free on 116 123, any time.',
        { isSubtle: true, spacing: 'Medium' },
      ),
    ],
    tabAction(links, 'Open Leading Compassionately'),
    'Help: type help, plan, circles or nudges. In a crisis call 999, NHS 111 or Samaritans on 116 123.',
  );
}

/** The honest answer to anything the bot does not understand yet. */
export function cannotAnswerYetCard(links: CardLinks): AdaptiveCard {
  return card(
    [
      heading("I can't answer that yet"),
      paragraph(
        "I'm still learning to answer questions in your own words, so I don't want to guess. " +
          'Type **help** to see what I can do today.',
      ),
      paragraph(
        'If you or a colleague are in crisis, call 999 or go to A&E. For urgent mental health help call NHS 111. ' +
          'Samaritans are free on 116 123, any time.',
        { isSubtle: true },
      ),
    ],
    [sendCommand('Show help', 'help'), ...tabAction(links, 'Open Leading Compassionately')],
    "I can't answer that yet. Type help to see what I can do. In a crisis call 999, NHS 111 or Samaritans on 116 123.",
  );
}

/** Every card the bot can send today, by name, so tests can parse and measure them all. */
export function allCards(links: CardLinks): Record<string, AdaptiveCard> {
  return { welcome: welcomeCard(links), help: helpCard(links), cannotAnswerYet: cannotAnswerYetCard(links) };
}
