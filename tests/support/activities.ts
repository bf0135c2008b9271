import { randomUUID } from 'node:crypto';

/** A bot id, as Teams puts it on activities. */
export const BOT_ID = '28:bot-app-id';
/** A user's Entra object id in tests. */
export const USER_AAD_ID = '00000000-0000-0000-0000-0000000000aa';

/** Options for an inbound Teams activity. */
export interface ActivityOptions {
  serviceUrl: string;
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  text?: string;
  teamId?: string;
  entities?: unknown[];
  /** The sender's Entra object id (default USER_AAD_ID). */
  aadObjectId?: string;
}

function base(type: string, options: ActivityOptions): Record<string, unknown> {
  const conversationType = options.conversationType ?? 'personal';
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: '29:user-1', name: 'Test Manager', aadObjectId: options.aadObjectId ?? USER_AAD_ID },
    recipient: { id: BOT_ID, name: 'Leading Compassionately' },
    conversation: {
      id: options.conversationId ?? `a:${conversationType}-conversation`,
      conversationType,
      tenantId: 'tenant-1',
      ...(conversationType === 'personal' ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: 'tenant-1' },
      ...(options.teamId ? { team: { id: options.teamId } } : {}),
    },
  };
}

/** A message from a person to the bot. */
export function messageActivity(options: ActivityOptions): Record<string, unknown> {
  return { ...base('message', options), text: options.text ?? 'help', entities: options.entities ?? [] };
}

/** Teams' "bot added" update. */
export function botAddedActivity(options: ActivityOptions): Record<string, unknown> {
  return { ...base('conversationUpdate', options), membersAdded: [{ id: BOT_ID }] };
}

/** Teams' "app uninstalled" update. */
export function uninstallActivity(options: ActivityOptions): Record<string, unknown> {
  return { ...base('installationUpdate', options), action: 'remove' };
}

/** A Universal Action click: the adaptiveCard/action invoke Teams sends for Action.Execute. */
export function cardActionActivity(
  options: ActivityOptions,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...base('invoke', options),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}
