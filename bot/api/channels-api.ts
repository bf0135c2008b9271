import type { channelRoutes } from '../../contract/channels';
import { decideInvitePost } from '../../core/circles/posting';
import { ErrorCodes, fail } from '../../core/errors';
import type { Stores, Telemetry } from '../../core/ports';
import type { AdaptiveCard } from '../cards/types';
import { sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';
import type { Notifier } from '../notifier';

type Routes = typeof channelRoutes;

/** What a channel is called when Teams has not told us its team and channel names. */
export const UNKNOWN_CHANNEL_TITLE = 'Team channel';

/**
 * The Teams channels the app is installed in, and posting a circle's invite card there from the tab. Only
 * facilitators and admins see the channels; only the circle's facilitator or an admin may post its invite.
 */
export class ChannelsApi {
  /** Posts under way (circle and conversation), so a double click cannot post twice. */
  private readonly posting = new Set<string>();

  constructor(
    private readonly stores: Stores,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    private readonly inviteCard: (circleId: string) => Promise<AdaptiveCard | undefined>,
    private readonly poster: Pick<Notifier, 'sendToConversation'>,
  ) {}

  /** GET /api/channels (facilitators and admins): channels with the app, most recently active first. */
  async list({ send }: RouteContext<Routes['list']>): Promise<void> {
    const channels = await this.stores.conversations.listChannels();
    send(200, {
      channels: channels.map((channel) => ({
        conversationId: channel.conversationId,
        teamId: channel.teamId ?? null,
        title: channel.title ?? UNKNOWN_CHANNEL_TITLE,
      })),
    });
  }

  /**
   * POST /api/circles/:id/posts {"conversationId"} (the circle's facilitator, a co-facilitator or an admin): posts the circle's
   * invite card in a channel and remembers it, so the seat count on it stays current.
   */
  async postInvite({ res, who, params, body, send }: RouteContext<Routes['postInvite']>): Promise<void> {
    const { conversationId } = body;
    const circle = await this.stores.circles.get(params.id);
    if (!circle) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such circle.'));
    const decision = decideInvitePost({
      // Co-facilitators may post its invite too (while they hold the facilitator role).
      circle: { ...circle, coFacilitatorIds: await this.stores.circles.coFacilitators(circle.id) },
      posterId: who.caller.userId,
      posterRoles: who.roles,
      conversationId,
      conversation: await this.stores.conversations.get(conversationId),
      posts: await this.stores.circles.posts(circle.id),
      now: this.now(),
    });
    if (!decision.ok) return sendFailure(res, decision);
    const key = JSON.stringify([circle.id, conversationId]);
    if (this.posting.has(key)) {
      return sendFailure(
        res,
        fail(ErrorCodes.ALREADY_POSTED, "This circle's invite is already being posted in that channel."),
      );
    }
    this.posting.add(key);
    try {
      const card = await this.inviteCard(circle.id);
      if (!card) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such circle.'));
      const sent = await this.poster.sendToConversation(conversationId, card, 'circleInvite');
      if (!sent.ok) {
        this.telemetry.event('circles.postFailed', { circleId: circle.id, reason: sent.reason });
        return sendFailure(
          res,
          sent.reason === 'failed'
            ? fail(ErrorCodes.DELIVERY_FAILED, 'Teams did not accept the invite; try again in a moment.')
            : fail(ErrorCodes.NOT_FOUND, 'The app is no longer in that channel, so it cannot post there.'),
        );
      }
      await this.stores.circles.recordPost(
        { circleId: circle.id, conversationId, activityId: sent.activityId },
        this.now(),
      );
      this.telemetry.event('circles.posted', { circleId: circle.id, via: 'tab' });
      send(201, { conversationId, activityId: sent.activityId });
    } finally {
      this.posting.delete(key);
    }
  }
}
