import type { ConversationRecord, ConversationScope } from '../core/ports';
import type { ManagerProfile, Region } from '../core/profiles/profile';

/**
 * Rows as both stores read them, and their mapping to the ports' records: one definition per table, so the SQLite
 * and PostgreSQL adapters cannot drift apart. SQLite returns times as ISO text, pg as Date.
 */

/** A conversations row; `updated_at` is ISO text from SQLite and a Date from pg. */
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
  updated_at: string | Date;
}

/** The conversations columns, in the order the adapters read and write them. */
export const CONVERSATION_COLUMNS = `conversation_id, scope, channel_id, service_url, tenant_id, bot_id, user_id,
  user_aad_object_id, team_id, title, updated_at`;

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
    updatedAt: typeof row.updated_at === 'string' ? row.updated_at : row.updated_at.toISOString(),
  };
}

/** A manager_profiles row. */
export interface ProfileRow {
  user_id: string;
  organisation_name: string;
  ods_code: string | null;
  region: string;
}

/** A manager_profiles row as the port's profile. */
export function toProfile(row: ProfileRow): ManagerProfile {
  return {
    userId: row.user_id,
    organisationName: row.organisation_name,
    odsCode: row.ods_code ?? undefined,
    region: row.region as Region,
  };
}
