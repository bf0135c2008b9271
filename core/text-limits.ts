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

/**
 * The text with control characters removed, runs of white space made one space, and cut to at most `max`
 * characters without splitting a character made of two UTF-16 units.
 */
export function truncateText(text: string, max: number): string {
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
