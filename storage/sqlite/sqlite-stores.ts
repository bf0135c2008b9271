import type Database from 'better-sqlite3';
import type { GrantedRole } from '../../core/identity';
import type {
  ConversationRecord,
  ConversationScope,
  ConversationStore,
  FeedbackStore,
  RoleStore,
  UnansweredQuestion,
  UnansweredStore,
  StoreHealth,
  Stores,
} from '../../core/ports';
import { openDatabase } from './database';
import { SqliteCircleStore, SqliteFacilitatorStore } from './sqlite-circles';
import { SqliteOutboxStore } from './sqlite-outbox';

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
  updated_at: string;
}

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
    updatedAt: row.updated_at,
  };
}

/** Conversation references in the embedded SQLite store. */
export class SqliteConversationStore implements ConversationStore {
  /** Saving runs on every inbound activity, so its statement is prepared once, on first use. */
  private saveStatement: Database.Statement | undefined;

  constructor(private readonly db: Database.Database) {}

  save(record: ConversationRecord): Promise<void> {
    this.saveStatement ??= this.db.prepare(
      `INSERT INTO conversations (conversation_id, scope, channel_id, service_url, tenant_id, bot_id, user_id,
         user_aad_object_id, team_id, title, updated_at)
       VALUES (@conversationId, @scope, @channelId, @serviceUrl, @tenantId, @botId, @userId, @userAadObjectId,
         @teamId, @title, @updatedAt)
       ON CONFLICT (conversation_id) DO UPDATE SET scope = excluded.scope, channel_id = excluded.channel_id,
         service_url = excluded.service_url, tenant_id = excluded.tenant_id, bot_id = excluded.bot_id,
         user_id = excluded.user_id, user_aad_object_id = excluded.user_aad_object_id,
         team_id = excluded.team_id, title = COALESCE(excluded.title, conversations.title),
         updated_at = excluded.updated_at`,
    );
    this.saveStatement.run({
      ...record,
      tenantId: record.tenantId ?? null,
      userId: record.userId ?? null,
      userAadObjectId: record.userAadObjectId ?? null,
      teamId: record.teamId ?? null,
      title: record.title ?? null,
    });
    return Promise.resolve();
  }

  get(conversationId: string): Promise<ConversationRecord | undefined> {
    const row = this.db
      .prepare('SELECT * FROM conversations WHERE conversation_id = ?')
      .get(conversationId) as ConversationRow | undefined;
    return Promise.resolve(row && toRecord(row));
  }

  findPersonal(userAadObjectId: string): Promise<ConversationRecord | undefined> {
    const row = this.db
      .prepare(
        `SELECT * FROM conversations WHERE scope = 'personal' AND user_aad_object_id = ?
         ORDER BY updated_at DESC LIMIT 1`,
      )
      .get(userAadObjectId) as ConversationRow | undefined;
    return Promise.resolve(row && toRecord(row));
  }

  remove(conversationId: string): Promise<boolean> {
    const result = this.db.prepare('DELETE FROM conversations WHERE conversation_id = ?').run(conversationId);
    return Promise.resolve(result.changes > 0);
  }

  removeTeam(teamId: string): Promise<number> {
    const result = this.db.prepare('DELETE FROM conversations WHERE team_id = ?').run(teamId);
    return Promise.resolve(result.changes);
  }

  listChannels(): Promise<ConversationRecord[]> {
    const rows = this.db
      .prepare(
        "SELECT * FROM conversations WHERE scope = 'channel' ORDER BY updated_at DESC, conversation_id",
      )
      .all() as ConversationRow[];
    return Promise.resolve(rows.map(toRecord));
  }
}

/** Granted roles in the embedded SQLite store. */
export class SqliteRoleStore implements RoleStore {
  constructor(private readonly db: Database.Database) {}

  rolesOf(userId: string): Promise<GrantedRole[]> {
    const rows = this.db
      .prepare('SELECT role FROM role_grants WHERE user_id = ? ORDER BY role')
      .all(userId) as { role: GrantedRole }[];
    return Promise.resolve(rows.map((row) => row.role));
  }

  grant(userId: string, role: GrantedRole, at: Date): Promise<void> {
    this.db
      .prepare('INSERT OR IGNORE INTO role_grants (user_id, role, granted_at) VALUES (?, ?, ?)')
      .run(userId, role, at.toISOString());
    return Promise.resolve();
  }

  revoke(userId: string, role: GrantedRole): Promise<boolean> {
    const result = this.db
      .prepare('DELETE FROM role_grants WHERE user_id = ? AND role = ?')
      .run(userId, role);
    return Promise.resolve(result.changes > 0);
  }

  holdersOf(role: GrantedRole): Promise<string[]> {
    const rows = this.db
      .prepare('SELECT user_id FROM role_grants WHERE role = ? ORDER BY granted_at, user_id')
      .all(role) as { user_id: string }[];
    return Promise.resolve(rows.map((row) => row.user_id));
  }
}

/** Guide votes in the embedded SQLite store; the action id makes a retried vote count once. */
export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Database.Database) {}

  recordGuideFeedback(vote: {
    guideId: string;
    helpful: boolean;
    actionId: string;
    at: Date;
  }): Promise<boolean> {
    const result = this.db
      .prepare(
        'INSERT OR IGNORE INTO guide_feedback (action_id, guide_id, helpful, recorded_at) VALUES (?, ?, ?, ?)',
      )
      .run(vote.actionId, vote.guideId, vote.helpful ? 1 : 0, vote.at.toISOString());
    return Promise.resolve(result.changes > 0);
  }

  guideFeedback(): Promise<{ guideId: string; helpful: number; notHelpful: number }[]> {
    const rows = this.db
      .prepare(
        `SELECT guide_id AS guideId, SUM(helpful) AS helpful, SUM(1 - helpful) AS notHelpful
         FROM guide_feedback GROUP BY guide_id ORDER BY guide_id`,
      )
      .all() as { guideId: string; helpful: number; notHelpful: number }[];
    return Promise.resolve(rows);
  }
}

/** Unanswered questions in the embedded SQLite store. */
export class SqliteUnansweredStore implements UnansweredStore {
  constructor(private readonly db: Database.Database) {}

  record(text: string, at: Date): Promise<void> {
    this.db
      .prepare('INSERT INTO unanswered_questions (text, asked_at) VALUES (?, ?)')
      .run(text, at.toISOString());
    return Promise.resolve();
  }

  list(limit: number): Promise<UnansweredQuestion[]> {
    const rows = this.db
      .prepare(
        'SELECT id, text, asked_at AS askedAt FROM unanswered_questions ORDER BY asked_at DESC, id DESC LIMIT ?',
      )
      .all(limit) as UnansweredQuestion[];
    return Promise.resolve(rows);
  }
}

/** Health of the embedded store: a trivial query must succeed. */
export class SqliteHealth implements StoreHealth {
  constructor(private readonly db: Database.Database) {}

  ping(): Promise<boolean> {
    try {
      const row = this.db.prepare('SELECT 1 AS one').get() as { one: number } | undefined;
      return Promise.resolve(row?.one === 1);
    } catch {
      return Promise.resolve(false);
    }
  }
}

/** Opens the embedded store under dataDir and returns every port backed by it. */
export function openSqliteStores(dataDir: string): Stores {
  const db = openDatabase(dataDir);
  return {
    conversations: new SqliteConversationStore(db),
    roles: new SqliteRoleStore(db),
    circles: new SqliteCircleStore(db),
    facilitators: new SqliteFacilitatorStore(db),
    feedback: new SqliteFeedbackStore(db),
    unanswered: new SqliteUnansweredStore(db),
    outbox: new SqliteOutboxStore(db),
    health: new SqliteHealth(db),
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}
