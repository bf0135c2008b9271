import type { ConversationRecord, ConversationScope } from '../../core/ports';

/** A conversations row as SQLite returns it. */
export interface ConversationRow {
  conversation_id: string;
  scope: ConversationScope;
  channel_id: string;
  service_url: string;
  tenant_id: string | null;
  bot_id: string;
  user_id: string | null;
  user_aad_object_id: string | null;
  team_id: string | null;
  title: string | null;
  updated_at: string;
}

/** A conversations row as the port's record. */
export function toConversationRecord(row: ConversationRow): ConversationRecord {
  return {
    conversationId: row.conversation_id,
    scope: row.scope,
    channelId: row.channel_id,
    serviceUrl: row.service_url,
    tenantId: row.tenant_id ?? undefined,
    botId: row.bot_id,
    userId: row.user_id ?? undefined,
    userAadObjectId: row.user_aad_object_id ?? undefined,
    teamId: row.team_id ?? undefined,
    ...(row.title === null ? {} : { title: row.title }),
    updatedAt: row.updated_at,
  };
}
