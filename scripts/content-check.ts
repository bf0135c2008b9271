import path from 'node:path';
import { loadContent } from '../core/content/loader';

/** `npm run content:check`: checks the content folder, prints every problem, exits 1 on any error. */
const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'content'));
const result = loadContent(dir, new Date());
for (const warning of result.warnings)
  console.warn(`warning  ${warning.file}  ${warning.field}: ${warning.message}`);
if (!result.ok) {
  for (const error of result.errors)
    console.error(`error    ${error.file}  ${error.field}: ${error.message}`);
  console.error(
    `\nContent check failed: ${result.errors.length} error(s), ${result.warnings.length} warning(s).`,
  );
  process.exit(1);
}
const { themes, guides, resources } = result.library;
const words = guides.map((guide) => guide.wordCount);
console.log(
  `Content OK: ${themes.length} themes, ${guides.length} guides (${Math.min(...words)}–${Math.max(...words)} words), ` +
    `${resources.length} resources, ${result.warnings.length} warning(s).`,
);
