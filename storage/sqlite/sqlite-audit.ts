import type Database from 'better-sqlite3';
import type { AuditEntry, AuditEvent, AuditQuery, AuditStore } from '../../core/audit/ports';

type AuditRow = AuditEvent;

const COLUMNS =
  'id, at, actor_id AS actorId, action, circle_id AS circleId, subject_id AS subjectId FROM audit_events';

/** The audit log in SQLite: one row per audited action, ids only. */
export class SqliteAuditStore implements AuditStore {
  constructor(private readonly db: Database.Database) {}

  record(entry: AuditEntry): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO audit_events (at, actor_id, action, circle_id, subject_id) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        entry.at.toISOString(),
        entry.actorId,
        entry.action,
        entry.circleId ?? null,
        entry.subjectId ?? null,
      );
    return Promise.resolve();
  }

  list(query: AuditQuery): Promise<AuditEvent[]> {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS}
         WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) AND (@before IS NULL OR id < @before)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({
        from: query.from ?? null,
        to: query.to ?? null,
        before: query.before ?? null,
        limit: query.limit,
      }) as AuditRow[];
    return Promise.resolve(rows);
  }

  involving(userId: string): Promise<AuditEvent[]> {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} WHERE actor_id = ? OR subject_id = ? ORDER BY id`)
      .all(userId, userId) as AuditRow[];
    return Promise.resolve(rows);
  }

  pseudonymise(userId: string, pseudonym: string): Promise<number> {
    const run = this.db.transaction(() => {
      const actors = this.db
        .prepare('UPDATE audit_events SET actor_id = ? WHERE actor_id = ?')
        .run(pseudonym, userId).changes;
      const subjects = this.db
        .prepare('UPDATE audit_events SET subject_id = ? WHERE subject_id = ?')
        .run(pseudonym, userId).changes;
      return actors + subjects;
    });
    return Promise.resolve(run.immediate());
  }
}
