import type { ContentLibrary, Guide } from '../content/model';
import { terms } from './text';

/** Settings of the guide classifier. */
export interface ClassifierSettings {
  /** Weight of body and theme text relative to titles, summaries, keywords and example questions. */
  bodyWeight: number;
  /** Additive (Laplace) smoothing. */
  alpha: number;
  /** Weight of each question in content/guide-questions.yaml relative to a guide's own example questions. */
  questionWeight: number;
}

/** The classifier settings the bot uses. */
export const DEFAULT_CLASSIFIER_SETTINGS: ClassifierSettings = {
  bodyWeight: 0.5,
  alpha: 1,
  questionWeight: 2,
};

/**
 * A multinomial naive Bayes model of each guide's wording, trained only on the content files (title, summary,
 * keywords, example questions, and body and theme text at a lower weight). It generalises to new wording better
 * than keyword search alone, so the search fuses the two rankings.
 */
export class GuideClassifier {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  /**
   * Per known word, its log-probability under each guide (in library order), worked out the first time a question
   * uses the word: the model never changes, and the same words recur in question after question.
   */
  private readonly logProbabilities = new Map<string, Float64Array>();

  constructor(
    private readonly library: ContentLibrary,
    private readonly settings: ClassifierSettings = DEFAULT_CLASSIFIER_SETTINGS,
  ) {
    for (const guide of library.guides) this.learn(guide);
  }

  private learn(guide: Guide): void {
    const counts = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const term of terms(text)) {
        counts.set(term, (counts.get(term) ?? 0) + weight);
        this.vocabulary.add(term);
      }
    };
    for (const text of [guide.title, guide.summary, ...guide.keywords, ...guide.examples]) add(text, 1);
    for (const text of this.library.guideQuestions[guide.id] ?? []) add(text, this.settings.questionWeight);
    const theme = this.library.themes.find((candidate) => candidate.id === guide.themeId);
    const body = [guide.whyThisMatters, ...guide.tryThisToday, guide.inclusiveLens, ...guide.questions];
    if (theme) body.push(theme.title, theme.promise, theme.whyNow, ...theme.behaviours);
    add(body.join('\n'), this.settings.bodyWeight);
    this.counts.set(guide.id, counts);
    this.totals.set(
      guide.id,
      [...counts.values()].reduce((sum, value) => sum + value, 0),
    );
  }

  /**
   * Every guide with its log-likelihood for the question, most likely first (empty when no word is known).
   * perTerm is the log-likelihood divided by the number of known words, so long and short questions compare.
   */
  rank(question: string): { guide: Guide; logLikelihood: number; perTerm: number }[] {
    return this.rankTerms(terms(question));
  }

  /** rank() of a question given as its terms (terms() of its text), for a caller that already has them. */
  rankTerms(questionTerms: readonly string[]): { guide: Guide; logLikelihood: number; perTerm: number }[] {
    const known = questionTerms
      .filter((term) => this.vocabulary.has(term))
      .map((term) => this.logProbabilitiesOf(term));
    if (known.length === 0) return [];
    return this.library.guides
      .map((guide, index) => {
        let logLikelihood = 0;
        for (const logProbability of known) logLikelihood += logProbability[index] as number;
        return { guide, logLikelihood, perTerm: logLikelihood / known.length };
      })
      .sort((a, b) => b.logLikelihood - a.logLikelihood);
  }

  /** A known word's smoothed log-probability under each guide, in library order. */
  private logProbabilitiesOf(term: string): Float64Array {
    const known = this.logProbabilities.get(term);
    if (known) return known;
    const { alpha } = this.settings;
    const size = this.vocabulary.size;
    const logProbability = Float64Array.from(this.library.guides, (guide) => {
      const count = this.counts.get(guide.id)?.get(term) ?? 0;
      const total = this.totals.get(guide.id) ?? 0;
      return Math.log((count + alpha) / (total + alpha * size));
    });
    this.logProbabilities.set(term, logProbability);
    return logProbability;
  }
}
