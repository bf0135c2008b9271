import MiniSearch from 'minisearch';
import type { ContentLibrary, Guide, ThemeId } from '../content/model';
import { GuideClassifier } from './classifier';
import { normalise, terms, tokenize } from './text';

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
   * Below this top score per distinct query term the bot says it is not sure rather than guessing. Dividing by
   * the number of terms keeps long rambling questions and two-word ones on one scale.
   */
  confidenceThreshold: number;
}

/** The settings the bot uses. */
export const DEFAULT_SEARCH_SETTINGS: SearchSettings = {
  boosts: { title: 3, keywords: 4, examples: 2, summary: 2, theme: 1.5, body: 1 },
  secondGuideWeight: 0.5,
  confidenceThreshold: 20,
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

/** Reciprocal-rank-fusion constant: higher values flatten the difference between neighbouring ranks. */
const FUSION_K = 60;

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
  private readonly classifier: GuideClassifier;
  private readonly guides: Map<string, Guide>;
  private readonly synonyms: [RegExp, string][];

  constructor(
    library: ContentLibrary,
    private readonly settings: SearchSettings = DEFAULT_SEARCH_SETTINGS,
  ) {
    this.guides = new Map(library.guides.map((guide) => [guide.id, guide]));
    this.synonyms = Object.entries(library.synonyms).map(([phrase, expansions]) => [
      new RegExp(`(?:^|\\s)${normalise(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`),
      expansions.join(' '),
    ]);
    this.index = new MiniSearch<GuideDocument>({
      fields: ['title', 'keywords', 'examples', 'summary', 'theme', 'body'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => {
        const processed = terms(term);
        return processed.length > 0 ? processed : null;
      },
      searchOptions: {
        boost: { ...settings.boosts },
        prefix: (term) => term.length >= 5,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        combineWith: 'OR',
      },
    });
    this.index.addAll(library.guides.map((guide) => documentOf(guide, library)));
    this.classifier = new GuideClassifier(library);
  }

  /** Adds the synonym list's expansions for any phrase the question contains. */
  expand(question: string): string {
    const text = ` ${tokenize(question).join(' ')} `;
    const additions = this.synonyms
      .filter(([pattern]) => pattern.test(text))
      .map(([, expansion]) => expansion);
    return additions.length > 0 ? `${question} ${additions.join(' ')}` : question;
  }

  /**
   * Ranks themes by both methods and fuses the two orders (reciprocal rank fusion). Each theme is answered by
   * its best guide by keyword search, or by the classifier when the keywords found nothing there. Scores are
   * BM25 per distinct query term, so a long question and a two-word one are on the same scale.
   */
  search(question: string, limit = 3): Ranking {
    const expanded = this.expand(question);
    const queryTerms = new Set(terms(expanded)).size;
    if (queryTerms === 0) return { ranked: [], confidence: 0 };
    const keywordThemes = new Map<ThemeId, { best: RankedGuide; evidence: number; count: number }>();
    for (const result of this.index.search(expanded)) {
      const guide = this.guides.get(String(result.id)) as Guide;
      const score = Math.round((result.score / queryTerms) * 100) / 100;
      const theme = keywordThemes.get(guide.themeId);
      if (!theme) {
        const best = { guideId: guide.id, themeId: guide.themeId, title: guide.title, score };
        keywordThemes.set(guide.themeId, { best, evidence: score, count: 1 });
      } else if (theme.count === 1) {
        theme.evidence += score * this.settings.secondGuideWeight;
        theme.count = 2;
      }
    }
    const keywordOrder = [...keywordThemes.values()].sort((a, b) => b.evidence - a.evidence);
    const classifierBest = new Map<ThemeId, Guide>();
    for (const { guide } of this.classifier.rank(question)) {
      if (!classifierBest.has(guide.themeId)) classifierBest.set(guide.themeId, guide);
    }
    const fused = new Map<ThemeId, number>();
    const vote = (themeId: ThemeId, rank: number) =>
      fused.set(themeId, (fused.get(themeId) ?? 0) + 1 / (FUSION_K + rank));
    keywordOrder.forEach((theme, rank) => vote(theme.best.themeId, rank));
    [...classifierBest.keys()].forEach((themeId, rank) => vote(themeId, rank));
    const ranked = [...fused.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([themeId]) => {
        const keywordBest = keywordThemes.get(themeId)?.best;
        if (keywordBest) return keywordBest;
        const guide = classifierBest.get(themeId) as Guide;
        return { guideId: guide.id, themeId, title: guide.title, score: 0 };
      });
    return { ranked, confidence: keywordOrder[0]?.best.score ?? 0 };
  }

  /** The ranked guides alone. */
  rank(question: string, limit = 3): RankedGuide[] {
    return this.search(question, limit).ranked;
  }

  /** True when the keyword evidence is strong enough to answer without guessing. */
  isConfident(ranking: Ranking): boolean {
    return ranking.confidence >= this.settings.confidenceThreshold;
  }
}
