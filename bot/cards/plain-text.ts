/**
 * Text that people write (circle titles and descriptions, facilitator and channel names) is data, never markup.
 * Adaptive Card TextBlocks and FactSet values render a Markdown subset in Teams (bold, italic, links, lists), and
 * Teams turns bare addresses into live links. `plainText` backslash-escapes every Markdown mark (CommonMark
 * escapes, which the Adaptive Cards renderers honour) and breaks addresses (the scheme's colon and the dots of a
 * host name are escaped), so a title such as `[Re-verify your login](https://…)` shows as those characters and
 * links nowhere. Use it for every piece of user- or facilitator-written text that goes into a card.
 */

/** Marks that open Markdown or HTML anywhere in a line. */
const INLINE_MARKS = /[\\`*_~[\]()<>|{}!]/g;
/** Marks that only mean something at the start of a line: headings, quotes, list items. */
const LINE_START = /^(\s*)([#>+-]|\d+[.)])/gm;
/** A URL scheme (https:, mailto:, file:, msteams: …), whose colon would make the text a link. */
const SCHEME = /\b([A-Za-z][A-Za-z0-9+.-]{1,31}):(?=\S)/g;
/** A dot between name parts (evil.example, www.nhs.uk): Teams links bare host names. */
const HOST_DOT = /([A-Za-z0-9-])\.(?=[A-Za-z][A-Za-z0-9-])/g;

/** The text with every Markdown mark escaped and every address broken, so a card shows it as typed. */
export function plainText(text: string): string {
  return text
    .replace(INLINE_MARKS, '\\$&')
    .replace(LINE_START, (_match, space: string, mark: string) => `${space}${mark.replace(/[^\d]/, '\\$&')}`)
    .replace(SCHEME, '$1\\:')
    .replace(HOST_DOT, '$1\\.');
}

/** Like plainText, for a one-line field (a title or a name): line breaks and runs of spaces become one space. */
export function plainLine(text: string): string {
  return plainText(text.replace(/\s+/g, ' ').trim());
}
