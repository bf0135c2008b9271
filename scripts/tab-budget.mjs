// Prints the built tab's bundle sizes (raw and gzip) and fails when the initial JavaScript, the entry script and
// everything it preloads, is over the 300 KB gzip budget. Lazy chunks (facilitate, admin, teams-js, teamsfx)
// are listed but not counted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const root = path.resolve(import.meta.dirname, '..', 'dist', 'tab');
const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]),
);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let initialGzip = 0;
const rows = [];
for (const file of fs.readdirSync(path.join(root, 'assets')).sort()) {
  const relative = `assets/${file}`;
  const content = fs.readFileSync(path.join(root, relative));
  const gzip = zlib.gzipSync(content, { level: 9 }).length;
  const isInitial = initial.has(relative);
  if (isInitial && file.endsWith('.js')) initialGzip += gzip;
  rows.push(
    `  ${isInitial ? 'initial' : 'lazy   '}  ${kb(content.length).padStart(9)}  ${kb(gzip).padStart(9)} gzip  ${relative}`,
  );
}
console.log(['tab bundle (dist/tab):', ...rows].join('\n'));
console.log(`tab initial JavaScript: ${kb(initialGzip)} gzip (budget ${kb(BUDGET_BYTES)})`);
if (initialGzip > BUDGET_BYTES) {
  console.error('tab: the initial JavaScript is over budget; load more of it lazily.');
  process.exit(1);
}
