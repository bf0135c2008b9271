import type Database from 'better-sqlite3';
import type {
  NudgeSettings,
  NudgeStore,
  NudgeSubscriber,
  PlannedNudge,
  Weekday,
} from '../../core/nudges/ports';

interface PreferenceRow {
  user_id: string;
  enabled: number;
  day: Weekday;
  time: string;
  time_zone: string;
}

function toSettings(row: PreferenceRow): NudgeSettings {
  return { enabled: row.enabled === 1, day: row.day, time: row.time, timeZone: row.time_zone };
}

/** Nudge preferences and weekly nudge history in the embedded SQLite store. */
export class SqliteNudgeStore implements NudgeStore {
  constructor(private readonly db: Database.Database) {}

  get(userId: string): Promise<NudgeSettings | undefined> {
    const row = this.db.prepare('SELECT * FROM nudge_preferences WHERE user_id = ?').get(userId) as
      PreferenceRow | undefined;
    return Promise.resolve(row && toSettings(row));
  }

  save(userId: string, settings: NudgeSettings, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO nudge_preferences (user_id, enabled, day, time, time_zone, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled, day = excluded.day,
           time = excluded.time, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
      )
      .run(
        userId,
        settings.enabled ? 1 : 0,
        settings.day,
        settings.time,
        settings.timeZone,
        at.toISOString(),
      );
    return Promise.resolve();
  }

  listEnabled(afterUserId: string | undefined, limit: number): Promise<NudgeSubscriber[]> {
    const rows = this.db
      .prepare(`SELECT * FROM nudge_preferences WHERE enabled = 1 AND user_id > ? ORDER BY user_id LIMIT ?`)
      .all(afterUserId ?? '', limit) as PreferenceRow[];
    return Promise.resolve(rows.map((row) => ({ userId: row.user_id, settings: toSettings(row) })));
  }

  history(userId: string): Promise<PlannedNudge[]> {
    const rows = this.db
      .prepare('SELECT week, guide_id FROM nudge_history WHERE user_id = ? ORDER BY week')
      .all(userId) as { week: string; guide_id: string }[];
    return Promise.resolve(rows.map((row) => ({ week: row.week, guideId: row.guide_id })));
  }

  recordWeek(userId: string, week: string, guideId: string, at: Date): Promise<string> {
    const record = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO nudge_history (user_id, week, guide_id, planned_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id, week) DO NOTHING`,
        )
        .run(userId, week, guideId, at.toISOString());
      return this.db
        .prepare('SELECT guide_id FROM nudge_history WHERE user_id = ? AND week = ?')
        .get(userId, week) as { guide_id: string };
    });
    return Promise.resolve(record.immediate().guide_id);
  }

  forget(userId: string): Promise<boolean> {
    const forget = this.db.transaction(
      () =>
        this.db.prepare('DELETE FROM nudge_preferences WHERE user_id = ?').run(userId).changes +
        this.db.prepare('DELETE FROM nudge_history WHERE user_id = ?').run(userId).changes,
    );
    return Promise.resolve(forget.immediate() > 0);
  }
}
