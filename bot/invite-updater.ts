import type { CircleStore } from '../core/circles/ports';
import type { OutboxStore } from '../core/outbox/ports';
import type { AdaptiveCard } from './cards/types';
import type { CardBuilder } from './outbox/worker';

/** At most one update per conversation per window: well inside Teams' 7/s and 60 per 30 s per conversation. */
export const INVITE_UPDATE_WINDOW_MS = 2000;

/**
 * Keeps posted invite cards' seat counts current through the outbox. A change enqueues one 'invite-update' row
 * per conversation the circle was posted in, keyed by conversation + circle (occurrence 'seats'), coalescing:
 * a burst of sign-ups becomes one update at most a window after the first, whichever instance took them, and
 * the worker that claims the row (only one can) builds the card from the bookings as they are then.
 */
export class InviteUpdater {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly circles: CircleStore,
    private readonly buildInvite: (circleId: string) => Promise<AdaptiveCard | undefined>,
    private readonly now: () => Date,
    private readonly kick: () => void,
    private readonly windowMs = INVITE_UPDATE_WINDOW_MS,
  ) {}

  /** Notes that a circle's bookings changed; its posted cards update once the window closes. */
  async schedule(circleId: string): Promise<void> {
    const conversations = new Set((await this.circles.posts(circleId)).map((post) => post.conversationId));
    if (conversations.size === 0) return;
    const dueAt = new Date(this.now().getTime() + this.windowMs);
    await this.outbox.enqueue(
      [...conversations].map((conversationId) => ({
        kind: 'invite-update' as const,
        conversationId,
        subject: circleId,
        occurrence: 'seats',
        dueAt,
        payload: { circleId },
      })),
      { coalesce: true },
    );
    this.kick();
  }

  /** The outbox card builder for 'invite-update': the invite as it is now, for each post in the conversation. */
  readonly builder: CardBuilder = async (row) => {
    const circleId = row.subject;
    const posts = (await this.circles.posts(circleId)).filter(
      (post) => post.conversationId === row.conversationId,
    );
    const card = posts.length === 0 ? undefined : await this.buildInvite(circleId);
    if (!card) return undefined;
    return { card, updateActivityIds: posts.map((post) => post.activityId) };
  };
}
