import porter2 from 'wink-porter2-stemmer';

/** Words that carry no meaning for matching a question to a guide. */
const STOP_WORDS = new Set(
  (
    'a about after again all also am an and any are as at be because been being but by can could did do does ' +
    'doing dont for from get gets getting got had has have having he her here hers him his how i id if im in into ' +
    'is it its ive just keep know let like lot make me more most much my myself need needs no not now of off ' +
    'on one only or other our out over please really she should so some still such than that the their them ' +
    'then there these they thing things this those through to too up us very want was we were what when where ' +
    'which while who whom why will with would you your yours pls plz tips advice help way ways best good'
  ).split(' '),
);

/** Any character outside printable ASCII and ASCII whitespace (the only ones NFKD or the quote rules can change). */
const BEYOND_ASCII = /[^\t\n\v\f\r\x20-\x7e]/;

/** Lower-cases and straightens quotes so the same words always compare equal. */
export function normalise(text: string): string {
  // Most messages are plain ASCII, which NFKD leaves as it is and which holds no accents or curly quotes: the
  // same result without the Unicode passes.
  if (!BEYOND_ASCII.test(text)) return text.toLowerCase().replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits text into word tokens (letters and digits; "can't" stays one word). */
export function tokenize(text: string): string[] {
  return normalise(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/**
 * Stems already worked out: the same few thousand words recur in every question and in the content. Looked up
 * several times for every word of every question, so a plain map (forgotten all at once when full, to bound
 * memory) rather than an LRU, whose every hit reorders it.
 */
const STEMS = new Map<string, string>();
const MAX_STEMS = 20_000;

/** Folds word forms together ("redeployed", "redeployment" → "redeploy") with the Porter2 stemmer. */
export function stem(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    stemmed = porter2(word.replace(/'s$/, '').replace(/'/g, ''));
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

/**
 * The stemmed term of one word as tokenize() gives it, or undefined for a stop word or a stem of one letter:
 * terms(text) is termOf() over tokenize(text).
 */
export function termOf(word: string): string | undefined {
  if (STOP_WORDS.has(word.includes("'") ? word.replace(/'/g, '') : word)) return undefined;
  const stemmed = stem(word);
  return stemmed.length > 1 ? stemmed : undefined;
}

/** Meaningful, stemmed terms of a text. */
export function terms(text: string): string[] {
  const found: string[] = [];
  for (const word of tokenize(text)) {
    const term = termOf(word);
    if (term !== undefined) found.push(term);
  }
  return found;
}

/** Edit distance with adjacent transpositions (optimal string alignment), for tolerating typos in commands. */
export function editDistance(a: string, b: string): number {
  return distanceUpTo(a, b, Number.POSITIVE_INFINITY);
}

/** Whether editDistance(a, b) <= max, stopping as soon as the answer is no. */
export function withinEdits(a: string, b: string, max: number): boolean {
  return distanceUpTo(a, b, max) <= max;
}

/**
 * The optimal string alignment distance, or max + 1 as soon as it is known to be over `max`: the lengths differ
 * by more, or two rows in a row of the table are all over `max` (every later cell is one of those cells, or a
 * cell of the row between, plus at least nothing).
 */
function distanceUpTo(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  // Three rows are enough: the one two above (for transpositions), the one above and this one.
  let twoAbove = new Int32Array(cols);
  let above = new Int32Array(cols);
  let row = new Int32Array(cols);
  for (let j = 0; j < cols; j++) above[j] = j;
  let aboveOver = false;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (twoAbove[j - 2] as number) + 1);
      }
      row[j] = best;
      if (best < least) least = best;
    }
    if (least > max && aboveOver) return max + 1;
    aboveOver = least > max;
    [twoAbove, above, row] = [above, row, twoAbove];
  }
  return above[b.length] as number;
}

/**
 * Whether editDistance(a, b) <= 1, in one pass and without a table: the words are the same, or one letter is
 * changed, two neighbouring letters are swapped, or one letter is added or dropped.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return shorter.slice(i) === longer.slice(i + 1);
}

/** Real words one letter from a command word ("how do I do it kindly but not budge"): never read as its typo. */
const NEAR_COMMAND_WORDS = new Set([
  'budge',
  'budged',
  'budges',
  'fudge',
  'fudges',
  'judge',
  'judged',
  'judges',
  'plain',
  'plane',
  'plant',
  'remainder',
  'remainders',
]);

/** True when a typed word is the expected word, allowing one typo in words of four letters or more. */
export function sameWord(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  return expected.length >= 4 && !NEAR_COMMAND_WORDS.has(typed) && withinOneEdit(typed, expected);
}
