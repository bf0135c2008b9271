import { hash } from 'node:crypto';
import { AUDIENCES, isFor, pickByIds, type Audience, type ContentLibrary } from '../content/model';
import { parseCommand, type Command } from './commands';
import { GuideSearch, type RankedGuide, type SearchSettings } from './search';
import { SafetyCheck, type RiskSubject, type Urgency } from '../safety';
import {
  asksAboutCombiningMedicines,
  isOffTopic,
  SCOPE_OURS,
  SCOPE_SURE,
  SCOPE_THRESHOLD,
  ScopeModel,
} from './off-topic';
import { LruCache } from '../lru';

/** What a message is about: 'offTopic' is something the bot cannot help with (pay, log-ins, doses, weather). */
export type Intent = 'guide' | 'plan' | 'circles' | 'nudges' | 'help' | 'urgent' | 'offTopic';

/** The bot's reading of a message: the intent, ranked guides (for guide questions) and any command. */
export interface AskResult {
  intent: Intent;
  /**
   * Ranked guides when the intent is guide and the answer is confident; for a check-in, the guides to offer
   * once the person says they are safe for now; otherwise empty.
   */
  answers: RankedGuide[];
  command: Command | undefined;
  /** For guide questions: false when the bot is not sure and should not guess. */
  confident: boolean;
  /** For urgent messages: how urgent, and whether it is about the writer or a colleague. */
  urgency?: Urgency;
  about?: RiskSubject;
}

/** Offered after a check-in when the message itself matched no guide: spotting distress, and the manager's own support. */
const CHECK_IN_FALLBACK: Record<RiskSubject, string> = {
  colleague: 'react-conversation',
  self: 'who-looks-after-the-manager',
};

/** How many recent readings an Answerer remembers (a few hundred kilobytes at most). */
/** The urgent-support answer for a message with a clear plan or intent: no guides. */
function immediate(about: RiskSubject): AskResult {
  return { intent: 'urgent', urgency: 'immediate', about, answers: [], command: undefined, confident: true };
}

export const ANSWER_CACHE_SIZE = 2000;

/** A reading the caller may change without touching the cached one. */
function copyOf(result: AskResult): AskResult {
  return {
    ...result,
    answers: result.answers.map((answer) => ({ ...answer })),
    command: result.command && { ...result.command },
  };
}

/**
 * Answers questions for one version of the content (rebuilt when content reloads). Reading a message is a pure
 * function of its text, the audiences and the content, so recent readings are remembered (bounded LRU) under a
 * digest of the text: the same message (a command, a greeting, a common question) is read once, and no message
 * text is held in memory.
 */
export class Answerer {
  private readonly search: GuideSearch;
  private readonly safety: SafetyCheck;
  private readonly scope: ScopeModel;
  private readonly readings = new LruCache<string, AskResult>(ANSWER_CACHE_SIZE);

  constructor(
    readonly library: ContentLibrary,
    settings?: SearchSettings,
  ) {
    this.search = new GuideSearch(library, settings);
    this.safety = SafetyCheck.fromLibrary(library);
    this.scope = new ScopeModel(library);
  }

  /**
   * Urgent-support language first (immediate, or a check-in that carries the guides to offer afterwards), then
   * commands, then questions the bot cannot help with, then the guide search; below confidence, no guess.
   * Only guides written for one of `audiences` are answered (every audience unless the caller narrows it).
   */
  ask(question: string, audiences: readonly Audience[] = AUDIENCES): AskResult {
    const key = `${audiences.join(',')}:${hash('sha256', question, 'base64')}`;
    const known = this.readings.get(key);
    if (known) return copyOf(known);
    const result = this.read(question, audiences);
    this.readings.set(key, copyOf(result));
    return result;
  }

  private read(question: string, audiences: readonly Audience[]): AskResult {
    const risk = this.safety.assess(question);
    if (risk.urgency === 'immediate') return immediate(risk.about);
    if (risk.urgency === 'check-in') return this.checkIn(question, risk.about, audiences);
    return this.answer(question, audiences);
  }

  /** The reading of a message with no safety language: commands, off-topic, then the guide search. */
  private answer(question: string, audiences: readonly Audience[]): AskResult {
    const command = parseCommand(question, this.library);
    // "how does it work" asks about the named topic, not the bot, when that topic is one we cannot help with.
    if (command?.kind === 'help' && isOffTopic(question))
      return { intent: 'offTopic', answers: [], command: undefined, confident: true };
    if (command) {
      if (command.kind === 'theme' || command.kind === 'guide') {
        return {
          intent: 'guide',
          answers: this.commandAnswers(command, audiences),
          command,
          confident: true,
        };
      }
      const intent = command.kind === 'myCircles' || command.kind === 'postCircle' ? 'circles' : command.kind;
      return { intent, answers: [], command, confident: true };
    }
    const declined: AskResult = { intent: 'offTopic', answers: [], command: undefined, confident: true };
    // A topic the patterns name, or a clear lean of the scope model, is declined whatever the safety model reads,
    // unless the scope model itself reads the message as clearly ours (a pattern matched one word of it); a less
    // clear lean only after the safety model has passed it.
    const lean = this.scope.lean(question);
    const second = this.safety.secondLook(question);
    if (lean >= SCOPE_SURE && !(second.urgency && this.keptFromDecline(question))) return declined;
    if (second.urgency === 'immediate') return immediate(second.about);
    if (second.urgency) return this.checkIn(question, second.about, audiences);
    if (lean >= SCOPE_THRESHOLD) return declined;
    const ranking = this.search.search(question, 3, audiences);
    const confident = this.search.isConfident(ranking);
    return { intent: 'guide', answers: confident ? ranking.ranked : [], command: undefined, confident };
  }

  /**
   * Whether a message the safety model flagged, which a pattern or a clear lean would decline, is kept for the
   * check-in: the model reads clear risk, the scope model reads the message as clearly ours, and it is not a
   * pharmacy question. Asked only for those messages, never on the ordinary path.
   */
  private keptFromDecline(question: string): boolean {
    return (
      this.safety.readsClearRisk(question) &&
      this.scope.modelLean(question) < SCOPE_OURS &&
      !asksAboutCombiningMedicines(question)
    );
  }

  /** A check-in, carrying the guides the question would have had (or a fallback) to offer once the person is safe. */
  private checkIn(question: string, about: RiskSubject, audiences: readonly Audience[]): AskResult {
    const ranking = this.search.search(question, 3, audiences);
    const answers = this.search.isConfident(ranking) ? ranking.ranked : this.fallbackFor(about);
    return { intent: 'urgent', urgency: 'check-in', about, answers, command: undefined, confident: true };
  }

  private fallbackFor(about: RiskSubject): RankedGuide[] {
    const guide = this.library.guides.find((candidate) => candidate.id === CHECK_IN_FALLBACK[about]);
    return guide ? [{ guideId: guide.id, themeId: guide.themeId, title: guide.title, score: 0 }] : [];
  }

  /** Ranked guides with their scores, whatever the confidence (for evaluation and tuning). */
  rank(question: string, limit = 3, audiences: readonly Audience[] = AUDIENCES): RankedGuide[] {
    return this.search.rank(question, limit, audiences);
  }

  /** A named guide is always shown; a theme lists its guides for the caller's audiences. */
  private commandAnswers(
    command: Extract<Command, { kind: 'theme' | 'guide' }>,
    audiences: readonly Audience[],
  ): RankedGuide[] {
    const guides =
      command.kind === 'guide'
        ? this.library.guides.filter((guide) => guide.id === command.guideId)
        : pickByIds(
            this.library.guides,
            this.library.themes.find((theme) => theme.id === command.themeId)?.guideIds ?? [],
          ).filter((guide) => isFor(guide, audiences));
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
