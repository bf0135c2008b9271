import type { UrgentSupport } from '../../core/content/urgent-support';
import { card, heading, openUrl, paragraph } from './building-blocks';
import type { AdaptiveCard, CardElement } from './types';

/** The urgent-support card: always sent first when someone uses self-harm or suicide language. */
export function urgentSupportCard(content: UrgentSupport): AdaptiveCard {
  const contacts: CardElement[] = content.contacts.map((contact) => ({
    type: 'Container',
    spacing: 'Medium',
    items: [
      paragraph(contact.phone ? `**${contact.name}: ${contact.phone}**` : `**${contact.name}**`),
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
      paragraph(content.followUp, { isSubtle: true, spacing: 'Medium' }),
    ],
    links,
    `${content.title}. ${content.contacts.map((c) => (c.phone ? `${c.name} ${c.phone}` : c.name)).join('. ')}.`,
  );
}
