import type { Pool } from 'pg';
import type { ManagerProfile, ProfileStore } from '../../core/profiles/profile';
import { toProfile, type ProfileRow } from '../rows';

/** People's organisation and region in PostgreSQL. */
export class PostgresProfileStore implements ProfileStore {
  constructor(private readonly pool: Pool) {}

  async get(userId: string): Promise<ManagerProfile | undefined> {
    const result = await this.pool.query<ProfileRow>(
      'SELECT user_id, organisation_name, ods_code, region FROM manager_profiles WHERE user_id = $1',
      [userId],
    );
    const row = result.rows[0];
    return row && toProfile(row);
  }

  async put(profile: ManagerProfile, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO manager_profiles (user_id, organisation_name, ods_code, region, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET organisation_name = EXCLUDED.organisation_name,
         ods_code = EXCLUDED.ods_code, region = EXCLUDED.region, updated_at = EXCLUDED.updated_at`,
      [profile.userId, profile.organisationName, profile.odsCode ?? null, profile.region, at.toISOString()],
    );
  }

  async remove(userId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM manager_profiles WHERE user_id = $1', [userId]);
    return (result.rowCount ?? 0) > 0;
  }

  async getMany(userIds: readonly string[]): Promise<ManagerProfile[]> {
    if (userIds.length === 0) return [];
    const result = await this.pool.query<ProfileRow>(
      `SELECT user_id, organisation_name, ods_code, region FROM manager_profiles WHERE user_id = ANY($1::text[])
       ORDER BY user_id COLLATE "C"`,
      [[...userIds]],
    );
    return result.rows.map(toProfile);
  }
}
