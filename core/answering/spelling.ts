import { normalise, stem, tokenize, withinEdits, withinOneEdit } from './text';

/** Words shorter than this are left alone: too many short words are one slip from another. */
const MIN_LENGTH = 5;

/**
 * Reads typed slips in a question against the words the content itself uses. A word the content never uses
 * ("rotta", "burnuot", "wellbieng") is read as the content word one slip away (two for long words), the most
 * common such word if there are several; a word the content uses, or one with no near neighbour, is left as it
 * is. Built once per version of the content.
 */
export class SpellingReader {
  private readonly frequency = new Map<string, number>();
  /** Content words by first letter and length, so a lookup only compares plausible neighbours. */
  private readonly buckets = new Map<string, string[]>();
  private readonly cache = new Map<string, string | undefined>();
  /** Stems of the content words: a word whose stem the content uses is another form of it, not a slip. */
  private readonly stems = new Set<string>();

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      for (const word of tokenize(text)) this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
    }
    for (const word of this.frequency.keys()) {
      this.stems.add(stem(word));
      if (word.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(word)) continue;
      const key = `${word[0]}${word.length}`;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(word);
      else this.buckets.set(key, [word]);
    }
  }

  /** The question with each slip replaced by the content word it stands for (the same text when there are none). */
  read(question: string): string {
    let changed = false;
    const read = normalise(question).replace(/[a-z]+/g, (word) => {
      const corrected = this.correct(word);
      if (!corrected) return word;
      changed = true;
      return corrected;
    });
    return changed ? read : question;
  }

  private correct(word: string): string | undefined {
    if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word) || this.frequency.has(word)) return undefined;
    if (this.cache.has(word)) return this.cache.get(word);
    if (this.stems.has(stem(word))) {
      this.cache.set(word, undefined);
      return undefined;
    }
    const allowed = word.length >= 9 ? 2 : 1;
    let best: string | undefined;
    let bestCount = 0;
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      for (const candidate of this.buckets.get(`${word[0]}${length}`) ?? []) {
        const count = this.frequency.get(candidate) ?? 0;
        if (
          count > bestCount &&
          (allowed === 1 ? withinOneEdit(word, candidate) : withinEdits(word, candidate, allowed))
        ) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
