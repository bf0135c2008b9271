import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  decideCancellation,
  decideCapacityChange,
  type CapacityDecision,
  decideSignUp,
  type Booking,
  type CancellationDecision,
} from '../../core/circles/bookings';
import type { Circle, CircleStatus } from '../../core/circles/circle';
import type {
  CircleFilter,
  CirclePost,
  CircleStore,
  FacilitatorProfile,
  FacilitatorStore,
  SignUpResult,
} from '../../core/circles/ports';
import type { ThemeId } from '../../core/content/model';
import { ErrorCodes, fail, succeed, type Outcome } from '../../core/errors';

interface CircleRow {
  id: string;
  theme_id: string | null;
  extra_topic: string | null;
  title: string;
  description: string;
  starts_at: string;
  duration_minutes: number;
  capacity: number;
  audience_kind: 'open' | 'organisation';
  audience_organisation_id: string | null;
  facilitator_id: string;
  organisation_id: string;
  meeting_url: string;
  status: CircleStatus;
}

function toCircle(row: CircleRow): Circle {
  return {
    id: row.id,
    themeId: (row.theme_id ?? undefined) as ThemeId | undefined,
    extraTopic: row.extra_topic ?? undefined,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    capacity: row.capacity,
    audience:
      row.audience_kind === 'open'
        ? { kind: 'open' }
        : { kind: 'organisation', organisationId: row.audience_organisation_id ?? '' },
    facilitatorId: row.facilitator_id,
    organisationId: row.organisation_id,
    meetingUrl: row.meeting_url,
    status: row.status,
  };
}

function rowParams(circle: Circle, at: Date): Record<string, string | number | null> {
  return {
    id: circle.id,
    themeId: circle.themeId ?? null,
    extraTopic: circle.extraTopic ?? null,
    title: circle.title,
    description: circle.description,
    startsAt: circle.startsAt,
    durationMinutes: circle.durationMinutes,
    capacity: circle.capacity,
    audienceKind: circle.audience.kind,
    audienceOrganisationId: circle.audience.kind === 'organisation' ? circle.audience.organisationId : null,
    facilitatorId: circle.facilitatorId,
    organisationId: circle.organisationId,
    meetingUrl: circle.meetingUrl,
    status: circle.status,
    at: at.toISOString(),
  };
}

type BookingRow = Omit<Booking, 'displayName' | 'teamsUserId' | 'bookingId'> & {
  bookingId: string;
  displayName: string | null;
  teamsUserId: string | null;
};

function toBooking(row: BookingRow): Booking {
  return { ...row, displayName: row.displayName ?? undefined, teamsUserId: row.teamsUserId ?? undefined };
}

/** Circles and bookings in SQLite. Sign-up and cancellation run as one IMMEDIATE transaction each. */
export class SqliteCircleStore implements CircleStore {
  constructor(private readonly db: Database.Database) {}

  create(circle: Circle, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO circles (id, theme_id, extra_topic, title, description, starts_at, duration_minutes, capacity,
           audience_kind, audience_organisation_id, facilitator_id, organisation_id, meeting_url, status, created_at,
           updated_at)
         VALUES (@id, @themeId, @extraTopic, @title, @description, @startsAt, @durationMinutes, @capacity,
           @audienceKind, @audienceOrganisationId, @facilitatorId, @organisationId, @meetingUrl, @status, @at, @at)`,
      )
      .run(rowParams(circle, at));
    return Promise.resolve();
  }

  get(id: string): Promise<Circle | undefined> {
    return Promise.resolve(this.read(id));
  }

  private read(id: string): Circle | undefined {
    const row = this.db.prepare('SELECT * FROM circles WHERE id = ?').get(id) as CircleRow | undefined;
    return row && toCircle(row);
  }

  list(filter: CircleFilter): Promise<Circle[]> {
    const clauses: string[] = [];
    const params: Record<string, string> = {};
    const add = (clause: string, key: string, value: string | undefined) => {
      if (value === undefined) return;
      clauses.push(clause);
      params[key] = value;
    };
    add('theme_id = @themeId', 'themeId', filter.themeId);
    add('starts_at >= @from', 'from', filter.from);
    add('starts_at < @to', 'to', filter.to);
    add('organisation_id = @organisationId', 'organisationId', filter.organisationId);
    add('status = @status', 'status', filter.status);
    add('facilitator_id = @facilitatorId', 'facilitatorId', filter.facilitatorId);
    add(
      `(facilitator_id = @managedBy OR id IN
         (SELECT circle_id FROM circle_co_facilitators WHERE user_id = @managedBy))`,
      'managedBy',
      filter.managedBy,
    );
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT * FROM circles ${where} ORDER BY starts_at, id`)
      .all(params) as CircleRow[];
    return Promise.resolve(rows.map(toCircle));
  }

  update(circle: Circle, at: Date): Promise<void> {
    this.write(circle, at);
    return Promise.resolve();
  }

  private write(circle: Circle, at: Date): void {
    this.db
      .prepare(
        `UPDATE circles SET theme_id = @themeId, extra_topic = @extraTopic, title = @title, description = @description,
           starts_at = @startsAt, duration_minutes = @durationMinutes, capacity = @capacity,
           audience_kind = @audienceKind, audience_organisation_id = @audienceOrganisationId,
           meeting_url = @meetingUrl, status = @status, updated_at = @at
         WHERE id = @id`,
      )
      .run(rowParams(circle, at));
  }

  updateAndPromote(circle: Circle, at: Date): Promise<Outcome<CapacityDecision>> {
    const run = this.db.transaction((): Outcome<CapacityDecision> => {
      if (!this.read(circle.id)) return fail(ErrorCodes.NOT_FOUND, 'There is no such circle.');
      const decision = decideCapacityChange(this.readBookings(circle.id), circle.capacity);
      if (!decision.ok) return decision;
      this.write(circle, at);
      const promote = this.db.prepare(
        "UPDATE bookings SET status = 'confirmed' WHERE circle_id = ? AND user_id = ? AND status = 'waitlisted'",
      );
      for (const promoted of decision.value.promoted) promote.run(circle.id, promoted.userId);
      return succeed({
        promoted: decision.value.promoted.map((booking) => ({ ...booking, status: 'confirmed' })),
      });
    });
    return Promise.resolve(run.immediate());
  }

  bookings(circleId: string): Promise<Booking[]> {
    return Promise.resolve(this.readBookings(circleId));
  }

  private readBookings(circleId: string): Booking[] {
    const rows = this.db
      .prepare(
        'SELECT booking_id AS bookingId, circle_id AS circleId, user_id AS userId, status, sequence, display_name AS displayName, teams_user_id AS teamsUserId FROM bookings WHERE circle_id = ? ORDER BY sequence',
      )
      .all(circleId) as BookingRow[];
    return rows.map(toBooking);
  }

  bookingsOf(userId: string): Promise<Booking[]> {
    const rows = this.db
      .prepare(
        `SELECT b.booking_id AS bookingId, b.circle_id AS circleId, b.user_id AS userId, b.status, b.sequence, b.display_name AS displayName, b.teams_user_id AS teamsUserId FROM bookings b
         JOIN circles c ON c.id = b.circle_id WHERE b.user_id = ? ORDER BY c.starts_at`,
      )
      .all(userId) as BookingRow[];
    return Promise.resolve(rows.map(toBooking));
  }

  signUp(
    circleId: string,
    person: {
      userId: string;
      organisationId: string | undefined;
      displayName: string | undefined;
      teamsUserId?: string | undefined;
    },
    now: Date,
  ): Promise<Outcome<SignUpResult>> {
    const run = this.db.transaction((): Outcome<SignUpResult> => {
      const circle = this.read(circleId);
      if (!circle) return fail(ErrorCodes.NOT_FOUND, 'There is no such circle.');
      const bookings = this.readBookings(circleId);
      const decision = decideSignUp(circle, bookings, person, now);
      if (!decision.ok) return decision;
      const existing = bookings.find((booking) => booking.userId === person.userId);
      if (existing) return succeed({ decision: decision.value, booking: existing });
      const sequence = bookings.reduce((max, booking) => Math.max(max, booking.sequence), 0) + 1;
      const status = decision.value.kind === 'confirmed' ? 'confirmed' : 'waitlisted';
      const bookingId = randomUUID();
      this.db
        .prepare(
          'INSERT INTO bookings (booking_id, circle_id, user_id, status, sequence, display_name, teams_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          bookingId,
          circleId,
          person.userId,
          status,
          sequence,
          person.displayName ?? null,
          person.teamsUserId ?? null,
          now.toISOString(),
        );
      const booking: Booking = {
        bookingId,
        circleId,
        userId: person.userId,
        status,
        sequence,
        displayName: person.displayName,
        teamsUserId: person.teamsUserId,
      };
      return succeed({ decision: decision.value, booking });
    });
    return Promise.resolve(run.immediate());
  }

  cancel(circleId: string, userId: string, now: Date): Promise<Outcome<CancellationDecision>> {
    const run = this.db.transaction((): Outcome<CancellationDecision> => {
      const circle = this.read(circleId);
      if (!circle) return fail(ErrorCodes.NOT_FOUND, 'There is no such circle.');
      const decision = decideCancellation(circle, this.readBookings(circleId), userId, now);
      if (!decision.ok) return decision;
      this.db.prepare('DELETE FROM bookings WHERE circle_id = ? AND user_id = ?').run(circleId, userId);
      const promoted = decision.value.promoted;
      if (promoted) {
        this.db
          .prepare("UPDATE bookings SET status = 'confirmed' WHERE circle_id = ? AND user_id = ?")
          .run(circleId, promoted.userId);
      }
      return decision;
    });
    return Promise.resolve(run.immediate());
  }

  recordRosterRead(circleId: string, readerId: string, at: Date): Promise<void> {
    this.db
      .prepare('INSERT INTO roster_reads (circle_id, reader_id, read_at) VALUES (?, ?, ?)')
      .run(circleId, readerId, at.toISOString());
    return Promise.resolve();
  }

  markAttendance(circleId: string, userId: string, attended: boolean): Promise<boolean> {
    const result = this.db
      .prepare(
        "UPDATE bookings SET attended = ? WHERE circle_id = ? AND user_id = ? AND status = 'confirmed'",
      )
      .run(attended ? 1 : 0, circleId, userId);
    return Promise.resolve(result.changes > 0);
  }

  attendance(circleId: string): Promise<Map<string, boolean>> {
    const rows = this.db
      .prepare(
        'SELECT user_id AS userId, attended FROM bookings WHERE circle_id = ? AND attended IS NOT NULL',
      )
      .all(circleId) as { userId: string; attended: number }[];
    return Promise.resolve(new Map(rows.map((row) => [row.userId, row.attended === 1])));
  }

  recordPost(post: CirclePost, at: Date): Promise<void> {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO circle_posts (circle_id, conversation_id, activity_id, posted_at) VALUES (?, ?, ?, ?)',
      )
      .run(post.circleId, post.conversationId, post.activityId, at.toISOString());
    return Promise.resolve();
  }

  posts(circleId: string): Promise<CirclePost[]> {
    const rows = this.db
      .prepare(
        'SELECT circle_id AS circleId, conversation_id AS conversationId, activity_id AS activityId FROM circle_posts WHERE circle_id = ? ORDER BY posted_at',
      )
      .all(circleId) as CirclePost[];
    return Promise.resolve(rows);
  }

  setCoFacilitators(circleId: string, userIds: readonly string[], at: Date): Promise<boolean> {
    const run = this.db.transaction((): boolean => {
      if (!this.read(circleId)) return false;
      const kept = new Set(userIds);
      const current = this.readCoFacilitators(circleId);
      const remove = this.db.prepare(
        'DELETE FROM circle_co_facilitators WHERE circle_id = ? AND user_id = ?',
      );
      for (const userId of current) if (!kept.has(userId)) remove.run(circleId, userId);
      const add = this.db.prepare(
        'INSERT OR IGNORE INTO circle_co_facilitators (circle_id, user_id, added_at) VALUES (?, ?, ?)',
      );
      for (const userId of kept) add.run(circleId, userId, at.toISOString());
      return true;
    });
    return Promise.resolve(run.immediate());
  }

  coFacilitators(circleId: string): Promise<string[]> {
    return Promise.resolve(this.readCoFacilitators(circleId));
  }

  private readCoFacilitators(circleId: string): string[] {
    const rows = this.db
      .prepare(
        'SELECT user_id AS userId FROM circle_co_facilitators WHERE circle_id = ? ORDER BY added_at, user_id',
      )
      .all(circleId) as { userId: string }[];
    return rows.map((row) => row.userId);
  }

  rosterReads(circleId: string): Promise<{ readerId: string; readAt: string }[]> {
    const rows = this.db
      .prepare(
        'SELECT reader_id AS readerId, read_at AS readAt FROM roster_reads WHERE circle_id = ? ORDER BY id',
      )
      .all(circleId) as { readerId: string; readAt: string }[];
    return Promise.resolve(rows);
  }
}

interface FacilitatorRow {
  user_id: string;
  name: string;
  organisation_name: string;
  ods_code: string | null;
  region: string;
}

function toProfile(row: FacilitatorRow): FacilitatorProfile {
  return {
    userId: row.user_id,
    name: row.name,
    organisationName: row.organisation_name,
    odsCode: row.ods_code ?? undefined,
    region: row.region,
  };
}

/** The facilitator registry in SQLite. */
export class SqliteFacilitatorStore implements FacilitatorStore {
  constructor(private readonly db: Database.Database) {}

  upsert(profile: FacilitatorProfile, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO facilitators (user_id, name, organisation_name, ods_code, region, updated_at)
         VALUES (@userId, @name, @organisationName, @odsCode, @region, @at)
         ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, organisation_name = excluded.organisation_name,
           ods_code = excluded.ods_code, region = excluded.region, updated_at = excluded.updated_at`,
      )
      .run({ ...profile, odsCode: profile.odsCode ?? null, at: at.toISOString() });
    return Promise.resolve();
  }

  get(userId: string): Promise<FacilitatorProfile | undefined> {
    const row = this.db.prepare('SELECT * FROM facilitators WHERE user_id = ?').get(userId) as
      FacilitatorRow | undefined;
    return Promise.resolve(row && toProfile(row));
  }

  remove(userId: string): Promise<boolean> {
    return Promise.resolve(
      this.db.prepare('DELETE FROM facilitators WHERE user_id = ?').run(userId).changes > 0,
    );
  }

  search(filter: { organisation?: string; region?: string }): Promise<FacilitatorProfile[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM facilitators
         WHERE (@organisation IS NULL OR lower(organisation_name) LIKE '%' || lower(@organisation) || '%'
                OR lower(ods_code) = lower(@organisation))
           AND (@region IS NULL OR lower(region) LIKE '%' || lower(@region) || '%')
         ORDER BY organisation_name, name`,
      )
      .all({ organisation: filter.organisation ?? null, region: filter.region ?? null }) as FacilitatorRow[];
    return Promise.resolve(rows.map(toProfile));
  }
}
