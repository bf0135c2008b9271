import path from 'node:path';
import { Answerer } from '../core/answering/ask';
import { ContentRegistry } from '../core/content/registry';
import { EVAL_DIR, EVAL_SETS, evaluate, formatReports, loadEvalSet } from './ask-eval';

/** `npm run eval:ask`: answer quality on the tuned and set-aside question sets, as a table. */
const library = ContentRegistry.open(
  path.resolve(EVAL_DIR, '..', '..', 'content'),
  () => new Date(),
).current();
const answerer = new Answerer(library);
const reports = Object.entries(EVAL_SETS).map(([name, files]) =>
  evaluate(name, answerer, loadEvalSet(files)),
);
// Misses are listed for the tuned part only: the set-aside part stays unread so that it keeps measuring honestly.
console.log(formatReports(reports, !process.argv.includes('--quiet')));
