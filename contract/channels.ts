import { z } from 'zod';
import { defineRoute } from './route';

/** A Teams channel where the app is installed. */
export const ChannelSchema = z.object({
  conversationId: z.string(),
  teamId: z.string().nullable(),
  title: z.string(),
});

/** The body of POST /api/circles/:id/posts. */
export const PostInviteRequestSchema = z
  .object({ conversationId: z.string().trim().min(1).max(512) })
  .strict();

/** Channels with the app, and posting a circle's invite card there. */
export const channelRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/channels',
    operationId: 'channels',
    tag: 'channels',
    summary: 'Channels with the app, most recently active first (facilitators and admins).',
    access: {
      kind: 'role',
      roles: ['facilitator', 'admin'],
      refusal: 'Only facilitators and programme leads can post to channels.',
    },
    responses: {
      200: { description: 'The channels.', schema: z.object({ channels: z.array(ChannelSchema) }) },
    },
    errors: [],
  }),
  postInvite: defineRoute({
    method: 'POST',
    path: '/api/circles/:id/posts',
    operationId: 'postInvite',
    tag: 'channels',
    summary: "Posts the circle's invite card in a channel (the circle's facilitator or an admin).",
    access: { kind: 'signedIn' },
    params: z.object({ id: z.string().uuid('must be a circle id') }),
    body: PostInviteRequestSchema,
    responses: {
      201: {
        description: 'Posted; the seat count on the card stays current.',
        schema: z.object({ conversationId: z.string(), activityId: z.string() }),
      },
    },
    errors: [
      'NOT_FOUND',
      'FORBIDDEN',
      'ALREADY_POSTED',
      'CIRCLE_CANCELLED',
      'CIRCLE_STARTED',
      'VALIDATION_FAILED',
      'DELIVERY_FAILED',
    ],
  }),
} as const;

/** A channel where the app is installed. */
export type Channel = z.infer<typeof ChannelSchema>;
