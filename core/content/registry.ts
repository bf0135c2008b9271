import { loadContent, type ContentLoad } from './loader';
import type { ContentLibrary, ContentProblem, Guide, Theme } from './model';

/** Thrown at start-up when the content folder does not pass the check; lists every problem. */
export class ContentInvalidError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content is not valid (run npm run content:check):\n${problems
        .map((problem) => `  ${problem.file} ${problem.field}: ${problem.message}`)
        .join('\n')}`,
    );
    this.name = 'ContentInvalidError';
  }
}

/**
 * Holds the live content. A reload swaps in new content only when the whole folder passes the check; otherwise
 * the previous content stays live and the errors are returned.
 */
export class ContentRegistry {
  private library: ContentLibrary;

  private constructor(
    readonly dir: string,
    private readonly today: () => Date,
    library: ContentLibrary,
  ) {
    this.library = library;
  }

  /** Loads the folder; throws ContentInvalidError if it does not pass the check. */
  static open(dir: string, today: () => Date): ContentRegistry {
    const result = loadContent(dir, today());
    if (!result.ok) throw new ContentInvalidError(result.errors);
    return new ContentRegistry(dir, today, result.library);
  }

  /** The live content. */
  current(): ContentLibrary {
    return this.library;
  }

  /** Re-reads the folder; swaps it in only when valid. */
  reload(): ContentLoad {
    const result = loadContent(this.dir, this.today());
    if (result.ok) this.library = result.library;
    return result;
  }

  /** A guide by id. */
  guide(id: string): Guide | undefined {
    return this.library.guides.find((guide) => guide.id === id);
  }

  /** A theme by id. */
  theme(id: string): Theme | undefined {
    return this.library.themes.find((theme) => theme.id === id);
  }
}
