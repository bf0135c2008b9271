/**
 * The safety check's second line: a naive Bayes model of how at-risk messages differ from ordinary manager
 * messages, trained on example messages (content/safety-examples.yaml, the lexicon's phrases and the guides'
 * example questions). It only ever adds a check-in for a message the sign rules did not catch; it never lowers
 * a reading. Words and word pairs are its features, counted once per message.
 */

/**
 * The score from which a message the rules did not catch still gets a check-in. Chosen by five-fold
 * cross-validation over content/safety-examples.yaml (`npm run eval:safety-model` prints the table). With the
 * 1,344 at-risk and 1,732 ordinary examples of December 2026 (the ordinary ones mostly decoys written to be hard:
 * patient work, idioms, farewells, grumpy short messages), 0 found 97.4% of held-back at-risk messages and flagged
 * 10.0% of the held-back decoys; 0.1 found only 94.2% (flagging 5.8%). On the blind sets, where ordinary messages are
 * everyday questions rather than decoys, the check as a whole raised 0–4 false alarms per 70 ordinary messages.
 * Adding ordinary messages that are not decoys (guide questions, out-of-scope requests) made it flag more, not less:
 * the add-one smoothing gives a word seen once in an ordinary message and never in an at-risk one a small positive
 * weight once the ordinary class is more than twice the size of the at-risk one. A discriminative model (logistic regression) trained on the same
 * features did worse at every threshold, so the naive Bayes model stays.
 */
export const RISK_THRESHOLD = 0;

/**
 * The evidence at least one word or word pair of a flagged message must carry on its own (at-risk messages use it
 * over three times as often as ordinary ones), so a message of neutral words with a mildly unusual one is not
 * flagged. In the same cross-validation it removed a fifth of a point of false alarms and no found message.
 */
export const STRONG_FEATURE = 1.2;

/**
 * The features of an already normalised message: its words, and adjacent word pairs within a clause (never across
 * punctuation or a span the check set aside, which leaves no word of its own).
 */
export function featuresOf(normalised: string): Set<string> {
  const features = new Set<string>();
  for (const clause of normalised.split(/\[work\]|[.,;:!?()"]+/)) {
    const words = clause.match(/[a-z][a-z']*/g) ?? [];
    words.forEach((word, index) => {
      features.add(word);
      if (index > 0) features.add(`${words[index - 1] ?? ''} ${word}`);
    });
  }
  return features;
}

/** Counts of one class: how many messages, and in how many of them each feature appears. */
interface ClassCounts {
  messages: number;
  features: Map<string, number>;
}

function count(messages: readonly Set<string>[]): ClassCounts {
  const features = new Map<string, number>();
  for (const message of messages) {
    for (const feature of message) features.set(feature, (features.get(feature) ?? 0) + 1);
  }
  return { messages: messages.length, features };
}

/** A trained model: scores a message's features as log-odds of risk, averaged per feature seen in training. */
export class RiskModel {
  private readonly risk: ClassCounts;
  private readonly ordinary: ClassCounts;
  private readonly weights = new Map<string, number>();

  /**
   * Trains on the features of at-risk and ordinary messages (each set already normalised and featurised). By
   * default each class's rate is add-one smoothed, which suits classes of similar size; `pooledPrior` instead
   * smooths both towards the feature's rate over all messages with that strength, so that when one class is many
   * times larger a word seen only in the larger one counts against the smaller.
   */
  constructor(atRisk: readonly Set<string>[], ordinary: readonly Set<string>[], pooledPrior?: number) {
    this.risk = count(atRisk);
    this.ordinary = count(ordinary);
    const all = this.risk.messages + this.ordinary.messages;
    const vocabulary = new Set([...this.risk.features.keys(), ...this.ordinary.features.keys()]);
    for (const feature of vocabulary) {
      const inRisk = this.risk.features.get(feature) ?? 0;
      const inOrdinary = this.ordinary.features.get(feature) ?? 0;
      // Bernoulli naive Bayes: how much more often at-risk messages use the feature.
      let pRisk: number;
      let pOrdinary: number;
      if (pooledPrior === undefined) {
        pRisk = (inRisk + 1) / (this.risk.messages + 2);
        pOrdinary = (inOrdinary + 1) / (this.ordinary.messages + 2);
      } else {
        const pooled = (inRisk + inOrdinary + 1) / (all + 2);
        pRisk = (inRisk + pooledPrior * pooled) / (this.risk.messages + pooledPrior);
        pOrdinary = (inOrdinary + pooledPrior * pooled) / (this.ordinary.messages + pooledPrior);
      }
      this.weights.set(feature, Math.log(pRisk / pOrdinary));
    }
  }

  /** The strongest single piece of evidence for risk among the message's known features (-Infinity when none). */
  strongest(features: Set<string>): number {
    let best = Number.NEGATIVE_INFINITY;
    for (const feature of features) best = Math.max(best, this.weights.get(feature) ?? best);
    return best;
  }

  /**
   * The mean evidence for risk over the message's known features (0 when none is known). Averaging keeps long
   * and short messages on one scale, so one threshold serves both.
   */
  score(features: Set<string>): number {
    let total = 0;
    let known = 0;
    for (const feature of features) {
      const weight = this.weights.get(feature);
      if (weight === undefined) continue;
      total += weight;
      known += 1;
    }
    return known === 0 ? 0 : total / known;
  }
}
