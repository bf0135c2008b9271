import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CalendarDay } from '../../core/privacy';
import type { GrantedRole } from '../../core/identity';
import type {
  ConversationRecord,
  ConversationStore,
  FeedbackStore,
  RoleStore,
  StoreHealth,
  Stores,
  UnansweredQuestion,
  UnansweredStore,
} from '../../core/ports';
import { guardPort } from '../guard';
import { CONVERSATION_COLUMNS, toConversationRecord, type ConversationRow } from '../rows';
import {
  createPool,
  describeTarget,
  endPool,
  inTransaction,
  type PostgresConnectionOptions,
} from './connection';
import { applyPostgresMigrations } from './database';
import { messageOf, postgresFaults, PostgresStoreError, PostgresStoreErrorCodes } from './errors';
import { PostgresCircleStore, PostgresFacilitatorStore } from './postgres-circles';
import { PostgresPersonalDataStore } from './postgres-privacy';
import { PostgresNudgeStore } from './postgres-nudges';
import { PostgresOutboxStore } from './postgres-outbox';
import { PostgresCircleFeedbackStore } from './postgres-circle-feedback';
import { PostgresAuditStore } from './postgres-audit';
import { PostgresSendSlotStore } from './postgres-send-slots';
import { PostgresProfileStore } from './postgres-profiles';

/** Conversation references in PostgreSQL. */
export class PostgresConversationStore implements ConversationStore {
  constructor(private readonly pool: Pool) {}

  /** Runs on every inbound activity: a row that would not change is left alone (no new row version). */
  async save(record: ConversationRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversations (${CONVERSATION_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (conversation_id) DO UPDATE SET scope = EXCLUDED.scope, channel_id = EXCLUDED.channel_id,
         service_url = EXCLUDED.service_url, tenant_id = EXCLUDED.tenant_id, bot_id = EXCLUDED.bot_id,
         user_id = EXCLUDED.user_id, user_aad_object_id = EXCLUDED.user_aad_object_id, team_id = EXCLUDED.team_id,
         title = COALESCE(EXCLUDED.title, conversations.title), updated_at = EXCLUDED.updated_at
       WHERE (conversations.scope, conversations.channel_id, conversations.service_url, conversations.tenant_id,
           conversations.bot_id, conversations.user_id, conversations.user_aad_object_id, conversations.team_id,
           conversations.title, conversations.updated_at)
         IS DISTINCT FROM (EXCLUDED.scope, EXCLUDED.channel_id, EXCLUDED.service_url, EXCLUDED.tenant_id,
           EXCLUDED.bot_id, EXCLUDED.user_id, EXCLUDED.user_aad_object_id, EXCLUDED.team_id,
           COALESCE(EXCLUDED.title, conversations.title), EXCLUDED.updated_at)`,
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
    return row && toConversationRecord(row);
  }

  async findPersonal(userAadObjectId: string): Promise<ConversationRecord | undefined> {
    const result = await this.pool.query<ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE scope = 'personal' AND user_aad_object_id = $1
       ORDER BY updated_at DESC, conversation_id COLLATE "C" DESC LIMIT 1`,
      [userAadObjectId],
    );
    const row = result.rows[0];
    return row && toConversationRecord(row);
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
    return result.rows.map(toConversationRecord);
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
    voterKey?: string;
  }): Promise<boolean> {
    if (vote.voterKey === undefined) {
      const result = await this.pool.query(
        `INSERT INTO guide_feedback (action_id, guide_id, helpful, recorded_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (action_id) DO NOTHING`,
        [vote.actionId, vote.guideId, vote.helpful, vote.at.toISOString()],
      );
      return (result.rowCount ?? 0) > 0;
    }
    // One row per person and guide: a later vote replaces the earlier one; a retried action changes nothing.
    const result = await this.pool.query<{ inserted: boolean }>(
      `INSERT INTO guide_feedback (action_id, guide_id, helpful, recorded_at, voter_key)
       SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM guide_feedback WHERE action_id = $1)
       ON CONFLICT (guide_id, voter_key) WHERE voter_key IS NOT NULL
       DO UPDATE SET helpful = EXCLUDED.helpful, recorded_at = EXCLUDED.recorded_at
       RETURNING (xmax = 0) AS inserted`,
      [vote.actionId, vote.guideId, vote.helpful, vote.at.toISOString(), vote.voterKey],
    );
    return result.rows[0]?.inserted ?? false;
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

/** Unanswered questions in PostgreSQL: text and day only. */
export class PostgresUnansweredStore implements UnansweredStore {
  constructor(private readonly pool: Pool) {}

  async record(text: string, askedOn: CalendarDay): Promise<void> {
    await this.pool.query('INSERT INTO unanswered_questions (text, asked_on) VALUES ($1, $2)', [
      text,
      askedOn,
    ]);
  }

  async list(limit: number): Promise<UnansweredQuestion[]> {
    // pg reads bigint as a string; these ids stay far below 2^53, so a number is exact. The day is read as text
    // (pg would turn a date into a local-midnight Date).
    const result = await this.pool.query<{ id: string; text: string; asked_on: string }>(
      `SELECT id, text, to_char(asked_on, 'YYYY-MM-DD') AS asked_on FROM unanswered_questions
       ORDER BY asked_on DESC, id DESC LIMIT $1`,
      [limit],
    );
    return result.rows.map((row) => ({ id: Number(row.id), text: row.text, askedOn: row.asked_on }));
  }

  async deleteAskedBefore(day: CalendarDay): Promise<number> {
    const result = await this.pool.query('DELETE FROM unanswered_questions WHERE asked_on < $1::date', [day]);
    return result.rowCount ?? 0;
  }
}

/** Health of the PostgreSQL store: a write must read back within the connection timeout. */
export class PostgresHealth implements StoreHealth {
  constructor(private readonly pool: Pool) {}

  async ping(): Promise<boolean> {
    try {
      const token = randomUUID();
      const read = await inTransaction(this.pool, async (client) => {
        await client.query(
          `INSERT INTO store_health (id, token, checked_at) VALUES (1, $1, now())
           ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token, checked_at = EXCLUDED.checked_at`,
          [token],
        );
        return client.query<{ token: string }>('SELECT token FROM store_health WHERE id = 1');
      });
      return read.rows[0]?.token === token;
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
  // Store faults (a lost connection, a full disk, corruption) reject with StoreUnavailableError.
  const guard = <T extends object>(port: T, name: string) => guardPort(port, postgresFaults, name);
  return {
    conversations: guard(new PostgresConversationStore(pool), 'conversation'),
    roles: guard(new PostgresRoleStore(pool), 'role'),
    circles: guard(new PostgresCircleStore(pool), 'circle'),
    facilitators: guard(new PostgresFacilitatorStore(pool), 'facilitator'),
    feedback: guard(new PostgresFeedbackStore(pool), 'feedback'),
    circleFeedback: guard(new PostgresCircleFeedbackStore(pool), 'circle feedback'),
    profiles: guard(new PostgresProfileStore(pool), 'profile'),
    unanswered: guard(new PostgresUnansweredStore(pool), 'unanswered question'),
    personalData: guard(new PostgresPersonalDataStore(pool), 'personal data'),
    outbox: guard(new PostgresOutboxStore(pool), 'outbox'),
    audit: guard(new PostgresAuditStore(pool), 'audit'),
    sendSlots: guard(new PostgresSendSlotStore(pool), 'send slot'),
    nudges: guard(new PostgresNudgeStore(pool), 'nudge'),
    health: new PostgresHealth(pool),
    // Waits for checked-out connections to come back, then closes every connection; safe to call twice.
    close: () => (closing ??= endPool(pool)),
  };
}
