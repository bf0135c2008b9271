import MiniSearch from 'minisearch';
import {
  AUDIENCES,
  isFor,
  type Audience,
  type ContentLibrary,
  type Guide,
  type ThemeId,
} from '../content/model';
import { GuideClassifier } from './classifier';
import { SpellingReader } from './spelling';
import { LruCache } from '../lru';
import { normalise, termOf, terms, tokenize } from './text';

/** One guide ranked for a question. */
export interface RankedGuide {
  guideId: string;
  themeId: ThemeId;
  title: string;
  score: number;
}

/** Tuning knobs for ranking (tuned on the tuning question set only). */
export interface SearchSettings {
  boosts: { title: number; keywords: number; examples: number; summary: number; theme: number; body: number };
  /** How much a theme's second-best guide adds to its best when themes are compared. */
  secondGuideWeight: number;
  /**
   * Score fusion of the two rankings: keyword evidence is scaled so the best theme has 1, the classifier's
   * per-word log-likelihoods become a probability over themes (softmax at this temperature), and a theme's
   * fused score is its keyword share plus classifierWeight times its classifier probability.
   */
  fusion: { classifierWeight: number; temperature: number };
  /**
   * Below this top score per distinct query term the bot says it is not sure rather than guessing. Dividing by
   * the number of terms keeps long rambling questions and two-word ones on one scale.
   */
  confidenceThreshold: number;
}

/** The settings the bot uses. */
export const DEFAULT_SEARCH_SETTINGS: SearchSettings = {
  boosts: { title: 3, keywords: 4, examples: 6, summary: 2, theme: 1.5, body: 1 },
  secondGuideWeight: 0.5,
  fusion: { classifierWeight: 1.5, temperature: 0.15 },
  confidenceThreshold: 35,
};

interface GuideDocument {
  id: string;
  title: string;
  keywords: string;
  examples: string;
  summary: string;
  theme: string;
  body: string;
}

function documentOf(guide: Guide, library: ContentLibrary): GuideDocument {
  const theme = library.themes.find((candidate) => candidate.id === guide.themeId);
  return {
    id: guide.id,
    title: guide.title,
    keywords: guide.keywords.join(' . '),
    examples: guide.examples.join('\n'),
    summary: guide.summary,
    theme: theme
      ? [theme.title, theme.promise, theme.circleTopic, theme.whyNow, ...theme.behaviours].join('\n')
      : '',
    body: [guide.whyThisMatters, ...guide.tryThisToday, guide.inclusiveLens, ...guide.questions].join('\n'),
  };
}

/** One synonym phrase, as the words it must match in a row, and the words it adds. */
interface SynonymPhrase {
  /** Its place in content/synonyms.yaml: expansions are added in file order. */
  order: number;
  words: string[];
  expansion: string;
}

/** How many query terms' keyword matches a GuideSearch remembers (a few megabytes at most). */
const TERM_MEMORY = 4000;

/** The guides one query term matches (exactly, by prefix or fuzzily), with its BM25 score in each. */
type TermMatches = readonly { readonly guideId: string; readonly score: number }[];

/** The ranking for one question, with how sure the keyword search is. */
export interface Ranking {
  /** The best guide of each of the best themes, best first. */
  ranked: RankedGuide[];
  /** The keyword search's best score per query term; below the threshold the bot does not guess. */
  confidence: number;
}

/**
 * Ranks guides for a question in a manager's own words by fusing two rankings of themes: BM25 keyword search
 * over titles, keywords, example questions, summaries, theme text and bodies (MiniSearch, with prefix and fuzzy
 * matching and the synonym list from content/synonyms.yaml), and a naive Bayes model of each guide's wording.
 */
export class GuideSearch {
  private readonly index: MiniSearch<GuideDocument>;
  /**
   * What each query term matches. The index never changes once built (new content builds a new GuideSearch), and
   * the same words recur in question after question, so each term's lookup (an edit-distance walk of the whole
   * term tree, then BM25 over every field of every match) is done once.
   */
  private readonly termMatches = new LruCache<string, TermMatches>(TERM_MEMORY);
  private readonly classifier: GuideClassifier;
  private readonly guides: Map<string, Guide>;
  /** Synonym phrases by their first word. */
  private readonly synonyms = new Map<string, SynonymPhrase[]>();
  private readonly spelling: SpellingReader;

  constructor(
    library: ContentLibrary,
    private readonly settings: SearchSettings = DEFAULT_SEARCH_SETTINGS,
  ) {
    this.guides = new Map(library.guides.map((guide) => [guide.id, guide]));
    Object.entries(library.synonyms).forEach(([phrase, expansions], order) => {
      const words = normalise(phrase).split(' ');
      const first = words[0] ?? '';
      const phrases = this.synonyms.get(first) ?? [];
      phrases.push({ order, words, expansion: expansions.join(' ') });
      this.synonyms.set(first, phrases);
    });
    this.index = new MiniSearch<GuideDocument>({
      fields: ['title', 'keywords', 'examples', 'summary', 'theme', 'body'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      // MiniSearch hands over one word of tokenize() at a time, and terms() of such a word is its termOf().
      processTerm: (term) => termOf(term) ?? null,
      searchOptions: {
        boost: { ...settings.boosts },
        prefix: (term) => term.length >= 5,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        combineWith: 'OR',
      },
    });
    const documents = library.guides.map((guide) => documentOf(guide, library));
    this.index.addAll(documents);
    this.spelling = new SpellingReader([
      ...documents.flatMap((document) => [
        document.title,
        document.keywords,
        document.examples,
        document.summary,
        document.theme,
        document.body,
      ]),
      ...Object.entries(library.synonyms).flatMap(([phrase, expansions]) => [phrase, ...expansions]),
    ]);
    this.classifier = new GuideClassifier(library);
  }

  /**
   * Adds the synonym list's expansions (in the list's order) for any phrase the question contains as whole words
   * in a row.
   */
  expand(question: string): string {
    const additions = this.additionsFor(tokenize(question));
    return additions === undefined ? question : `${question} ${additions}`;
  }

  /** The words expand() adds for a question of these words (tokenize() of it), or undefined when none. */
  private additionsFor(words: readonly string[]): string | undefined {
    const found = new Map<number, string>();
    words.forEach((word, start) => {
      for (const phrase of this.synonyms.get(word) ?? []) {
        if (!found.has(phrase.order) && phrase.words.every((next, i) => words[start + i] === next))
          found.set(phrase.order, phrase.expansion);
      }
    });
    if (found.size === 0) return undefined;
    return [...found]
      .sort(([a], [b]) => a - b)
      .map(([, expansion]) => expansion)
      .join(' ');
  }

  /**
   * Ranks themes by both methods and fuses their scores (see SearchSettings.fusion). Each theme is answered by
   * its best guide by the same fused score. Keyword scores are BM25 per distinct query term, so a long question
   * and a two-word one are on the same scale for the confidence threshold.
   */
  search(typed: string, limit = 3, audiences: readonly Audience[] = AUDIENCES): Ranking {
    const question = this.spelling.read(typed);
    // The terms of the question and of the expanded question (the question, a space, then the additions), read
    // once: the words of the question come first, then those of the additions.
    const words = tokenize(question);
    const questionTerms = words.flatMap((word) => termOf(word) ?? []);
    const additions = this.additionsFor(words);
    const termList = additions === undefined ? questionTerms : [...questionTerms, ...terms(additions)];
    const queryTerms = new Set(termList).size;
    if (queryTerms === 0) return { ranked: [], confidence: 0 };
    const keywordScores = new Map<string, number>();
    const keywordThemes = new Map<ThemeId, { evidence: number; count: number }>();
    let confidence = 0;
    for (const result of this.keywordSearch(termList)) {
      const guide = this.guides.get(result.guideId) as Guide;
      if (!isFor(guide, audiences)) continue;
      const score = Math.round((result.score / queryTerms) * 100) / 100;
      keywordScores.set(guide.id, score);
      confidence = Math.max(confidence, score);
      const theme = keywordThemes.get(guide.themeId);
      if (!theme) {
        keywordThemes.set(guide.themeId, { evidence: score, count: 1 });
      } else if (theme.count === 1) {
        theme.evidence += score * this.settings.secondGuideWeight;
        theme.count = 2;
      }
    }
    const topEvidence = Math.max(0, ...[...keywordThemes.values()].map((theme) => theme.evidence));
    const { classifierWeight, temperature } = this.settings.fusion;
    const likelihoods = this.classifier
      .rankTerms(questionTerms)
      .filter(({ guide }) => isFor(guide, audiences));
    const bestLikelihood = likelihoods[0]?.perTerm ?? 0;
    const classifierScores = new Map(
      likelihoods.map(({ guide, perTerm }) => [guide.id, Math.exp((perTerm - bestLikelihood) / temperature)]),
    );
    const themeProbability = new Map<ThemeId, number>();
    for (const { guide } of likelihoods) {
      if (!themeProbability.has(guide.themeId))
        themeProbability.set(guide.themeId, classifierScores.get(guide.id) ?? 0);
    }
    const normaliser = [...themeProbability.values()].reduce((sum, value) => sum + value, 0) || 1;
    const keywordTotal = topEvidence > 0 ? topEvidence : 1;
    const themeScore = (themeId: ThemeId) =>
      (keywordThemes.get(themeId)?.evidence ?? 0) / keywordTotal +
      (classifierWeight * (themeProbability.get(themeId) ?? 0)) / normaliser;
    const guideScore = (guide: Guide) =>
      (keywordScores.get(guide.id) ?? 0) / keywordTotal +
      (classifierWeight * (classifierScores.get(guide.id) ?? 0)) / normaliser;
    const bestGuide = new Map<ThemeId, Guide>();
    for (const guide of this.guides.values()) {
      if (!keywordScores.has(guide.id) && !classifierScores.has(guide.id)) continue;
      const current = bestGuide.get(guide.themeId);
      if (!current || guideScore(guide) > guideScore(current)) bestGuide.set(guide.themeId, guide);
    }
    const ranked = [...bestGuide.keys()]
      .map((themeId) => ({ themeId, score: themeScore(themeId) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ themeId }) => {
        const guide = bestGuide.get(themeId) as Guide;
        return { guideId: guide.id, themeId, title: guide.title, score: keywordScores.get(guide.id) ?? 0 };
      });
    return { ranked, confidence };
  }

  /**
   * MiniSearch's OR query over the terms, best first, from each term's own matches: a guide's score is the sum of
   * its scores for each term in query order (a repeated term counts again), times the number of distinct terms
   * that matched it, exactly as MiniSearch combines them. Guides with equal scores may come in another order,
   * which nothing downstream depends on.
   */
  private keywordSearch(termList: readonly string[]): { guideId: string; score: number }[] {
    const combined = new Map<string, { guideId: string; sum: number; distinct: number }>();
    const seen = new Set<string>();
    for (const term of termList) {
      // A term's matches are the same wherever it recurs: only its first place adds a distinct term.
      const first = !seen.has(term);
      seen.add(term);
      for (const { guideId, score } of this.matchesOf(term)) {
        const found = combined.get(guideId);
        if (found) {
          found.sum = found.sum + score;
          if (first) found.distinct += 1;
        } else combined.set(guideId, { guideId, sum: score, distinct: 1 });
      }
    }
    return [...combined.values()]
      .map(({ guideId, sum, distinct }) => ({ guideId, score: sum * distinct }))
      .sort((a, b) => b.score - a.score);
  }

  /** What one query term matches, as a one-term MiniSearch query of the term as it is (already a stem). */
  private matchesOf(term: string): TermMatches {
    return this.termMatches.through(term, () =>
      this.index
        .search(term, { tokenize: (text) => [text], processTerm: (text) => text })
        .map((result) => ({ guideId: String(result.id), score: result.score })),
    );
  }

  /** The ranked guides alone. */
  rank(question: string, limit = 3, audiences: readonly Audience[] = AUDIENCES): RankedGuide[] {
    return this.search(question, limit, audiences).ranked;
  }

  /** True when the keyword evidence is strong enough to answer without guessing. */
  isConfident(ranking: Ranking): boolean {
    return ranking.confidence >= this.settings.confidenceThreshold;
  }
}
