import type { Pool } from 'pg';
import type { GrantedRole } from '../../core/identity';
import { PSEUDONYM_PREFIX } from '../../core/privacy';
import type { ErasureCounts, PersonalDataExport, PersonalDataStore } from '../../core/ports';
import { inTransaction } from './connection';
import { CONVERSATION_COLUMNS, toConversationRecord, type ConversationRow } from '../rows';

/** A circle (alias c) has ended before $1 (start plus its length). */
const ENDED_BEFORE_CUTOFF = `c.starts_at + c.duration_minutes * interval '1 minute' < $1`;

/** Subject access, erasure and retention in PostgreSQL; erasure and each retention pass are one transaction. */
export class PostgresPersonalDataStore implements PersonalDataStore {
  constructor(private readonly pool: Pool) {}

  async exportFor(userId: string): Promise<PersonalDataExport> {
    const roles = await this.pool.query<{ role: GrantedRole; granted_at: Date }>(
      'SELECT role, granted_at FROM role_grants WHERE user_id = $1 ORDER BY role COLLATE "C"',
      [userId],
    );
    const bookings = await this.pool.query<{
      circle_id: string;
      title: string;
      starts_at: Date;
      status: 'confirmed' | 'waitlisted';
      display_name: string | null;
      attended: boolean | null;
      created_at: Date;
    }>(
      `SELECT b.circle_id, c.title, c.starts_at, b.status, b.display_name, b.attended, b.created_at
       FROM bookings b JOIN circles c ON c.id = b.circle_id WHERE b.user_id = $1
       ORDER BY c.starts_at, c.id COLLATE "C"`,
      [userId],
    );
    const conversations = await this.pool.query<ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE user_aad_object_id = $1
       ORDER BY conversation_id COLLATE "C"`,
      [userId],
    );
    const profile = await this.pool.query<{
      name: string;
      organisation_name: string;
      ods_code: string | null;
      region: string;
    }>('SELECT name, organisation_name, ods_code, region FROM facilitators WHERE user_id = $1', [userId]);
    const circles = await this.pool.query<{ id: string; title: string; starts_at: Date; status: string }>(
      'SELECT id, title, starts_at, status FROM circles WHERE facilitator_id = $1 ORDER BY starts_at, id COLLATE "C"',
      [userId],
    );
    const coFacilitated = await this.pool.query<{
      id: string;
      title: string;
      starts_at: Date;
      status: string;
    }>(
      `SELECT c.id, c.title, c.starts_at, c.status
       FROM circle_co_facilitators f JOIN circles c ON c.id = f.circle_id WHERE f.user_id = $1
       ORDER BY c.starts_at, c.id COLLATE "C"`,
      [userId],
    );
    const reads = await this.pool.query<{ circle_id: string; read_at: Date }>(
      'SELECT circle_id, read_at FROM roster_reads WHERE reader_id = $1 ORDER BY id',
      [userId],
    );
    const facilitator = profile.rows[0];
    return {
      userId,
      roles: roles.rows.map((row) => ({ role: row.role, grantedAt: row.granted_at.toISOString() })),
      bookings: bookings.rows.map((row) => ({
        circleId: row.circle_id,
        circleTitle: row.title,
        circleStartsAt: row.starts_at.toISOString(),
        status: row.status,
        displayName: row.display_name,
        attended: row.attended,
        bookedAt: row.created_at.toISOString(),
      })),
      conversations: conversations.rows.map(toConversationRecord),
      facilitatorProfile: facilitator
        ? {
            userId,
            name: facilitator.name,
            organisationName: facilitator.organisation_name,
            odsCode: facilitator.ods_code ?? undefined,
            region: facilitator.region,
          }
        : null,
      circlesFacilitated: circles.rows.map((row) => ({
        circleId: row.id,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        status: row.status,
      })),
      circlesCoFacilitated: coFacilitated.rows.map((row) => ({
        circleId: row.id,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        status: row.status,
      })),
      rosterReads: reads.rows.map((row) => ({ circleId: row.circle_id, readAt: row.read_at.toISOString() })),
    };
  }

  erase(userId: string, pseudonym: string, now: Date): Promise<ErasureCounts> {
    return inTransaction(this.pool, async (client): Promise<ErasureCounts> => {
      const changed = async (sql: string, values: unknown[]) =>
        (await client.query(sql, values)).rowCount ?? 0;
      return {
        bookingsPseudonymised: await changed(
          'UPDATE bookings SET user_id = $1, display_name = NULL, teams_user_id = NULL WHERE user_id = $2',
          [pseudonym, userId],
        ),
        rosterReadsPseudonymised: await changed(
          'UPDATE roster_reads SET reader_id = $1 WHERE reader_id = $2',
          [pseudonym, userId],
        ),
        conversationsDeleted: await changed('DELETE FROM conversations WHERE user_aad_object_id = $1', [
          userId,
        ]),
        rolesDeleted: await changed('DELETE FROM role_grants WHERE user_id = $1', [userId]),
        facilitatorProfilesDeleted: await changed('DELETE FROM facilitators WHERE user_id = $1', [userId]),
        circlesPseudonymised: await changed(
          `UPDATE circles SET facilitator_id = $1
           WHERE facilitator_id = $2 AND (status <> 'scheduled' OR starts_at <= $3)`,
          [pseudonym, userId, now.toISOString()],
        ),
        coFacilitationsDeleted: await changed('DELETE FROM circle_co_facilitators WHERE user_id = $1', [
          userId,
        ]),
      };
    });
  }

  pseudonymiseCirclesEndedBefore(cutoff: Date, pseudonymOf: (userId: string) => string): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const people = await client.query<{ user_id: string }>(
        `SELECT DISTINCT b.user_id FROM bookings b JOIN circles c ON c.id = b.circle_id
         WHERE ${ENDED_BEFORE_CUTOFF} AND left(b.user_id, length($2)) <> $2`,
        [cutoff.toISOString(), PSEUDONYM_PREFIX],
      );
      let changed = 0;
      for (const { user_id: userId } of people.rows) {
        const result = await client.query(
          `UPDATE bookings SET user_id = $3, display_name = NULL, teams_user_id = NULL
           WHERE user_id = $2 AND circle_id IN (SELECT c.id FROM circles c WHERE ${ENDED_BEFORE_CUTOFF})`,
          [cutoff.toISOString(), userId, pseudonymOf(userId)],
        );
        changed += result.rowCount ?? 0;
      }
      return changed;
    });
  }
}
