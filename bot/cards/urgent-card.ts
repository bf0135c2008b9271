import { reachOf, type UrgentSupport } from '../../core/content/urgent-support';
import type { RiskSubject } from '../../core/safety';
import { bullets, card, heading, openUrl, paragraph } from './building-blocks';
import type { AdaptiveCard, CardElement, ExecuteAction } from './types';

/** The verbs of the check-in card's two answers. */
export const SAFETY_VERBS = { safe: 'safetySafe', notSure: 'safetyNotSure' } as const;

/** The urgent-support card: always sent first when someone uses self-harm or suicide language. */
export function urgentSupportCard(content: UrgentSupport): AdaptiveCard {
  const contacts: CardElement[] = content.contacts.map((contact) => ({
    type: 'Container',
    spacing: 'Medium',
    items: [
      paragraph(labelOf(contact.name, reachOf(contact))),
      paragraph(contact.detail, { spacing: 'None' }),
    ],
  }));
  const links = content.contacts
    .filter((contact) => contact.url !== undefined)
    .map((contact) => openUrl(`Open ${contact.name}`, contact.url ?? ''));
  return card(
    [
      { type: 'Container', style: 'attention', items: [heading(content.title), paragraph(content.intro)] },
      ...contacts,
      paragraph(content.colleague, { spacing: 'Medium' }),
      bullets(content.colleagueSteps),
      paragraph(content.followUp, { isSubtle: true, spacing: 'Medium' }),
    ],
    links,
    spokenSummary(content.title, content),
  );
}

function labelOf(name: string, reach: string | undefined): string {
  return reach ? `**${name}: ${reach}**` : `**${name}**`;
}

/** What a screen reader says for a signposting card: its heading, then each contact and how to reach it. */
function spokenSummary(title: string, content: UrgentSupport): string {
  return `${title} ${content.contacts.map((contact) => [contact.name, reachOf(contact)].filter(Boolean).join(' ')).join('. ')}.`;
}

/** The check-in card's words, for the writer or for a colleague they are worried about. */
const CHECK_IN_WORDS: Record<RiskSubject, { question: string; intro: string; safe: string }> = {
  self: {
    question: 'Are you safe right now?',
    intro:
      'Something in your message made me want to check in with you first. If you are having thoughts of ' +
      "harming yourself, you don't have to carry them alone. These people can help:",
    safe: "I'm safe for now",
  },
  colleague: {
    question: 'Is your colleague safe right now?',
    intro:
      'Something in your message made me want to check in first. If you think they might harm themselves, ' +
      "it's all right to ask them directly about suicide. These people can help you both:",
    safe: "They're safe for now",
  },
};

/**
 * The check-in card, sent first when a message carries one warning sign: a kind "are you (or they) safe right
 * now?", the urgent-support contacts, and two answers. "Safe for now" carries only the ids of the guides to
 * offer next (never the message); "Not sure" brings the full urgent-support card.
 */
export function checkInCard(
  content: UrgentSupport,
  about: RiskSubject,
  guideIds: readonly string[],
): AdaptiveCard {
  const words = CHECK_IN_WORDS[about];
  const contacts: CardElement[] = content.contacts.map((contact) => {
    const name = contact.url ? `[${contact.name}](${contact.url})` : contact.name;
    return paragraph(`${labelOf(name, contact.phone)}: ${contact.short}`, { spacing: 'Small' });
  });
  const safe: ExecuteAction = {
    type: 'Action.Execute',
    title: words.safe,
    verb: SAFETY_VERBS.safe,
    data: { guideIds: [...guideIds] },
  };
  const notSure: ExecuteAction = { type: 'Action.Execute', title: 'Not sure', verb: SAFETY_VERBS.notSure };
  return card(
    [
      { type: 'Container', style: 'emphasis', items: [heading(words.question), paragraph(words.intro)] },
      ...contacts,
    ],
    [safe, notSure],
    spokenSummary(words.question, content),
  );
}
