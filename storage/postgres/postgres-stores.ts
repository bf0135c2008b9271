import type { Pool } from 'pg';
import type { GrantedRole } from '../../core/identity';
import type {
  ConversationRecord,
  ConversationScope,
  ConversationStore,
  FeedbackStore,
  RoleStore,
  StoreHealth,
  Stores,
  UnansweredQuestion,
  UnansweredStore,
} from '../../core/ports';
import { createPool, describeTarget, endPool, type PostgresConnectionOptions } from './connection';
import { applyPostgresMigrations } from './database';
import { messageOf, PostgresStoreError, PostgresStoreErrorCodes } from './errors';
import { PostgresCircleStore, PostgresFacilitatorStore } from './postgres-circles';
import { PostgresOutboxStore } from './postgres-outbox';

interface ConversationRow {
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
  updated_at: Date;
}

const CONVERSATION_COLUMNS = `conversation_id, scope, channel_id, service_url, tenant_id, bot_id, user_id,
  user_aad_object_id, team_id, title, updated_at`;

function toRecord(row: ConversationRow): ConversationRecord {
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
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Conversation references in PostgreSQL. */
export class PostgresConversationStore implements ConversationStore {
  constructor(private readonly pool: Pool) {}

  async save(record: ConversationRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversations (${CONVERSATION_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (conversation_id) DO UPDATE SET scope = EXCLUDED.scope, channel_id = EXCLUDED.channel_id,
         service_url = EXCLUDED.service_url, tenant_id = EXCLUDED.tenant_id, bot_id = EXCLUDED.bot_id,
         user_id = EXCLUDED.user_id, user_aad_object_id = EXCLUDED.user_aad_object_id, team_id = EXCLUDED.team_id,
         title = COALESCE(EXCLUDED.title, conversations.title), updated_at = EXCLUDED.updated_at`,
      [
        record.conversationId,
        record.scope,
        record.channelId,
        record.serviceUrl,
        record.tenantId ?? null,
        record.botId,
        record.userId ?? null,
        record.userAadObjectId ?? null,
        record.teamId ?? null,
        record.title ?? null,
        record.updatedAt,
      ],
    );
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    const result = await this.pool.query<ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE conversation_id = $1`,
      [conversationId],
    );
    const row = result.rows[0];
    return row && toRecord(row);
  }

  async findPersonal(userAadObjectId: string): Promise<ConversationRecord | undefined> {
    const result = await this.pool.query<ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE scope = 'personal' AND user_aad_object_id = $1
       ORDER BY updated_at DESC LIMIT 1`,
      [userAadObjectId],
    );
    const row = result.rows[0];
    return row && toRecord(row);
  }

  async remove(conversationId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM conversations WHERE conversation_id = $1', [
      conversationId,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async removeTeam(teamId: string): Promise<number> {
    const result = await this.pool.query('DELETE FROM conversations WHERE team_id = $1', [teamId]);
    return result.rowCount ?? 0;
  }

  async listChannels(): Promise<ConversationRecord[]> {
    const result = await this.pool.query<ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE scope = 'channel'
       ORDER BY updated_at DESC, conversation_id COLLATE "C"`,
    );
    return result.rows.map(toRecord);
  }
}

/** Granted roles in PostgreSQL. */
export class PostgresRoleStore implements RoleStore {
  constructor(private readonly pool: Pool) {}

  async rolesOf(userId: string): Promise<GrantedRole[]> {
    const result = await this.pool.query<{ role: GrantedRole }>(
      'SELECT role FROM role_grants WHERE user_id = $1 ORDER BY role COLLATE "C"',
      [userId],
    );
    return result.rows.map((row) => row.role);
  }

  async grant(userId: string, role: GrantedRole, at: Date): Promise<void> {
    await this.pool.query(
      'INSERT INTO role_grants (user_id, role, granted_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, role) DO NOTHING',
      [userId, role, at.toISOString()],
    );
  }

  async revoke(userId: string, role: GrantedRole): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM role_grants WHERE user_id = $1 AND role = $2', [
      userId,
      role,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async holdersOf(role: GrantedRole): Promise<string[]> {
    const result = await this.pool.query<{ user_id: string }>(
      'SELECT user_id FROM role_grants WHERE role = $1 ORDER BY granted_at, user_id COLLATE "C"',
      [role],
    );
    return result.rows.map((row) => row.user_id);
  }
}

/** Guide votes in PostgreSQL; the action id makes a retried vote count once. */
export class PostgresFeedbackStore implements FeedbackStore {
  constructor(private readonly pool: Pool) {}

  async recordGuideFeedback(vote: {
    guideId: string;
    helpful: boolean;
    actionId: string;
    at: Date;
  }): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO guide_feedback (action_id, guide_id, helpful, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (action_id) DO NOTHING`,
      [vote.actionId, vote.guideId, vote.helpful, vote.at.toISOString()],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async guideFeedback(): Promise<{ guideId: string; helpful: number; notHelpful: number }[]> {
    const result = await this.pool.query<{ guide_id: string; helpful: number; not_helpful: number }>(
      `SELECT guide_id, (count(*) FILTER (WHERE helpful))::integer AS helpful,
         (count(*) FILTER (WHERE NOT helpful))::integer AS not_helpful
       FROM guide_feedback GROUP BY guide_id ORDER BY guide_id COLLATE "C"`,
    );
    return result.rows.map((row) => ({
      guideId: row.guide_id,
      helpful: row.helpful,
      notHelpful: row.not_helpful,
    }));
  }
}

/** Unanswered questions in PostgreSQL. */
export class PostgresUnansweredStore implements UnansweredStore {
  constructor(private readonly pool: Pool) {}

  async record(text: string, at: Date): Promise<void> {
    await this.pool.query('INSERT INTO unanswered_questions (text, asked_at) VALUES ($1, $2)', [
      text,
      at.toISOString(),
    ]);
  }

  async list(limit: number): Promise<UnansweredQuestion[]> {
    // pg reads bigint as a string; these ids stay far below 2^53, so a number is exact.
    const result = await this.pool.query<{ id: string; text: string; asked_at: Date }>(
      'SELECT id, text, asked_at FROM unanswered_questions ORDER BY asked_at DESC, id DESC LIMIT $1',
      [limit],
    );
    return result.rows.map((row) => ({
      id: Number(row.id),
      text: row.text,
      askedAt: row.asked_at.toISOString(),
    }));
  }
}

/** Health of the PostgreSQL store: a trivial query must succeed within the connection timeout. */
export class PostgresHealth implements StoreHealth {
  constructor(private readonly pool: Pool) {}

  async ping(): Promise<boolean> {
    try {
      const result = await this.pool.query<{ one: number }>('SELECT 1 AS one');
      return result.rows[0]?.one === 1;
    } catch {
      return false;
    }
  }
}

/** Options for opening the PostgreSQL stores beyond where to connect. */
export interface OpenPostgresOptions {
  /**
   * Hears about idle pooled connections that fail (a server restart, a dropped network); the pool opens new ones
   * on demand. Defaults to a line on stderr.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * Connects to PostgreSQL, applies pending migrations (safe when several instances start at once) and returns
 * every port backed by one pool. Throws PostgresStoreError (STORE_UNAVAILABLE, MIGRATION_FAILED or
 * TLS_CONFIG_INVALID) with the pool already closed, so a failed start leaves no connection behind.
 */
export async function openPostgresStores(
  options: PostgresConnectionOptions,
  { onIdleError }: OpenPostgresOptions = {},
): Promise<Stores> {
  const pool = createPool(
    options,
    onIdleError ??
      ((error) => console.error(`PostgreSQL: an idle connection failed and was dropped: ${error.message}`)),
  );
  try {
    await applyPostgresMigrations(pool);
  } catch (error) {
    await endPool(pool);
    if (error instanceof PostgresStoreError) throw error;
    throw new PostgresStoreError(
      PostgresStoreErrorCodes.STORE_UNAVAILABLE,
      `Could not open the PostgreSQL store at ${describeTarget(options.connectionString)} (DATABASE_URL): ${messageOf(error)}. Check the address, credentials and sslmode, and that the server is running.`,
      { cause: error },
    );
  }
  let closing: Promise<void> | undefined;
  return {
    conversations: new PostgresConversationStore(pool),
    roles: new PostgresRoleStore(pool),
    circles: new PostgresCircleStore(pool),
    facilitators: new PostgresFacilitatorStore(pool),
    feedback: new PostgresFeedbackStore(pool),
    unanswered: new PostgresUnansweredStore(pool),
    outbox: new PostgresOutboxStore(pool),
    health: new PostgresHealth(pool),
    // Waits for checked-out connections to come back, then closes every connection; safe to call twice.
    close: () => (closing ??= endPool(pool)),
  };
}
