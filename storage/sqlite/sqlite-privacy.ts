import type Database from 'better-sqlite3';
import type { FacilitatorProfile } from '../../core/circles/ports';
import type { GrantedRole } from '../../core/identity';
import { PSEUDONYM_PREFIX } from '../../core/privacy';
import type { ErasureCounts, ExportedBooking, PersonalDataExport, PersonalDataStore } from '../../core/ports';
import { toConversationRecord, type ConversationRow } from '../rows';

/** A circle has ended before @cutoff (start plus its length). */
const ENDED_BEFORE_CUTOFF = `julianday(c.starts_at) + c.duration_minutes / 1440.0 < julianday(@cutoff)`;

/** Subject access, erasure and retention in the embedded SQLite store; erasure is one IMMEDIATE transaction. */
export class SqlitePersonalDataStore implements PersonalDataStore {
  constructor(private readonly db: Database.Database) {}

  exportFor(userId: string): Promise<PersonalDataExport> {
    const roles = this.db
      .prepare('SELECT role, granted_at AS grantedAt FROM role_grants WHERE user_id = ? ORDER BY role')
      .all(userId) as { role: GrantedRole; grantedAt: string }[];
    const bookings = (
      this.db
        .prepare(
          `SELECT b.circle_id AS circleId, c.title AS circleTitle, c.starts_at AS circleStartsAt, b.status,
             b.display_name AS displayName, b.attended, b.created_at AS bookedAt
           FROM bookings b JOIN circles c ON c.id = b.circle_id WHERE b.user_id = ? ORDER BY c.starts_at, c.id`,
        )
        .all(userId) as (Omit<ExportedBooking, 'attended'> & { attended: number | null })[]
    ).map((row) => ({ ...row, attended: row.attended === null ? null : row.attended === 1 }));
    const conversations = (
      this.db
        .prepare(
          `SELECT conversation_id, scope, channel_id, service_url, tenant_id, bot_id, user_id, user_aad_object_id,
             team_id, title, updated_at FROM conversations WHERE user_aad_object_id = ? ORDER BY conversation_id`,
        )
        .all(userId) as ConversationRow[]
    ).map(toConversationRecord);
    const profile = this.db
      .prepare(
        `SELECT user_id AS userId, name, organisation_name AS organisationName, ods_code AS odsCode, region
         FROM facilitators WHERE user_id = ?`,
      )
      .get(userId) as (Omit<FacilitatorProfile, 'odsCode'> & { odsCode: string | null }) | undefined;
    const circlesFacilitated = this.db
      .prepare(
        `SELECT id AS circleId, title, starts_at AS startsAt, status FROM circles WHERE facilitator_id = ?
         ORDER BY starts_at, id`,
      )
      .all(userId) as PersonalDataExport['circlesFacilitated'];
    const circlesCoFacilitated = this.db
      .prepare(
        `SELECT c.id AS circleId, c.title, c.starts_at AS startsAt, c.status
         FROM circle_co_facilitators f JOIN circles c ON c.id = f.circle_id WHERE f.user_id = ?
         ORDER BY c.starts_at, c.id`,
      )
      .all(userId) as PersonalDataExport['circlesCoFacilitated'];
    const rosterReads = this.db
      .prepare(
        'SELECT circle_id AS circleId, read_at AS readAt FROM roster_reads WHERE reader_id = ? ORDER BY id',
      )
      .all(userId) as PersonalDataExport['rosterReads'];
    return Promise.resolve({
      userId,
      roles,
      bookings,
      conversations,
      facilitatorProfile: profile ? { ...profile, odsCode: profile.odsCode ?? undefined } : null,
      circlesFacilitated,
      circlesCoFacilitated,
      rosterReads,
    });
  }

  erase(userId: string, pseudonym: string, now: Date): Promise<ErasureCounts> {
    const run = this.db.transaction((): ErasureCounts => ({
      bookingsPseudonymised: this.db
        .prepare(
          'UPDATE bookings SET user_id = ?, display_name = NULL, teams_user_id = NULL WHERE user_id = ?',
        )
        .run(pseudonym, userId).changes,
      rosterReadsPseudonymised: this.db
        .prepare('UPDATE roster_reads SET reader_id = ? WHERE reader_id = ?')
        .run(pseudonym, userId).changes,
      conversationsDeleted: this.db
        .prepare('DELETE FROM conversations WHERE user_aad_object_id = ?')
        .run(userId).changes,
      rolesDeleted: this.db.prepare('DELETE FROM role_grants WHERE user_id = ?').run(userId).changes,
      facilitatorProfilesDeleted: this.db.prepare('DELETE FROM facilitators WHERE user_id = ?').run(userId)
        .changes,
      circlesPseudonymised: this.db
        .prepare(
          `UPDATE circles SET facilitator_id = @pseudonym
             WHERE facilitator_id = @userId AND (status <> 'scheduled' OR julianday(starts_at) <= julianday(@now))`,
        )
        .run({ pseudonym, userId, now: now.toISOString() }).changes,
      coFacilitationsDeleted: this.db
        .prepare('DELETE FROM circle_co_facilitators WHERE user_id = ?')
        .run(userId).changes,
    }));
    return Promise.resolve(run.immediate());
  }

  pseudonymiseCirclesEndedBefore(cutoff: Date, pseudonymOf: (userId: string) => string): Promise<number> {
    const run = this.db.transaction((): number => {
      const people = this.db
        .prepare(
          `SELECT DISTINCT b.user_id AS userId FROM bookings b JOIN circles c ON c.id = b.circle_id
           WHERE ${ENDED_BEFORE_CUTOFF} AND substr(b.user_id, 1, length(@prefix)) <> @prefix`,
        )
        .all({ cutoff: cutoff.toISOString(), prefix: PSEUDONYM_PREFIX }) as { userId: string }[];
      const update = this.db.prepare(
        `UPDATE bookings SET user_id = @pseudonym, display_name = NULL, teams_user_id = NULL
         WHERE user_id = @userId AND circle_id IN (SELECT c.id FROM circles c WHERE ${ENDED_BEFORE_CUTOFF})`,
      );
      let changed = 0;
      for (const { userId } of people) {
        changed += update.run({
          pseudonym: pseudonymOf(userId),
          userId,
          cutoff: cutoff.toISOString(),
        }).changes;
      }
      return changed;
    });
    return Promise.resolve(run.immediate());
  }
}
