import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { CalendarDay } from '../../core/privacy';
import type { GrantedRole } from '../../core/identity';
import type {
  ConversationRecord,
  ConversationStore,
  FeedbackStore,
  RoleStore,
  UnansweredQuestion,
  UnansweredStore,
  StoreHealth,
  Stores,
} from '../../core/ports';
import { guardPort } from '../guard';
import { toConversationRecord, type ConversationRow } from '../rows';
import { MarkedMemory, SqliteChangeMark } from './change-mark';
import { openDatabase, sqliteFaults } from './database';
import { SqliteCircleStore, SqliteFacilitatorStore } from './sqlite-circles';
import { SqlitePersonalDataStore } from './sqlite-privacy';
import { SqliteOutboxStore } from './sqlite-outbox';
import { SqliteNudgeStore } from './sqlite-nudges';
import { SqliteCircleFeedbackStore } from './sqlite-circle-feedback';
import { SqliteAuditStore } from './sqlite-audit';
import { SqliteSendSlotStore } from './sqlite-send-slots';
import { SqliteProfileStore } from './sqlite-profiles';

/** Conversation references in the embedded SQLite store. */
export class SqliteConversationStore implements ConversationStore {
  /**
   * Saving runs on every inbound activity, so its statement is prepared once, on first use, and a row that would
   * not change is left alone (no write; a personal chat's row changes at most once a day).
   */
  private saveStatement: Database.Statement | undefined;
  /** Each conversation's last saved row, while nothing in the database has changed since: saving it again is a no-op. */
  private readonly saved: MarkedMemory<string>;

  constructor(private readonly db: Database.Database) {
    this.saved = new MarkedMemory(SqliteChangeMark.of(db), ['conversations']);
  }

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
         updated_at = excluded.updated_at
       WHERE conversations.scope IS NOT excluded.scope OR conversations.channel_id IS NOT excluded.channel_id
         OR conversations.service_url IS NOT excluded.service_url
         OR conversations.tenant_id IS NOT excluded.tenant_id OR conversations.bot_id IS NOT excluded.bot_id
         OR conversations.user_id IS NOT excluded.user_id
         OR conversations.user_aad_object_id IS NOT excluded.user_aad_object_id
         OR conversations.team_id IS NOT excluded.team_id
         OR (excluded.title IS NOT NULL AND conversations.title IS NOT excluded.title)
         OR conversations.updated_at IS NOT excluded.updated_at`,
    );
    const row = {
      conversationId: record.conversationId,
      scope: record.scope,
      channelId: record.channelId,
      serviceUrl: record.serviceUrl,
      tenantId: record.tenantId ?? null,
      botId: record.botId,
      userId: record.userId ?? null,
      userAadObjectId: record.userAadObjectId ?? null,
      teamId: record.teamId ?? null,
      title: record.title ?? null,
      updatedAt: record.updatedAt,
    };
    const fingerprint = JSON.stringify(row);
    if (this.saved.get(record.conversationId) === fingerprint) return Promise.resolve();
    const { changes } = this.saveStatement.run(row);
    this.saved.set(record.conversationId, fingerprint, changes);
    return Promise.resolve();
  }

  get(conversationId: string): Promise<ConversationRecord | undefined> {
    const row = this.db
      .prepare('SELECT * FROM conversations WHERE conversation_id = ?')
      .get(conversationId) as ConversationRow | undefined;
    return Promise.resolve(row && toConversationRecord(row));
  }

  findPersonal(userAadObjectId: string): Promise<ConversationRecord | undefined> {
    const row = this.db
      .prepare(
        `SELECT * FROM conversations WHERE scope = 'personal' AND user_aad_object_id = ?
         ORDER BY updated_at DESC, conversation_id DESC LIMIT 1`,
      )
      .get(userAadObjectId) as ConversationRow | undefined;
    return Promise.resolve(row && toConversationRecord(row));
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
    return Promise.resolve(rows.map(toConversationRecord));
  }
}

/** Granted roles in the embedded SQLite store. */
export class SqliteRoleStore implements RoleStore {
  /** Roles are read on every message turn, so the statement is prepared once, on first use. */
  private rolesStatement: Database.Statement | undefined;
  /** Roles read while nothing in the database has changed since (any grant or revocation forgets them all). */
  private readonly known: MarkedMemory<readonly GrantedRole[]>;

  constructor(private readonly db: Database.Database) {
    this.known = new MarkedMemory(SqliteChangeMark.of(db), ['role_grants']);
  }

  rolesOf(userId: string): Promise<GrantedRole[]> {
    const known = this.known.get(userId);
    if (known) return Promise.resolve([...known]);
    this.rolesStatement ??= this.db.prepare('SELECT role FROM role_grants WHERE user_id = ? ORDER BY role');
    const roles = (this.rolesStatement.all(userId) as { role: GrantedRole }[]).map((row) => row.role);
    this.known.set(userId, roles, 0);
    return Promise.resolve([...roles]);
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
    voterKey?: string;
  }): Promise<boolean> {
    const helpful = vote.helpful ? 1 : 0;
    const at = vote.at.toISOString();
    if (vote.voterKey === undefined) {
      const result = this.db
        .prepare(
          'INSERT OR IGNORE INTO guide_feedback (action_id, guide_id, helpful, recorded_at) VALUES (?, ?, ?, ?)',
        )
        .run(vote.actionId, vote.guideId, helpful, at);
      return Promise.resolve(result.changes > 0);
    }
    const voterKey = vote.voterKey;
    const record = this.db.transaction(() => {
      const replaced = this.db
        .prepare(
          'UPDATE guide_feedback SET helpful = ?, recorded_at = ? WHERE guide_id = ? AND voter_key = ?',
        )
        .run(helpful, at, vote.guideId, voterKey);
      if (replaced.changes > 0) return false;
      const added = this.db
        .prepare(
          'INSERT OR IGNORE INTO guide_feedback (action_id, guide_id, helpful, recorded_at, voter_key) VALUES (?, ?, ?, ?, ?)',
        )
        .run(vote.actionId, vote.guideId, helpful, at, voterKey);
      return added.changes > 0;
    });
    return Promise.resolve(record.immediate());
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

/** Unanswered questions in the embedded SQLite store: text and day only. */
export class SqliteUnansweredStore implements UnansweredStore {
  /** Recording runs on every question the bot cannot answer, so its statement is prepared once, on first use. */
  private recordStatement: Database.Statement<[string, CalendarDay]> | undefined;

  constructor(private readonly db: Database.Database) {}

  record(text: string, askedOn: CalendarDay): Promise<void> {
    this.recordStatement ??= this.db.prepare<[string, CalendarDay]>(
      'INSERT INTO unanswered_questions (text, asked_on) VALUES (?, ?)',
    );
    const { changes } = this.recordStatement.run(text, askedOn);
    // No remembered conversation or role comes from this table: saying so keeps those memories.
    SqliteChangeMark.of(this.db).report('unanswered_questions', changes);
    return Promise.resolve();
  }

  list(limit: number): Promise<UnansweredQuestion[]> {
    const rows = this.db
      .prepare(
        'SELECT id, text, asked_on AS askedOn FROM unanswered_questions ORDER BY asked_on DESC, id DESC LIMIT ?',
      )
      .all(limit) as UnansweredQuestion[];
    return Promise.resolve(rows);
  }

  deleteAskedBefore(day: CalendarDay): Promise<number> {
    return Promise.resolve(
      this.db.prepare('DELETE FROM unanswered_questions WHERE asked_on < ?').run(day).changes,
    );
  }
}

/** The identity of a file on disk: a deleted or replaced database file no longer matches. */
function fileIdentity(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Health of the embedded store: the database file must still be the one opened (same device and inode, not
 * deleted or replaced), and a write must read back.
 */
export class SqliteHealth implements StoreHealth {
  private readonly openedAs: string | undefined;

  constructor(private readonly db: Database.Database) {
    this.openedAs = fileIdentity(db.name);
  }

  ping(): Promise<boolean> {
    try {
      if (this.openedAs === undefined || fileIdentity(this.db.name) !== this.openedAs) {
        return Promise.resolve(false);
      }
      const token = randomUUID();
      const read = this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO store_health (id, token, checked_at) VALUES (1, ?, ?)
             ON CONFLICT (id) DO UPDATE SET token = excluded.token, checked_at = excluded.checked_at`,
          )
          .run(token, new Date().toISOString());
        return this.db.prepare('SELECT token FROM store_health WHERE id = 1').get() as
          { token: string } | undefined;
      });
      return Promise.resolve(read.immediate()?.token === token);
    } catch {
      return Promise.resolve(false);
    }
  }
}

/**
 * Every port backed by one open SQLite database. Store faults (corruption, a full disk, I/O errors) reject with
 * StoreUnavailableError.
 */
export function sqliteStoresOn(db: Database.Database): Stores {
  const guard = <T extends object>(port: T, name: string) => guardPort(port, sqliteFaults, name);
  return {
    conversations: guard(new SqliteConversationStore(db), 'conversation'),
    roles: guard(new SqliteRoleStore(db), 'role'),
    circles: guard(new SqliteCircleStore(db), 'circle'),
    facilitators: guard(new SqliteFacilitatorStore(db), 'facilitator'),
    feedback: guard(new SqliteFeedbackStore(db), 'feedback'),
    circleFeedback: guard(new SqliteCircleFeedbackStore(db), 'circle feedback'),
    profiles: guard(new SqliteProfileStore(db), 'profile'),
    unanswered: guard(new SqliteUnansweredStore(db), 'unanswered question'),
    personalData: guard(new SqlitePersonalDataStore(db), 'personal data'),
    outbox: guard(new SqliteOutboxStore(db), 'outbox'),
    audit: guard(new SqliteAuditStore(db), 'audit'),
    sendSlots: guard(new SqliteSendSlotStore(db), 'send slot'),
    nudges: guard(new SqliteNudgeStore(db), 'nudge'),
    health: new SqliteHealth(db),
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}

/** Opens the embedded store under dataDir and returns every port backed by it. */
export function openSqliteStores(dataDir: string): Stores {
  return sqliteStoresOn(openDatabase(dataDir));
}
