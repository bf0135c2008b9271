import type { CloudAdapter } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { CircleStore } from '../core/circles/ports';
import type { ConversationStore, Telemetry } from '../core/ports';
import type { AdaptiveCard } from './cards/types';

/** At most one update per conversation per window: well inside Teams' 7/s and 60 per 30 s per conversation. */
export const INVITE_UPDATE_WINDOW_MS = 2000;

/**
 * Keeps posted invite cards' seat counts current. Changes are coalesced per conversation: a burst of sign-ups
 * becomes one card update at the end of the window, not one per click.
 */
export class InviteUpdater {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; circleIds: Set<string> }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationStore,
    private readonly circles: CircleStore,
    private readonly buildInvite: (circleId: string) => Promise<AdaptiveCard | undefined>,
    private readonly telemetry: Telemetry,
    private readonly windowMs = INVITE_UPDATE_WINDOW_MS,
  ) {}

  /** Notes that a circle's bookings changed; its posted cards update once the window closes. */
  async schedule(circleId: string): Promise<void> {
    for (const post of await this.circles.posts(circleId)) {
      const entry = this.pending.get(post.conversationId);
      if (entry) {
        entry.circleIds.add(circleId);
        continue;
      }
      const timer = setTimeout(() => {
        void this.flush(post.conversationId);
      }, this.windowMs);
      this.pending.set(post.conversationId, { timer, circleIds: new Set([circleId]) });
    }
  }

  private async flush(conversationId: string): Promise<void> {
    const entry = this.pending.get(conversationId);
    this.pending.delete(conversationId);
    if (!entry) return;
    const record = await this.conversations.get(conversationId);
    if (!record) return;
    for (const circleId of entry.circleIds) {
      const card = await this.buildInvite(circleId);
      const posts = (await this.circles.posts(circleId)).filter(
        (post) => post.conversationId === conversationId,
      );
      if (!card || posts.length === 0) continue;
      let failure: unknown;
      await this.adapter.continueConversationAsync(
        this.botAppId,
        {
          channelId: record.channelId,
          serviceUrl: record.serviceUrl,
          bot: { id: record.botId, name: 'Leading Compassionately' },
          conversation: {
            id: record.conversationId,
            isGroup: true,
            conversationType: record.scope,
            tenantId: record.tenantId,
            name: '',
          },
        },
        async (context) => {
          for (const post of posts) {
            try {
              await context.updateActivity({
                type: 'message',
                id: post.activityId,
                attachments: [CardFactory.adaptiveCard(card)],
              });
            } catch (error) {
              failure = error;
            }
          }
        },
      );
      if (failure) this.telemetry.exception(failure, { operation: 'inviteUpdate' });
      else this.telemetry.event('circles.inviteUpdated', { circleId, posts: posts.length });
    }
  }

  /** Flushes everything now (used when stopping). */
  async close(): Promise<void> {
    const conversationIds = [...this.pending.keys()];
    for (const id of conversationIds) clearTimeout(this.pending.get(id)?.timer);
    for (const id of conversationIds) await this.flush(id);
  }
}
