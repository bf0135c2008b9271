import { Answerer, LiveAnswerer, type AskResult } from '../../core/answering/ask';
import type { ContentLibrary } from '../../core/content/model';
import type { RiskSubject, Urgency } from '../../core/safety';

/** How a scripted message is read: an urgency level with whom it is about and the guides to offer, or off-topic. */
export type ScriptedReading =
  { urgency: Urgency; about: RiskSubject; offer?: readonly string[] } | { offTopic: true };

/**
 * A test double for the safety and off-topic detection, which is being rewritten elsewhere: a message that
 * matches a script exactly gets the scripted reading; every other message is read by the real Answerer. Replace
 * with real messages once detection gives check-in and off-topic readings.
 */
export class ScriptedAnswerer extends Answerer {
  constructor(
    library: ContentLibrary,
    private readonly scripts: ReadonlyMap<string, ScriptedReading>,
  ) {
    super(library);
  }

  override ask(question: string): AskResult {
    const reading = this.scripts.get(question.trim());
    if (!reading) return super.ask(question);
    if ('offTopic' in reading)
      return { intent: 'offTopic', answers: [], command: undefined, confident: true };
    const answers =
      reading.urgency === 'immediate'
        ? []
        : (reading.offer ?? []).map((id) => {
            const guide = this.library.guides.find((candidate) => candidate.id === id);
            if (!guide) throw new Error(`Scripted guide ${id} is not in the content.`);
            return { guideId: guide.id, themeId: guide.themeId, title: guide.title, score: 0 };
          });
    return {
      intent: 'urgent',
      urgency: reading.urgency,
      about: reading.about,
      answers,
      command: undefined,
      confident: true,
    };
  }
}

/** A LiveAnswerer that builds ScriptedAnswerers over the live content, for ServiceOverrides.answerer. */
export class ScriptedLiveAnswerer extends LiveAnswerer {
  private scripted: ScriptedAnswerer | undefined;

  constructor(
    private readonly live: () => ContentLibrary,
    private readonly scripts: ReadonlyMap<string, ScriptedReading>,
  ) {
    super(live);
  }

  override current(): Answerer {
    const library = this.live();
    if (this.scripted?.library !== library) this.scripted = new ScriptedAnswerer(library, this.scripts);
    return this.scripted;
  }
}

/** The service override that reads these scripted messages as scripted, and every other message for real. */
export function scriptedAnswerer(
  scripts: Record<string, ScriptedReading>,
): (library: () => ContentLibrary) => LiveAnswerer {
  const map = new Map(Object.entries(scripts));
  return (library) => new ScriptedLiveAnswerer(library, map);
}
