import type Database from 'better-sqlite3';
import type { ManagerProfile, ProfileStore } from '../../core/profiles/profile';
import { toProfile, type ProfileRow } from '../rows';

/** People's organisation and region in the embedded SQLite store. */
export class SqliteProfileStore implements ProfileStore {
  constructor(private readonly db: Database.Database) {}

  get(userId: string): Promise<ManagerProfile | undefined> {
    const row = this.db.prepare('SELECT * FROM manager_profiles WHERE user_id = ?').get(userId) as
      ProfileRow | undefined;
    return Promise.resolve(row && toProfile(row));
  }

  put(profile: ManagerProfile, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO manager_profiles (user_id, organisation_name, ods_code, region, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET organisation_name = excluded.organisation_name,
           ods_code = excluded.ods_code, region = excluded.region, updated_at = excluded.updated_at`,
      )
      .run(
        profile.userId,
        profile.organisationName,
        profile.odsCode ?? null,
        profile.region,
        at.toISOString(),
      );
    return Promise.resolve();
  }

  remove(userId: string): Promise<boolean> {
    return Promise.resolve(
      this.db.prepare('DELETE FROM manager_profiles WHERE user_id = ?').run(userId).changes > 0,
    );
  }

  getMany(userIds: readonly string[]): Promise<ManagerProfile[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    const rows = this.db
      .prepare(
        'SELECT * FROM manager_profiles WHERE user_id IN (SELECT value FROM json_each(?)) ORDER BY user_id',
      )
      .all(JSON.stringify(userIds)) as ProfileRow[];
    return Promise.resolve(rows.map(toProfile));
  }
}
