import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The project's real content folder. */
export const CONTENT_DIR = path.resolve(__dirname, '..', '..', 'content');

/** A throw-away copy of the real content folder that a test may edit. */
export class ContentCopy {
  readonly dir: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-content-'));
    fs.cpSync(CONTENT_DIR, this.dir, { recursive: true });
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): void {
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  /** Replaces the first occurrence of `from` in a file; fails loudly if it is not there. */
  edit(file: string, from: string | RegExp, to: string): void {
    const text = this.read(file);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`"${String(from)}" not found in ${file}`);
    this.write(file, next);
  }

  remove(file: string): void {
    fs.rmSync(path.join(this.dir, file));
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
