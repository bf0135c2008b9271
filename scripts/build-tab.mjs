// Copies the tab's static files into dist/tab, where the service serves them at /tab/.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'dist', 'tab');
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
for (const file of fs.readdirSync(path.join(root, 'tab'))) {
  if (file.endsWith('.html') || file.endsWith('.css') || file.endsWith('.js')) {
    fs.copyFileSync(path.join(root, 'tab', file), path.join(target, file));
  }
}
console.log(`tab: copied to ${path.relative(root, target)}`);
