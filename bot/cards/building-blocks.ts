import type { AdaptiveCard, CardAction, CardElement, ImBackAction, OpenUrlAction, TextBlock } from './types';

/** Wraps body and actions into an Adaptive Card 1.5 with a plain-text fallback for screen readers. */
export function card(body: CardElement[], actions: CardAction[], summary: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    speak: summary,
    fallbackText: summary,
  };
}

/** A card heading. */
export function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' };
}

/** A wrapped paragraph. */
export function paragraph(text: string, options: Partial<TextBlock> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** A bulleted list as one Markdown text block (Teams renders "- " lists). */
export function bullets(items: readonly string[]): TextBlock {
  return { type: 'TextBlock', text: items.map((item) => `- ${item}`).join('\r'), wrap: true };
}

/** A button that sends a command to the bot as if typed. */
export function sendCommand(title: string, command: string): ImBackAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: command } } };
}

/** A button that opens a link. */
export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}
