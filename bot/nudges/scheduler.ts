import type { ContentLibrary, Guide } from '../../core/content/model';
import {
  chooseGuide,
  dueSlot,
  slotOfWeek,
  type NudgeCatalogue,
  type NudgeSlot,
} from '../../core/nudges/planner';
import type { NudgeSubscriber } from '../../core/nudges/ports';
import type { OutboxItem } from '../../core/outbox/ports';
import type { Stores, Telemetry } from '../../core/ports';
import { guideCard, type CardLinks } from '../cards/cards';
import type { CardBuilder } from '../outbox/worker';

/** The outbox subject of every weekly nudge: with the ISO week as occurrence, one nudge per person per week. */
export const WEEKLY_SUBJECT = 'weekly';

/** How many subscribers the scheduler reads at once. */
const PAGE = 500;

/** The guides nudges rotate through: guides for managers, by theme in plan order. */
export function nudgeCatalogue(library: ContentLibrary): NudgeCatalogue {
  return {
    themeIds: library.themes.map((theme) => theme.id),
    guides: library.guides
      .filter((guide) => guide.audiences.includes('manager'))
      .map((guide) => ({ id: guide.id, themeId: guide.themeId })),
  };
}

/** What one pass of the scheduler did (counts only, for telemetry and the admin route). */
export interface NudgeRun {
  /** People whose nudge for the week was queued in this pass. */
  queued: number;
  /** Due people the bot has no 1:1 chat with (they turned nudges on in the tab but never chatted). */
  unreachable: number;
}

/**
 * Queues weekly nudges: on every tick, each person with nudges on whose local day and time has just passed (see
 * core/nudges/planner.ts) gets the week's guide queued in the outbox, keyed by their 1:1 conversation and the ISO
 * week, so any number of instances ticking at once queue it once. The guide is recorded per week (first record
 * wins) after the row is queued, so a crash in between queues the same guide again, which is a no-op.
 */
export class NudgeScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly stores: Stores,
    private readonly library: () => ContentLibrary,
    private readonly now: () => Date,
    private readonly kick: () => void,
    private readonly telemetry: Telemetry,
    /** Other timed work on the same tick (feedback cards after circles). */
    private readonly alsoOnTick: (now: Date) => Promise<unknown> = () => Promise.resolve(),
  ) {}

  /** Ticks every `intervalMs` (the timer never keeps the process alive); a tick still running is not overlapped. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.telemetry.exception(error, { operation: 'nudges.tick' }))
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Queues the nudges due at `now` (each at its slot's time), then the tick's other timed work. */
  async tick(now = this.now()): Promise<NudgeRun> {
    const run = await this.forEachSubscriber(now, (subscriber) => dueSlot(subscriber.settings, now));
    await this.alsoOnTick(now);
    return run;
  }

  /**
   * A programme lead's "send this week's nudges now": everyone with nudges on who has not had this week's nudge
   * (their own ISO week, in their zone) gets it now instead of at their day and time. Still once per week.
   */
  async runThisWeek(now = this.now()): Promise<NudgeRun> {
    return this.forEachSubscriber(now, (subscriber) => ({
      ...slotOfWeek(subscriber.settings, now),
      at: now,
    }));
  }

  private async forEachSubscriber(
    now: Date,
    slotOf: (subscriber: NudgeSubscriber) => NudgeSlot | undefined,
  ): Promise<NudgeRun> {
    const run: NudgeRun = { queued: 0, unreachable: 0 };
    const catalogue = nudgeCatalogue(this.library());
    let after: string | undefined;
    for (;;) {
      const page = await this.stores.nudges.listEnabled(after, PAGE);
      for (const subscriber of page) {
        const slot = slotOf(subscriber);
        if (slot) await this.queue(subscriber.userId, slot, catalogue, now, run);
      }
      if (page.length < PAGE) break;
      after = page.at(-1)?.userId;
    }
    if (run.queued > 0) {
      this.telemetry.event('nudges.queued', { ...run });
      this.kick();
    }
    return run;
  }

  private async queue(
    userId: string,
    slot: NudgeSlot,
    catalogue: NudgeCatalogue,
    now: Date,
    run: NudgeRun,
  ): Promise<void> {
    const history = await this.stores.nudges.history(userId);
    if (history.some((planned) => planned.week === slot.week)) return;
    const conversation = await this.stores.conversations.findPersonal(userId);
    if (!conversation) {
      run.unreachable += 1;
      return;
    }
    const guideId = chooseGuide(catalogue, history);
    if (!guideId) return;
    const item: OutboxItem = {
      kind: 'nudge',
      conversationId: conversation.conversationId,
      subject: WEEKLY_SUBJECT,
      occurrence: slot.week,
      dueAt: slot.at,
      payload: { guideId },
    };
    await this.stores.outbox.enqueue([item]);
    await this.stores.nudges.recordWeek(userId, slot.week, guideId, now);
    run.queued += 1;
  }
}

/**
 * The outbox card builder for 'nudge' and 'broadcast': the guide card as it is now, marked as the week's guide,
 * with "Was this helpful?" and "Stop nudges". Nothing to send when the guide has been withdrawn.
 */
export function guideNudgeBuilder(library: () => ContentLibrary, links: CardLinks): CardBuilder {
  return (row) => {
    const { guideId } = row.payload;
    const content = library();
    const guide: Guide | undefined = content.guides.find((candidate) => candidate.id === guideId);
    const theme = guide && content.themes.find((candidate) => candidate.id === guide.themeId);
    if (!guide || !theme) return Promise.resolve(undefined);
    return Promise.resolve({
      card: guideCard({ guide, theme, alternatives: [], feedback: 'ask', nudge: true }, links),
    });
  };
}
