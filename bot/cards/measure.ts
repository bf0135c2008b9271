import type { AdaptiveCard, CardAction, CardElement, TextBlock } from './types';

/**
 * How much a chat card may show before Teams risks folding it behind "See more". Microsoft documents no
 * figure (Teams folds by rendered height, and the height depends on client and window), so this is our own
 * conservative budget: about 1,200 characters of visible text and 25 rendered lines.
 */
export const CHAT_CARD_BUDGET = { characters: 1200, lines: 25 } as const;

/**
 * Characters per rendered line, by text size, for a card in a Teams desktop chat (a text column of about
 * 420 px in 14 px Segoe UI holds about 60 average characters). Narrower windows wrap sooner.
 */
const CHARACTERS_PER_LINE: Record<NonNullable<TextBlock['size']>, number> = {
  Small: 70,
  Default: 60,
  Medium: 48,
  Large: 40,
  ExtraLarge: 32,
};

/** A button is about one and a half lines of text high; a row of buttons counts as two lines. */
const LINES_PER_BUTTON_ROW = 2;

/** Extra width a button takes beyond its title (padding and gap), in characters. */
const BUTTON_PADDING = 4;

/** What a viewer sees of one part of a card. */
interface VisiblePart {
  kind: 'text' | 'buttons';
  /** The text as read (Markdown markers removed); for buttons, their titles. */
  lines: string[];
  size: NonNullable<TextBlock['size']>;
}

/** Adaptive Card DATE() and TIME() as a viewer sees them, at their longest. */
function renderFunctions(text: string): string {
  return text
    .replace(/\{\{DATE\([^)]*\)\}\}/g, 'Wednesday, 30 December 2026')
    .replace(/\{\{TIME\([^)]*\)\}\}/g, '14:00');
}

/** Text as Teams shows it: no bold markers, a link shows only its words, a list item starts with a bullet. */
function asRead(text: string): string[] {
  return renderFunctions(text)
    .replace(/\*\*/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^- /, '• '));
}

function buttons(actions: readonly CardAction[]): VisiblePart {
  return { kind: 'buttons', lines: actions.map((action) => action.title), size: 'Default' };
}

function partsOf(element: CardElement): VisiblePart[] {
  switch (element.type) {
    case 'TextBlock':
      return [{ kind: 'text', lines: asRead(element.text), size: element.size ?? 'Default' }];
    case 'FactSet':
      return element.facts.map((fact) => ({
        kind: 'text',
        lines: asRead(`${fact.title} ${fact.value}`),
        size: 'Default',
      }));
    case 'Container':
      return element.items.flatMap(partsOf);
    case 'ActionSet':
      return [buttons(element.actions)];
    case 'Image':
      return [];
    case 'Input.ChoiceSet':
      return [
        { kind: 'text', lines: [element.label], size: 'Default' },
        { kind: 'buttons', lines: element.choices.map((choice) => choice.title), size: 'Default' },
      ];
    case 'Input.Text':
      return [{ kind: 'text', lines: [element.label, element.placeholder ?? ''], size: 'Default' }];
  }
}

function visibleParts(card: AdaptiveCard): VisiblePart[] {
  const parts = card.body.flatMap(partsOf);
  if (card.actions && card.actions.length > 0) parts.push(buttons(card.actions));
  return parts;
}

/** The text a viewer sees on a card (text blocks, facts and button titles), one part per line. */
export function visibleText(card: AdaptiveCard): string {
  return visibleParts(card)
    .flatMap((part) => part.lines)
    .join('\n');
}

/** How much of the chat budget some of a card takes: characters of visible text, and estimated lines. */
export interface CardSize {
  characters: number;
  lines: number;
}

function lengthOf(part: VisiblePart): number {
  return part.lines.reduce((sum, line) => sum + line.length, 0);
}

function linesOf(part: VisiblePart): number {
  const perLine = CHARACTERS_PER_LINE[part.size];
  if (part.kind === 'buttons') {
    const width = part.lines.reduce((sum, title) => sum + title.length + BUTTON_PADDING, 0);
    return Math.max(1, Math.ceil(width / perLine)) * LINES_PER_BUTTON_ROW;
  }
  return part.lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function sizeOfParts(parts: readonly VisiblePart[]): CardSize {
  return parts.reduce(
    (size, part) => ({ characters: size.characters + lengthOf(part), lines: size.lines + linesOf(part) }),
    { characters: 0, lines: 0 },
  );
}

/** How many characters of text a viewer sees on a card (line breaks not counted). */
export function visibleLength(card: AdaptiveCard): number {
  return sizeOfParts(visibleParts(card)).characters;
}

/**
 * An estimate of the card's height in lines of text in a Teams desktop chat: each text line wraps at the
 * width for its size, and each row of buttons (titles packed side by side) counts as two lines.
 */
export function estimatedLines(card: AdaptiveCard): number {
  return sizeOfParts(visibleParts(card)).lines;
}

/** The size of a whole card. */
export function cardSize(card: AdaptiveCard): CardSize {
  return sizeOfParts(visibleParts(card));
}

/**
 * What some body elements add to a card's size: sizes add up part by part, so a card with these elements added
 * is the card's size plus theirs.
 */
export function elementsSize(elements: readonly CardElement[]): CardSize {
  return sizeOfParts(elements.flatMap(partsOf));
}

/** Whether a card of this size stays within the chat budget. */
export function withinChatBudget(size: CardSize): boolean {
  return size.characters <= CHAT_CARD_BUDGET.characters && size.lines <= CHAT_CARD_BUDGET.lines;
}

/** Whether a card stays within the chat budget, so Teams shows it whole. */
export function fitsInChat(card: AdaptiveCard): boolean {
  return withinChatBudget(cardSize(card));
}
