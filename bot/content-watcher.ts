import fs from 'node:fs';
import type { ContentRegistry } from '../core/content/registry';
import type { ContentLoad } from '../core/content/loader';

/**
 * Local mode only: reloads content shortly after an editor saves a file. A valid change goes live; an invalid
 * one is reported and the previous content stays. Returns a function that stops watching.
 */
export function watchContent(
  registry: ContentRegistry,
  report: (result: ContentLoad) => void,
  debounceMs = 300,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(registry.dir, { recursive: true }, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => report(registry.reload()), debounceMs);
  });
  watcher.on('error', (error) => console.error('Content watcher stopped:', error));
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}

/** Prints the outcome of a content reload for the person editing files. */
export function describeReload(result: ContentLoad): string {
  if (result.ok) {
    const { themes, guides, resources } = result.library;
    return `Content reloaded: ${themes.length} themes, ${guides.length} guides, ${resources.length} resources.`;
  }
  const lines = result.errors.map((error) => `  ${error.file} ${error.field}: ${error.message}`);
  return `Content change refused (previous content stays live):\n${lines.join('\n')}`;
}
