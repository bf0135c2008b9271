import MiniSearch from 'minisearch';
import type { ContentLibrary, Guide, ThemeId } from '../content/model';
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
  boosts: { title: number; keywords: number; summary: number; theme: number; body: number };
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
  boosts: { title: 3, keywords: 4, summary: 2, theme: 1.5, body: 1 },
  secondGuideWeight: 0.5,
  confidenceThreshold: 14,
};

interface GuideDocument {
  id: string;
  title: string;
  keywords: string;
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
    summary: guide.summary,
    theme: theme ? `${theme.title} ${theme.promise} ${theme.circleTopic}` : '',
    body: [guide.whyThisMatters, ...guide.tryThisToday, guide.inclusiveLens, ...guide.questions].join('\n'),
  };
}

/**
 * Ranks guides for a question in a manager's own words: BM25 over titles, keywords, summaries, theme text and
 * bodies (MiniSearch), with prefix and fuzzy matching and the synonym list from content/synonyms.yaml.
 */
export class GuideSearch {
  private readonly index: MiniSearch<GuideDocument>;
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
      fields: ['title', 'keywords', 'summary', 'theme', 'body'],
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
   * The best guide of each of the best-matching themes, best first: a theme's evidence is its best guide's
   * score plus a share of its second's. Scores are BM25 per distinct query term, so a long question and a
   * two-word one are on the same scale.
   */
  rank(question: string, limit = 3): RankedGuide[] {
    const expanded = this.expand(question);
    const queryTerms = new Set(terms(expanded)).size;
    if (queryTerms === 0) return [];
    const byTheme = new Map<ThemeId, { best: RankedGuide; evidence: number; count: number }>();
    for (const result of this.index.search(expanded)) {
      const guide = this.guides.get(String(result.id)) as Guide;
      const score = Math.round((result.score / queryTerms) * 100) / 100;
      const theme = byTheme.get(guide.themeId);
      if (!theme) {
        byTheme.set(guide.themeId, {
          best: { guideId: guide.id, themeId: guide.themeId, title: guide.title, score },
          evidence: score,
          count: 1,
        });
      } else if (theme.count === 1) {
        theme.evidence += score * this.settings.secondGuideWeight;
        theme.count = 2;
      }
    }
    return [...byTheme.values()]
      .sort((a, b) => b.evidence - a.evidence)
      .slice(0, limit)
      .map((theme) => theme.best);
  }

  /** True when the best answer is strong enough to give without guessing. */
  isConfident(ranked: readonly RankedGuide[]): boolean {
    return (ranked[0]?.score ?? 0) >= this.settings.confidenceThreshold;
  }
}
