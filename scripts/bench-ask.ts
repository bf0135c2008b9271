import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Answerer } from '../core/answering/ask';
import { ContentRegistry } from '../core/content/registry';
import { EVAL_DIR, EVAL_SETS, loadEvalSet } from './ask-eval';

/**
 * `npm run bench:ask`: answering latency in-process over 10,000 questions (the labelled questions, cycled, with
 * a varying suffix so no two are the same string). Prints p50, p90, p99 and max in milliseconds.
 */
const COUNT = Number(process.argv[2] ?? 10_000);
const library = ContentRegistry.open(
  path.resolve(EVAL_DIR, '..', '..', 'content'),
  () => new Date(),
).current();
const answerer = new Answerer(library);
const questions = Object.values(EVAL_SETS).flatMap((files) => loadEvalSet(files).map((item) => item.q));
const suffixes = ['', ' please', ' on nights', ' in a care home', ' this week', ' asap'];

for (let i = 0; i < 200; i++) answerer.ask(questions[i % questions.length] ?? '');
const timings: number[] = [];
for (let i = 0; i < COUNT; i++) {
  const question = `${questions[i % questions.length] ?? ''}${suffixes[i % suffixes.length] ?? ''}`;
  const start = performance.now();
  answerer.ask(question);
  timings.push(performance.now() - start);
}
timings.sort((a, b) => a - b);
const at = (p: number) =>
  (timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))] ?? 0).toFixed(3);
const mean = (timings.reduce((sum, value) => sum + value, 0) / timings.length).toFixed(3);
console.log(`bench:ask  ${COUNT} questions in-process (${library.guides.length} guides)`);
console.log(`  p50 ${at(50)} ms   p90 ${at(90)} ms   p99 ${at(99)} ms   max ${at(100)} ms   mean ${mean} ms`);
