import { pickByIds, type ContentLibrary } from '../content/model';
import { parseCommand, type Command } from './commands';
import { GuideSearch, type RankedGuide, type SearchSettings } from './search';
import { needsUrgentSupport } from '../safety';

/** What a message is about. */
export type Intent = 'guide' | 'plan' | 'circles' | 'nudges' | 'help' | 'urgent';

/** The bot's reading of a message: the intent, ranked guides (for guide questions) and any command. */
export interface AskResult {
  intent: Intent;
  /** Ranked guides when the intent is guide and the answer is confident; otherwise empty. */
  answers: RankedGuide[];
  command: Command | undefined;
  /** For guide questions: false when the bot is not sure and should not guess. */
  confident: boolean;
}

/** Answers questions for one version of the content (rebuilt when content reloads). */
export class Answerer {
  private readonly search: GuideSearch;

  constructor(
    readonly library: ContentLibrary,
    settings?: SearchSettings,
  ) {
    this.search = new GuideSearch(library, settings);
  }

  /** Urgent-support language first, then commands, then the guide search; below confidence, no guess. */
  ask(question: string): AskResult {
    if (needsUrgentSupport(question))
      return { intent: 'urgent', answers: [], command: undefined, confident: true };
    const command = parseCommand(question, this.library);
    if (command) {
      if (command.kind === 'theme' || command.kind === 'guide') {
        return { intent: 'guide', answers: this.commandAnswers(command), command, confident: true };
      }
      const intent = command.kind === 'myCircles' || command.kind === 'postCircle' ? 'circles' : command.kind;
      return { intent, answers: [], command, confident: true };
    }
    const ranking = this.search.search(question, 3);
    const confident = this.search.isConfident(ranking);
    return { intent: 'guide', answers: confident ? ranking.ranked : [], command: undefined, confident };
  }

  /** Ranked guides with their scores, whatever the confidence (for evaluation and tuning). */
  rank(question: string, limit = 3): RankedGuide[] {
    return this.search.rank(question, limit);
  }

  private commandAnswers(command: Extract<Command, { kind: 'theme' | 'guide' }>): RankedGuide[] {
    const guides =
      command.kind === 'guide'
        ? this.library.guides.filter((guide) => guide.id === command.guideId)
        : pickByIds(
            this.library.guides,
            this.library.themes.find((theme) => theme.id === command.themeId)?.guideIds ?? [],
          );
    return guides.map((guide) => ({
      guideId: guide.id,
      themeId: guide.themeId,
      title: guide.title,
      score: 1,
    }));
  }
}

/** Keeps an Answerer in step with live content: rebuilt only when the content is reloaded. */
export class LiveAnswerer {
  private cached: Answerer | undefined;

  constructor(private readonly library: () => ContentLibrary) {}

  /** The answerer for the content that is live now. */
  current(): Answerer {
    const library = this.library();
    if (this.cached?.library !== library) this.cached = new Answerer(library);
    return this.cached;
  }
}
