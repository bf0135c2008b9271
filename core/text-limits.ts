/**
 * Bounds on text the service keeps that it does not write itself. Input over a limit from our own API is
 * refused (4xx); names that arrive on Teams activities or in tokens are cut to the limit instead, since a person
 * cannot change what Teams sends.
 */
export const TEXT_LIMITS = {
  /** A person's display name (on a booking, a roster, a greeting). */
  personName: 120,
  /** A team or channel name. */
  teamOrChannelName: 120,
} as const;

/** A control character, white space other than a space, two spaces in a row, or a space at either end. */
const NEEDS_CLEANING = /\p{Cc}|[^\S ]| {2}|^ | $/u;

/**
 * The text with control characters removed, runs of white space made one space, and cut to at most `max`
 * characters without splitting a character made of two UTF-16 units.
 */
export function truncateText(text: string, max: number): string {
  // Most names arrive clean and short (no control character, no white space but single spaces between words):
  // those are already the answer.
  if (text.length <= max && !NEEDS_CLEANING.test(text)) return text;
  const clean = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  let cut = '';
  for (const character of clean) {
    if (cut.length + character.length > max) break;
    cut += character;
  }
  return cut.trim();
}
