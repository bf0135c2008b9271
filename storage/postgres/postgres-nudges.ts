import type { Pool } from 'pg';
import type {
  NudgeSettings,
  NudgeStore,
  NudgeSubscriber,
  PlannedNudge,
  Weekday,
} from '../../core/nudges/ports';
import { inTransaction } from './connection';

interface PreferenceRow {
  user_id: string;
  enabled: boolean;
  day: Weekday;
  time: string;
  time_zone: string;
}

function toSettings(row: PreferenceRow): NudgeSettings {
  return { enabled: row.enabled, day: row.day, time: row.time, timeZone: row.time_zone };
}

/** Nudge preferences and weekly nudge history in PostgreSQL. */
export class PostgresNudgeStore implements NudgeStore {
  constructor(private readonly pool: Pool) {}

  async get(userId: string): Promise<NudgeSettings | undefined> {
    const result = await this.pool.query<PreferenceRow>(
      'SELECT * FROM nudge_preferences WHERE user_id = $1',
      [userId],
    );
    const row = result.rows[0];
    return row && toSettings(row);
  }

  async save(userId: string, settings: NudgeSettings, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO nudge_preferences (user_id, enabled, day, time, time_zone, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET enabled = EXCLUDED.enabled, day = EXCLUDED.day,
         time = EXCLUDED.time, time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at`,
      [userId, settings.enabled, settings.day, settings.time, settings.timeZone, at],
    );
  }

  async listEnabled(afterUserId: string | undefined, limit: number): Promise<NudgeSubscriber[]> {
    const result = await this.pool.query<PreferenceRow>(
      `SELECT * FROM nudge_preferences WHERE enabled AND user_id > $1 ORDER BY user_id LIMIT $2`,
      [afterUserId ?? '', limit],
    );
    return result.rows.map((row) => ({ userId: row.user_id, settings: toSettings(row) }));
  }

  async history(userId: string): Promise<PlannedNudge[]> {
    const result = await this.pool.query<{ week: string; guide_id: string }>(
      'SELECT week, guide_id FROM nudge_history WHERE user_id = $1 ORDER BY week',
      [userId],
    );
    return result.rows.map((row) => ({ week: row.week, guideId: row.guide_id }));
  }

  async recordWeek(userId: string, week: string, guideId: string, at: Date): Promise<string> {
    await this.pool.query(
      `INSERT INTO nudge_history (user_id, week, guide_id, planned_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, week) DO NOTHING`,
      [userId, week, guideId, at],
    );
    const result = await this.pool.query<{ guide_id: string }>(
      'SELECT guide_id FROM nudge_history WHERE user_id = $1 AND week = $2',
      [userId, week],
    );
    const stored = result.rows[0];
    if (!stored) throw new Error(`The nudge for ${week} was recorded but could not be read back.`);
    return stored.guide_id;
  }

  async forget(userId: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const preferences = await client.query('DELETE FROM nudge_preferences WHERE user_id = $1', [userId]);
      const history = await client.query('DELETE FROM nudge_history WHERE user_id = $1', [userId]);
      return (preferences.rowCount ?? 0) + (history.rowCount ?? 0) > 0;
    });
  }
}
