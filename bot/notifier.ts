import type { OutboxStore } from '../core/outbox/ports';
import type { ConversationStore, Telemetry } from '../core/ports';
import type { AdaptiveCard } from './cards/types';
import type { CircleNotices } from './circle-notices';
import { isHeldBack, type LimitedSender } from './outbox/sender';
import type { CardBuilder } from './outbox/worker';

/** How long a user-initiated post waits for room under Teams' limits before giving up. */
const POST_MAX_WAIT_MS = 5000;

/**
 * The outcome of posting a card in a stored conversation: the new activity's id, or why not. `unknown`: no such
 * stored conversation; `gone`: Teams answered 403/404 and the conversation was forgotten; `failed`: anything
 * else (with the HTTP status when there was one).
 */
export type ConversationSendResult =
  { ok: true; activityId: string } | { ok: false; reason: 'unknown' | 'gone' | 'failed'; status?: number };

/**
 * Proactive messages from the service. Booking confirmations and waitlist promotions go to the outbox (durable,
 * retried, within Teams' limits). A circle invite posted from the tab is user-initiated and its caller needs the
 * new activity id at once, so it goes straight through the limit-aware sender (one attempt, no outbox row).
 */
export class Notifier {
  constructor(
    private readonly sender: LimitedSender,
    private readonly outbox: OutboxStore,
    private readonly conversations: ConversationStore,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    private readonly kick: () => void,
  ) {}

  /** Queues a person's booking card (built when sent); false when the bot has no 1:1 chat with them. */
  async queueBookingNotice(
    circleId: string,
    userAadObjectId: string,
    reason: 'confirmed' | 'promoted',
  ): Promise<boolean> {
    const record = await this.conversations.findPersonal(userAadObjectId);
    if (!record) {
      this.telemetry.event('notify.unreachable', { reason: `circle-${reason}` });
      return false;
    }
    const now = this.now();
    await this.outbox.enqueue([
      {
        kind: 'booking-notice',
        conversationId: record.conversationId,
        subject: circleId,
        // Each booking change is its own message: a repeat of the same change at the same instant is one row.
        occurrence: `${reason}@${now.toISOString()}`,
        dueAt: now,
        payload: { circleId, userId: userAadObjectId, reason },
      },
    ]);
    this.kick();
    return true;
  }

  /** Posts a card as a new message in a stored conversation (a channel) and returns the new activity's id. */
  async sendToConversation(
    conversationId: string,
    content: AdaptiveCard,
    reason: string,
  ): Promise<ConversationSendResult> {
    const record = await this.conversations.get(conversationId);
    if (!record) {
      this.telemetry.event('notify.unreachable', { reason });
      return { ok: false, reason: 'unknown' };
    }
    const result = await this.sender.send(record, content, POST_MAX_WAIT_MS);
    if (isHeldBack(result)) {
      this.telemetry.event('notify.rateLimited', { reason });
      return { ok: false, reason: 'failed', status: 429 };
    }
    if (result.ok && result.activityId) {
      this.telemetry.event('notify.sent', { reason });
      return { ok: true, activityId: result.activityId };
    }
    if (result.ok) {
      this.telemetry.event('notify.noActivityId', { reason });
      return { ok: false, reason: 'failed' };
    }
    if (result.status === 403 || result.status === 404) {
      await this.conversations.remove(record.conversationId);
      await this.outbox.retireConversation(record.conversationId);
      this.telemetry.event('notify.gone', { reason, status: result.status });
      return { ok: false, reason: 'gone', status: result.status };
    }
    this.telemetry.event('notify.failed', { reason, status: String(result.status) });
    return { ok: false, reason: 'failed', ...(result.status === 'network' ? {} : { status: result.status }) };
  }
}

/** The outbox card builder for 'booking-notice': the private booking card as it is when sent. */
export function bookingNoticeBuilder(notices: CircleNotices): CardBuilder {
  return async (row) => {
    const { circleId, userId, reason } = row.payload;
    if (typeof circleId !== 'string' || typeof userId !== 'string') return undefined;
    const card = await notices.bookedCard(circleId, userId, reason === 'promoted' ? 'promoted' : 'confirmed');
    return card && { card };
  };
}
