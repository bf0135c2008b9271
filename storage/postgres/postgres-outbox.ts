import type { Pool } from 'pg';
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
import { inTransaction } from './connection';

interface Row {
  id: string;
  kind: OutboxKind;
  conversation_id: string;
  subject: string;
  occurrence: string;
  payload: OutboxPayload;
  status: OutboxStatus;
  due_at: Date;
  next_try_at: Date;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

const COLUMNS = `id, kind, conversation_id, subject, occurrence, payload, status, due_at, next_try_at, attempts,
  last_error, sent_at`;

function toRow(row: Row): OutboxRow {
  return {
    id: String(row.id),
    kind: row.kind,
    conversationId: row.conversation_id,
    subject: row.subject,
    occurrence: row.occurrence,
    payload: row.payload,
    status: row.status,
    dueAt: row.due_at,
    nextTryAt: row.next_try_at,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    sentAt: row.sent_at ?? undefined,
  };
}

const INSERT = `INSERT INTO outbox (kind, conversation_id, subject, occurrence, payload, status, due_at, next_try_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::timestamptz[],
    $7::timestamptz[])
  ON CONFLICT (kind, conversation_id, subject, occurrence)`;

/** The three ways an enqueue treats a stored key; the SQL mirrors storage/sqlite/sqlite-outbox.ts. */
const ENQUEUE_SQL = {
  insert: `${INSERT} DO NOTHING`,
  replace: `${INSERT} DO UPDATE SET payload = EXCLUDED.payload, due_at = EXCLUDED.due_at,
      next_try_at = EXCLUDED.next_try_at
    WHERE outbox.status = 'pending'`,
  coalesce: `${INSERT} DO UPDATE SET payload = EXCLUDED.payload,
      due_at = CASE outbox.status WHEN 'pending' THEN LEAST(outbox.due_at, EXCLUDED.due_at)
        WHEN 'sending' THEN outbox.due_at ELSE EXCLUDED.due_at END,
      next_try_at = CASE outbox.status
        WHEN 'pending' THEN CASE WHEN outbox.attempts = 0 THEN LEAST(outbox.next_try_at, EXCLUDED.due_at)
          ELSE outbox.next_try_at END
        WHEN 'sending' THEN outbox.next_try_at ELSE EXCLUDED.due_at END,
      again_at = CASE outbox.status WHEN 'sending' THEN LEAST(outbox.again_at, EXCLUDED.due_at) ELSE NULL END,
      attempts = CASE WHEN outbox.status IN ('sent', 'failed', 'retired') THEN 0 ELSE outbox.attempts END,
      status = CASE outbox.status WHEN 'sending' THEN 'sending' ELSE 'pending' END`,
} as const;

/** The outbox in PostgreSQL: claims take due rows with FOR UPDATE SKIP LOCKED, so instances never share one. */
export class PostgresOutboxStore implements OutboxStore {
  constructor(private readonly pool: Pool) {}

  async enqueue(items: readonly OutboxItem[], options: EnqueueOptions = {}): Promise<number> {
    if (items.length === 0) return 0;
    const mode = options.coalesce ? 'coalesce' : options.replace ? 'replace' : 'insert';
    // One key twice in one statement would make ON CONFLICT DO UPDATE fail: the last of each key wins.
    const unique = [
      ...new Map(
        items.map((item) => [
          JSON.stringify([item.kind, item.conversationId, item.subject, item.occurrence]),
          item,
        ]),
      ).values(),
    ];
    const result = await this.pool.query(ENQUEUE_SQL[mode], [
      unique.map((item) => item.kind),
      unique.map((item) => item.conversationId),
      unique.map((item) => item.subject),
      unique.map((item) => item.occurrence),
      unique.map((item) => JSON.stringify(item.payload)),
      unique.map(() => 'pending'),
      unique.map((item) => item.dueAt.toISOString()),
    ]);
    return result.rowCount ?? 0;
  }

  async cancel(kind: OutboxKind, subject: string, occurrence?: string): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM outbox WHERE kind = $1 AND subject = $2 AND status = 'pending'
         AND ($3::text IS NULL OR occurrence = $3)`,
      [kind, subject, occurrence ?? null],
    );
    return result.rowCount ?? 0;
  }

  async cancelFor(
    kind: OutboxKind,
    subject: string,
    conversationId: string,
    occurrence?: string,
  ): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM outbox WHERE kind = $1 AND subject = $2 AND conversation_id = $3 AND status = 'pending'
         AND ($4::text IS NULL OR occurrence = $4)`,
      [kind, subject, conversationId, occurrence ?? null],
    );
    return result.rowCount ?? 0;
  }

  async claimDue(now: Date, limit: number, leaseMs: number, workerId: string): Promise<OutboxRow[]> {
    const rows = await inTransaction(this.pool, async (client) => {
      const result = await client.query<Row>(
        `WITH due AS (
           SELECT id FROM outbox WHERE status IN ('pending', 'sending') AND next_try_at <= $1
           ORDER BY next_try_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE outbox SET status = 'sending', attempts = outbox.attempts + 1, lease_owner = $3,
           next_try_at = $4
         FROM due WHERE outbox.id = due.id
         RETURNING ${COLUMNS.split(',')
           .map((column) => `outbox.${column.trim()}`)
           .join(', ')}`,
        [now.toISOString(), limit, workerId, new Date(now.getTime() + leaseMs).toISOString()],
      );
      return result.rows;
    });
    return rows.map(toRow).sort((a, b) => Number(a.id) - Number(b.id));
  }

  async markSent(id: string, workerId: string, at: Date): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE outbox SET status = CASE WHEN again_at IS NULL THEN 'sent' ELSE 'pending' END, sent_at = $1,
         next_try_at = COALESCE(again_at, next_try_at),
         attempts = CASE WHEN again_at IS NULL THEN attempts ELSE 0 END,
         again_at = NULL, lease_owner = NULL, last_error = NULL
       WHERE id = $2 AND status = 'sending' AND lease_owner = $3`,
      [at.toISOString(), id, workerId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async markRetry(
    id: string,
    workerId: string,
    nextTryAt: Date,
    errorCode: string,
    options: { refund?: boolean } = {},
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE outbox SET status = 'pending', next_try_at = $1, last_error = $2,
         attempts = GREATEST(attempts - $3, 0), again_at = NULL, lease_owner = NULL
       WHERE id = $4 AND status = 'sending' AND lease_owner = $5`,
      [nextTryAt.toISOString(), errorCode, options.refund ? 1 : 0, id, workerId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async markFailed(id: string, workerId: string, errorCode: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE outbox SET status = CASE WHEN again_at IS NULL THEN 'failed' ELSE 'pending' END,
         next_try_at = COALESCE(again_at, next_try_at),
         attempts = CASE WHEN again_at IS NULL THEN attempts ELSE 0 END,
         last_error = $1, again_at = NULL, lease_owner = NULL
       WHERE id = $2 AND status = 'sending' AND lease_owner = $3`,
      [errorCode, id, workerId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async retireConversation(conversationId: string): Promise<number> {
    const result = await this.pool.query(
      `UPDATE outbox SET status = 'retired', again_at = NULL, lease_owner = NULL
       WHERE conversation_id = $1 AND status IN ('pending', 'sending')`,
      [conversationId],
    );
    return result.rowCount ?? 0;
  }

  async requeueFailed(kind: OutboxKind, subject: string, at: Date): Promise<number> {
    const result = await this.pool.query(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_try_at = $1
       WHERE kind = $2 AND subject = $3 AND status = 'failed'`,
      [at.toISOString(), kind, subject],
    );
    return result.rowCount ?? 0;
  }

  async stats(filter: { kind: OutboxKind; subject: string }): Promise<OutboxStats> {
    const result = await this.pool.query<{ status: OutboxStatus; count: string }>(
      'SELECT status, count(*) AS count FROM outbox WHERE kind = $1 AND subject = $2 GROUP BY status',
      [filter.kind, filter.subject],
    );
    return statsOf(result.rows);
  }

  async list(filter: OutboxFilter, limit: number): Promise<OutboxRow[]> {
    const result = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM outbox WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR subject = $2)
         AND ($3::text IS NULL OR conversation_id = $3) AND ($4::text IS NULL OR status = $4)
       ORDER BY id LIMIT $5`,
      [
        filter.kind ?? null,
        filter.subject ?? null,
        filter.conversationId ?? null,
        filter.status ?? null,
        limit,
      ],
    );
    return result.rows.map(toRow);
  }

  async nextDueAt(): Promise<Date | undefined> {
    const result = await this.pool.query<{ next: Date | null }>(
      "SELECT min(next_try_at) AS next FROM outbox WHERE status IN ('pending', 'sending')",
    );
    return result.rows[0]?.next ?? undefined;
  }
}
