import path from 'node:path';
import { ContentRegistry } from '../core/content/registry';
import { modelExtras, prepareForSafety } from '../core/safety';
import { featuresOf, RISK_THRESHOLD, RiskModel, STRONG_FEATURE } from '../core/safety-model';

/**
 * `npm run eval:safety-model`: five-fold cross-validation of the safety check's second line over
 * content/safety-examples.yaml. Each fold trains on the other four (plus the lexicon's phrases and the guides'
 * example questions, always) and scores the held-back messages; the table shows, per threshold, the share of
 * held-back at-risk messages found and of held-back ordinary messages flagged.
 */
const FOLDS = 5;
const THRESHOLDS = [-0.3, -0.2, -0.1, 0, 0.1, 0.2];

const library = ContentRegistry.open(
  path.resolve(__dirname, '..', '..', 'content'),
  () => new Date(),
).current();
const features = (text: string) => featuresOf(prepareForSafety(text));
const extra = modelExtras(library);
const { atRisk, ordinary } = library.safetyExamples;

/** The score as the check uses it: a message with no strong feature is never flagged, whatever its mean. */
const scoreOf = (model: RiskModel, message: Set<string>) =>
  model.strongest(message) >= STRONG_FEATURE ? model.score(message) : Number.NEGATIVE_INFINITY;

const held = { atRisk: [] as number[], ordinary: [] as number[] };
for (let fold = 0; fold < FOLDS; fold++) {
  const train = (items: readonly string[]) => items.filter((_, index) => index % FOLDS !== fold);
  const test = (items: readonly string[]) => items.filter((_, index) => index % FOLDS === fold);
  const model = new RiskModel(
    [...train(atRisk), ...extra.atRisk].map(features),
    [...train(ordinary), ...extra.ordinary].map(features),
  );
  held.atRisk.push(...test(atRisk).map((text) => scoreOf(model, features(text))));
  held.ordinary.push(...test(ordinary).map((text) => scoreOf(model, features(text))));
}

const share = (scores: readonly number[], threshold: number) =>
  `${((scores.filter((score) => score >= threshold).length / scores.length) * 100).toFixed(1)}%`;
console.log(
  `Safety model, ${FOLDS}-fold cross-validation: ${atRisk.length} at-risk and ${ordinary.length} ordinary examples`,
);
console.log('| threshold | at-risk found | ordinary flagged |');
console.log('|-----------|---------------|------------------|');
for (const threshold of THRESHOLDS) {
  const mark = threshold === RISK_THRESHOLD ? ' (in use)' : '';
  console.log(
    `| ${`${threshold}${mark}`.padEnd(9)} | ${share(held.atRisk, threshold).padEnd(13)} | ${share(held.ordinary, threshold).padEnd(16)} |`,
  );
}
