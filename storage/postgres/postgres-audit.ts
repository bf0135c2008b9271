import type { Pool } from 'pg';
import type { AuditAction, AuditEntry, AuditEvent, AuditQuery, AuditStore } from '../../core/audit/ports';
import { inTransaction } from './connection';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  action: AuditAction;
  circle_id: string | null;
  subject_id: string | null;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    circleId: row.circle_id,
    subjectId: row.subject_id,
  };
}

const COLUMNS = 'id, at, actor_id, action, circle_id, subject_id FROM audit_events';

/** The audit log in PostgreSQL: one row per audited action, ids only. */
export class PostgresAuditStore implements AuditStore {
  constructor(private readonly pool: Pool) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      'INSERT INTO audit_events (at, actor_id, action, circle_id, subject_id) VALUES ($1, $2, $3, $4, $5)',
      [entry.at.toISOString(), entry.actorId, entry.action, entry.circleId ?? null, entry.subjectId ?? null],
    );
  }

  async list(query: AuditQuery): Promise<AuditEvent[]> {
    const result = await this.pool.query<AuditRow>(
      `SELECT ${COLUMNS}
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)
         AND ($3::bigint IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
      [query.from ?? null, query.to ?? null, query.before ?? null, query.limit],
    );
    return result.rows.map(toEvent);
  }

  async involving(userId: string): Promise<AuditEvent[]> {
    const result = await this.pool.query<AuditRow>(
      `SELECT ${COLUMNS} WHERE actor_id = $1 OR subject_id = $1 ORDER BY id`,
      [userId],
    );
    return result.rows.map(toEvent);
  }

  pseudonymise(userId: string, pseudonym: string): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const actors = await client.query('UPDATE audit_events SET actor_id = $1 WHERE actor_id = $2', [
        pseudonym,
        userId,
      ]);
      const subjects = await client.query('UPDATE audit_events SET subject_id = $1 WHERE subject_id = $2', [
        pseudonym,
        userId,
      ]);
      return (actors.rowCount ?? 0) + (subjects.rowCount ?? 0);
    });
  }
}
