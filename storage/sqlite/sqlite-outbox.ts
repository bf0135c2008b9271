import type Database from 'better-sqlite3';
import type {
  EnqueueOptions,
  OutboxFilter,
  OutboxItem,
  OutboxKind,
  OutboxPayload,
  OutboxRow,
  OutboxStats,
  OutboxStatus,
  OutboxStore,
} from '../../core/outbox/ports';
import { statsOf } from '../../core/outbox/stats';

interface Row {
  id: number;
  kind: OutboxKind;
  conversation_id: string;
  subject: string;
  occurrence: string;
  payload: string;
  status: OutboxStatus;
  due_at: string;
  next_try_at: string;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
}

function toRow(row: Row): OutboxRow {
  return {
    id: String(row.id),
    kind: row.kind,
    conversationId: row.conversation_id,
    subject: row.subject,
    occurrence: row.occurrence,
    payload: JSON.parse(row.payload) as OutboxPayload,
    status: row.status,
    dueAt: new Date(row.due_at),
    nextTryAt: new Date(row.next_try_at),
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    sentAt: row.sent_at === null ? undefined : new Date(row.sent_at),
  };
}

const INSERT = `INSERT INTO outbox (kind, conversation_id, subject, occurrence, payload, status, due_at, next_try_at)
  VALUES (@kind, @conversationId, @subject, @occurrence, @payload, 'pending', @dueAt, @dueAt)
  ON CONFLICT (kind, conversation_id, subject, occurrence)`;

/** The three ways an enqueue treats a stored key; the SQL mirrors storage/postgres/postgres-outbox.ts. */
const ENQUEUE_SQL = {
  insert: `${INSERT} DO NOTHING`,
  replace: `${INSERT} DO UPDATE SET payload = excluded.payload, due_at = excluded.due_at,
      next_try_at = excluded.next_try_at
    WHERE outbox.status = 'pending'`,
  coalesce: `${INSERT} DO UPDATE SET payload = excluded.payload,
      due_at = CASE outbox.status WHEN 'pending' THEN MIN(outbox.due_at, excluded.due_at)
        WHEN 'sending' THEN outbox.due_at ELSE excluded.due_at END,
      next_try_at = CASE outbox.status
        WHEN 'pending' THEN CASE WHEN outbox.attempts = 0 THEN MIN(outbox.next_try_at, excluded.due_at)
          ELSE outbox.next_try_at END
        WHEN 'sending' THEN outbox.next_try_at ELSE excluded.due_at END,
      again_at = CASE outbox.status WHEN 'sending' THEN MIN(COALESCE(outbox.again_at, excluded.due_at), excluded.due_at)
        ELSE NULL END,
      attempts = CASE WHEN outbox.status IN ('sent', 'failed', 'retired') THEN 0 ELSE outbox.attempts END,
      status = CASE outbox.status WHEN 'sending' THEN 'sending' ELSE 'pending' END`,
} as const;

/** The outbox in the embedded SQLite store. */
export class SqliteOutboxStore implements OutboxStore {
  constructor(private readonly db: Database.Database) {}

  enqueue(items: readonly OutboxItem[], options: EnqueueOptions = {}): Promise<number> {
    const mode = options.coalesce ? 'coalesce' : options.replace ? 'replace' : 'insert';
    const statement = this.db.prepare(ENQUEUE_SQL[mode]);
    const run = this.db.transaction(() => {
      let changed = 0;
      for (const item of items) {
        changed += statement.run({
          kind: item.kind,
          conversationId: item.conversationId,
          subject: item.subject,
          occurrence: item.occurrence,
          payload: JSON.stringify(item.payload),
          dueAt: item.dueAt.toISOString(),
        }).changes;
      }
      return changed;
    });
    return Promise.resolve(run.immediate());
  }

  cancel(kind: OutboxKind, subject: string, occurrence?: string): Promise<number> {
    const result = this.db
      .prepare(
        `DELETE FROM outbox WHERE kind = ? AND subject = ? AND status = 'pending'
           AND (? IS NULL OR occurrence = ?)`,
      )
      .run(kind, subject, occurrence ?? null, occurrence ?? null);
    return Promise.resolve(result.changes);
  }

  cancelFor(kind: OutboxKind, subject: string, conversationId: string, occurrence?: string): Promise<number> {
    const result = this.db
      .prepare(
        `DELETE FROM outbox WHERE kind = ? AND subject = ? AND conversation_id = ? AND status = 'pending'
           AND (? IS NULL OR occurrence = ?)`,
      )
      .run(kind, subject, conversationId, occurrence ?? null, occurrence ?? null);
    return Promise.resolve(result.changes);
  }

  claimDue(now: Date, limit: number, leaseMs: number, workerId: string): Promise<OutboxRow[]> {
    const claim = this.db.prepare(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_owner = @workerId,
         next_try_at = @leaseUntil
       WHERE id IN (SELECT id FROM outbox WHERE status IN ('pending', 'sending') AND next_try_at <= @now
         ORDER BY next_try_at, id LIMIT @limit)
       RETURNING *`,
    );
    // One write transaction: no other connection can claim between the SELECT and the UPDATE.
    const rows = this.db
      .transaction(
        () =>
          claim.all({
            now: now.toISOString(),
            limit,
            workerId,
            leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
          }) as Row[],
      )
      .immediate();
    rows.sort((a, b) => a.id - b.id);
    return Promise.resolve(rows.map(toRow));
  }

  markSent(id: string, workerId: string, at: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = CASE WHEN again_at IS NULL THEN 'sent' ELSE 'pending' END, sent_at = ?,
           next_try_at = COALESCE(again_at, next_try_at),
           attempts = CASE WHEN again_at IS NULL THEN attempts ELSE 0 END,
           again_at = NULL, lease_owner = NULL, last_error = NULL
         WHERE id = ? AND status = 'sending' AND lease_owner = ?`,
      )
      .run(at.toISOString(), Number(id), workerId);
    return Promise.resolve(result.changes > 0);
  }

  markRetry(
    id: string,
    workerId: string,
    nextTryAt: Date,
    errorCode: string,
    options: { refund?: boolean } = {},
  ): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = 'pending', next_try_at = ?, last_error = ?,
           attempts = MAX(attempts - ?, 0), again_at = NULL, lease_owner = NULL
         WHERE id = ? AND status = 'sending' AND lease_owner = ?`,
      )
      .run(nextTryAt.toISOString(), errorCode, options.refund ? 1 : 0, Number(id), workerId);
    return Promise.resolve(result.changes > 0);
  }

  markFailed(id: string, workerId: string, errorCode: string): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = CASE WHEN again_at IS NULL THEN 'failed' ELSE 'pending' END,
           next_try_at = COALESCE(again_at, next_try_at),
           attempts = CASE WHEN again_at IS NULL THEN attempts ELSE 0 END,
           last_error = ?, again_at = NULL, lease_owner = NULL
         WHERE id = ? AND status = 'sending' AND lease_owner = ?`,
      )
      .run(errorCode, Number(id), workerId);
    return Promise.resolve(result.changes > 0);
  }

  retireConversation(conversationId: string): Promise<number> {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = 'retired', again_at = NULL, lease_owner = NULL
         WHERE conversation_id = ? AND status IN ('pending', 'sending')`,
      )
      .run(conversationId);
    return Promise.resolve(result.changes);
  }

  requeueFailed(kind: OutboxKind, subject: string, at: Date): Promise<number> {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = 'pending', attempts = 0, next_try_at = ?
         WHERE kind = ? AND subject = ? AND status = 'failed'`,
      )
      .run(at.toISOString(), kind, subject);
    return Promise.resolve(result.changes);
  }

  stats(filter: { kind: OutboxKind; subject: string }): Promise<OutboxStats> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS count FROM outbox WHERE kind = ? AND subject = ? GROUP BY status')
      .all(filter.kind, filter.subject) as { status: OutboxStatus; count: number }[];
    return Promise.resolve(statsOf(rows));
  }

  list(filter: OutboxFilter, limit: number): Promise<OutboxRow[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM outbox WHERE (@kind IS NULL OR kind = @kind) AND (@subject IS NULL OR subject = @subject)
           AND (@conversationId IS NULL OR conversation_id = @conversationId)
           AND (@status IS NULL OR status = @status)
         ORDER BY id LIMIT @limit`,
      )
      .all({
        kind: filter.kind ?? null,
        subject: filter.subject ?? null,
        conversationId: filter.conversationId ?? null,
        status: filter.status ?? null,
        limit,
      }) as Row[];
    return Promise.resolve(rows.map(toRow));
  }

  nextDueAt(): Promise<Date | undefined> {
    const row = this.db
      .prepare("SELECT MIN(next_try_at) AS next FROM outbox WHERE status IN ('pending', 'sending')")
      .get() as { next: string | null } | undefined;
    return Promise.resolve(row?.next ? new Date(row.next) : undefined);
  }
}
