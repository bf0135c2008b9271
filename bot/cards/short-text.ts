/**
 * The first sentence of a passage. A full stop, question or exclamation mark ends a sentence only outside
 * double quotes and when a capital (or an opening quote, bracket or bold marker) follows.
 */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  let inQuote = false;
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed.charAt(i);
    if (char === '"') inQuote = !inQuote;
    else if (char === '“') inQuote = true;
    else if (char === '”') inQuote = false;
    else if (!inQuote && /[.!?]/.test(char) && trimmed.charAt(i + 1) === ' ') {
      if (/[A-Z"“‘(*]/.test(trimmed.charAt(i + 2))) return trimmed.slice(0, i + 1);
    }
  }
  return trimmed;
}

/** A quotation, bracket or bold span left open. */
function leftOpen(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return (
    count(/"/g) % 2 === 1 ||
    count(/“/g) !== count(/”/g) ||
    count(/\(/g) !== count(/\)/g) ||
    count(/\*\*/g) % 2 === 1
  );
}

/** Where a text may be cut: `end` is where the kept part stops; `whole` when a sentence ends there. */
interface Cut {
  end: number;
  whole: boolean;
  /** A sentence end, semicolon, colon or dash, rather than a comma (which may sit inside a list). */
  strong: boolean;
}

function cutsIn(text: string): Cut[] {
  const cuts: Cut[] = [];
  for (const match of text.matchAll(/[.!?]["”]?(?=\s)/g)) {
    cuts.push({ end: match.index + match[0].length, whole: true, strong: true });
  }
  for (const match of text.matchAll(/[;:](?=\s)|\s[–—](?=\s)/g)) {
    cuts.push({ end: match.index, whole: false, strong: true });
  }
  for (const match of text.matchAll(/,(?=\s)/g)) cuts.push({ end: match.index, whole: false, strong: false });
  return cuts.sort((a, b) => a.end - b.end);
}

/**
 * A text cut to at most `max` characters, never inside a word or an open quotation, bracket or bold span: at the last
 * sentence end, semicolon, colon or dash that keeps at least half of it, else at the last comma that keeps a
 * third, else between words. A cut inside a sentence ends in an ellipsis.
 */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const kept = (cut: Cut) => trimmed.slice(0, cut.end);
  const usable = cutsIn(trimmed).filter(
    (cut) => cut.end <= (cut.whole ? max : max - 1) && !leftOpen(kept(cut)),
  );
  const chosen =
    usable.filter((cut) => cut.strong && cut.end >= max / 2).pop() ??
    usable.filter((cut) => cut.end >= max / 3).pop();
  if (chosen) return chosen.whole ? kept(chosen) : `${kept(chosen)}…`;
  let line = trimmed.slice(0, Math.max(trimmed.lastIndexOf(' ', max - 1), 0));
  while (line && leftOpen(line)) {
    const opening = Math.max(...['"', '“', '(', '**'].map((mark) => line.lastIndexOf(mark)));
    const wordBefore = line.lastIndexOf(' ', opening);
    line = wordBefore > 0 ? line.slice(0, wordBefore) : '';
  }
  line = line.replace(/[\s,;:–—]+$/, '');
  return `${line || (trimmed.split(' ')[0] ?? '')}…`;
}

/** One short line from a passage: its first sentence, clipped to `max` characters when longer. */
export function shortLine(text: string, max: number): string {
  return clip(firstSentence(text), max);
}

/** A lead shorter than this ("Attend.", "Pause.") says too little alone, so the next sentence joins it. */
const TERSE_LEAD = 25;

/**
 * An action in brief, for a card: its first sentence (with the next one when the first is a word or two,
 * such as "Attend."), clipped to `max` characters.
 */
export function actionInBrief(text: string, max: number): string {
  const lead = firstSentence(text);
  const rest = text.trim().slice(lead.length).trim();
  const brief =
    lead.replace(/\*\*/g, '').length < TERSE_LEAD && rest ? `${lead} ${firstSentence(rest)}` : lead;
  return clip(brief, max);
}
