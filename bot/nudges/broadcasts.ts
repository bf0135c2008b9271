import { randomUUID } from 'node:crypto';
import { ErrorCodes, fail, succeed, type Outcome } from '../../core/errors';
import type { OutboxItem } from '../../core/outbox/ports';
import type { Stores, Telemetry } from '../../core/ports';

/** A broadcast's delivery report: rows by state (`pending` counts rows waiting and rows in flight). */
export interface BroadcastReport {
  id: string;
  total: number;
  sent: number;
  failed: number;
  retired: number;
  pending: number;
}

/** How many people a broadcast reads and queues at once. */
const PAGE = 500;

/**
 * A programme lead's broadcast: one guide card, 1:1, to everyone with nudges on, through the outbox (kind
 * 'broadcast', subject the broadcast's id, one row per conversation). Its report is the outbox's counts.
 */
export class Broadcasts {
  constructor(
    private readonly stores: Stores,
    private readonly now: () => Date,
    private readonly kick: () => void,
    private readonly telemetry: Telemetry,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Queues the guide for everyone with nudges on whom the bot can reach 1:1; NO_RECIPIENTS when nobody. */
  async send(guideId: string): Promise<Outcome<{ id: string; total: number }>> {
    const id = this.newId();
    const now = this.now();
    let total = 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.stores.nudges.listEnabled(after, PAGE);
      const items: OutboxItem[] = [];
      for (const subscriber of page) {
        const conversation = await this.stores.conversations.findPersonal(subscriber.userId);
        if (!conversation) continue;
        items.push({
          kind: 'broadcast',
          conversationId: conversation.conversationId,
          subject: id,
          occurrence: 'once',
          dueAt: now,
          payload: { guideId },
        });
      }
      if (items.length > 0) {
        total += await this.stores.outbox.enqueue(items);
        this.kick();
      }
      if (page.length < PAGE) break;
      after = page.at(-1)?.userId;
    }
    if (total === 0) {
      return fail(ErrorCodes.NO_RECIPIENTS, 'Nobody with nudges on can be reached in Teams yet.');
    }
    this.telemetry.event('broadcast.queued', { guideId, total });
    return succeed({ id, total });
  }

  /** The broadcast's delivery report, or undefined when there is no such broadcast. */
  async report(id: string): Promise<BroadcastReport | undefined> {
    const stats = await this.stores.outbox.stats({ kind: 'broadcast', subject: id });
    if (stats.total === 0) return undefined;
    return {
      id,
      total: stats.total,
      sent: stats.sent,
      failed: stats.failed,
      retired: stats.retired,
      pending: stats.pending + stats.sending,
    };
  }

  /** Sends again to the broadcast's failed recipients only; returns how many were queued again. */
  async resendFailed(id: string): Promise<number> {
    const requeued = await this.stores.outbox.requeueFailed('broadcast', id, this.now());
    if (requeued > 0) this.kick();
    this.telemetry.event('broadcast.resent', { requeued });
    return requeued;
  }
}
