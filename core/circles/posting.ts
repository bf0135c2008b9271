import { ErrorCodes, fail, succeed, type Outcome } from '../errors';
import { mayManageCircle, type Role } from '../identity';
import type { ConversationScope } from '../ports';
import { stillOpen, type Circle } from './circle';
import type { CirclePost } from './ports';

/** What decides whether a circle's invite card may be posted in a conversation. */
export interface InvitePostRequest {
  /** The circle, with its co-facilitators' ids where the caller read them (absent means none). */
  circle: Circle & { coFacilitatorIds?: readonly string[] };
  /** The verified caller and their roles. */
  posterId: string;
  posterRoles: readonly Role[];
  conversationId: string;
  /** The stored conversation with that id, if the app is there. */
  conversation: { scope: ConversationScope } | undefined;
  /** Where the circle's invite is already posted. */
  posts: readonly CirclePost[];
  now: Date;
}

/**
 * Whether an invite card may be posted: only by the circle's facilitator or a co-facilitator (who still holds the role) or an admin, only in a channel where
 * the app is installed, only for a scheduled circle that has not started, and once per channel.
 */
export function decideInvitePost(request: InvitePostRequest): Outcome<void> {
  const { circle, posterId, posterRoles, conversationId, conversation, posts, now } = request;
  if (!mayManageCircle(circle, posterId, posterRoles)) {
    return fail(
      ErrorCodes.FORBIDDEN,
      "Only this circle's facilitator or a programme lead can post its invite.",
    );
  }
  if (conversation?.scope !== 'channel') {
    return fail(ErrorCodes.NOT_FOUND, 'The app is not in that channel, so it cannot post there.');
  }
  const open = stillOpen(
    circle,
    now,
    'This circle has already started, so its invite can no longer be posted.',
  );
  if (!open.ok) return open;
  if (posts.some((post) => post.conversationId === conversationId)) {
    return fail(ErrorCodes.ALREADY_POSTED, "This circle's invite is already posted in that channel.");
  }
  return succeed(undefined);
}
