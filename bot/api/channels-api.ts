import type { Request, Response } from 'restify';
import { z } from 'zod';
import { decideInvitePost } from '../../core/circles/posting';
import { ErrorCodes, fail } from '../../core/errors';
import type { Stores, Telemetry } from '../../core/ports';
import type { AdaptiveCard } from '../cards/types';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import type { Notifier } from '../notifier';
import type { TabApi } from './tab-api';

/** What a channel is called when Teams has not told us its team and channel names. */
export const UNKNOWN_CHANNEL_TITLE = 'Team channel';

const CircleIdSchema = z.string().uuid('must be a circle id');

const PostInviteSchema = z.object({ conversationId: z.string().trim().min(1).max(512) }).strict();

/**
 * The Teams channels the app is installed in, and posting a circle's invite card there from the tab. Only
 * facilitators and admins see the channels; only the circle's facilitator or an admin may post its invite.
 */
export class ChannelsApi {
  /** Posts under way (circle and conversation), so a double click cannot post twice. */
  private readonly posting = new Set<string>();

  constructor(
    private readonly stores: Stores,
    private readonly tabApi: TabApi,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    private readonly inviteCard: (circleId: string) => Promise<AdaptiveCard | undefined>,
    private readonly poster: Pick<Notifier, 'sendToConversation'>,
  ) {}

  /** GET /api/channels (facilitators and admins): channels with the app, most recently active first. */
  async list(req: Request, res: Response): Promise<void> {
    const allowed = await this.tabApi.authorise(
      req,
      res,
      ['facilitator', 'admin'],
      'Only facilitators and programme leads can post to channels.',
    );
    if (!allowed) return;
    const channels = await this.stores.conversations.listChannels();
    res.send(200, {
      channels: channels.map((channel) => ({
        conversationId: channel.conversationId,
        teamId: channel.teamId ?? null,
        title: channel.title ?? UNKNOWN_CHANNEL_TITLE,
      })),
    });
  }

  /**
   * POST /api/circles/:id/posts {"conversationId"} (the circle's facilitator or an admin): posts the circle's
   * invite card in a channel and remembers it, so the seat count on it stays current.
   */
  async postInvite(req: Request, res: Response): Promise<void> {
    const caller = await this.tabApi.authenticate(req, res);
    if (!caller) return;
    const id = validate(CircleIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id, id.problems);
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const input = validate(PostInviteSchema, body.value);
    if (!input.ok) return sendFailure(res, input, input.problems);
    const { conversationId } = input.value;
    const circle = await this.stores.circles.get(id.value);
    if (!circle) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such circle.'));
    const decision = decideInvitePost({
      circle,
      posterId: caller.userId,
      posterRoles: await this.tabApi.rolesOf(caller),
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
      res.send(201, { conversationId, activityId: sent.activityId });
    } finally {
      this.posting.delete(key);
    }
  }
}
