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

/** Lower-cases and straightens quotes so the same words always compare equal. */
export function normalise(text: string): string {
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

/** Folds word forms together ("redeployed", "redeployment" → "redeploy") with the Porter2 stemmer. */
export function stem(word: string): string {
  return porter2(word.replace(/'s$/, '').replace(/'/g, ''));
}

/** Meaningful, stemmed terms of a text. */
export function terms(text: string): string[] {
  return tokenize(text)
    .filter((word) => !STOP_WORDS.has(word.replace(/'/g, '')))
    .map(stem)
    .filter((word) => word.length > 1);
}

/** Edit distance with adjacent transpositions (optimal string alignment), for tolerating typos in commands. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** True when a typed word is the expected word, allowing one typo in words of four letters or more. */
export function sameWord(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  return (
    expected.length >= 4 &&
    Math.abs(typed.length - expected.length) <= 1 &&
    editDistance(typed, expected) <= 1
  );
}
