import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
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
import { inTransaction } from './connection';

interface CircleRow {
  id: string;
  theme_id: string | null;
  extra_topic: string | null;
  title: string;
  description: string;
  starts_at: Date;
  duration_minutes: number;
  capacity: number;
  audience_kind: 'open' | 'organisation';
  audience_organisation_id: string | null;
  facilitator_id: string;
  organisation_id: string;
  meeting_url: string;
  status: CircleStatus;
}

const CIRCLE_COLUMNS = `id, theme_id, extra_topic, title, description, starts_at, duration_minutes, capacity,
  audience_kind, audience_organisation_id, facilitator_id, organisation_id, meeting_url, status`;

function toCircle(row: CircleRow): Circle {
  return {
    id: row.id,
    themeId: (row.theme_id ?? undefined) as ThemeId | undefined,
    extraTopic: row.extra_topic ?? undefined,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at.toISOString(),
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

/** A circle's editable columns as parameters $2.. (the id is $1), in the order the statements below use. */
function editableValues(circle: Circle): (string | number | null)[] {
  return [
    circle.themeId ?? null,
    circle.extraTopic ?? null,
    circle.title,
    circle.description,
    circle.startsAt,
    circle.durationMinutes,
    circle.capacity,
    circle.audience.kind,
    circle.audience.kind === 'organisation' ? circle.audience.organisationId : null,
    circle.meetingUrl,
    circle.status,
  ];
}

interface BookingRow {
  booking_id: string;
  circle_id: string;
  user_id: string;
  status: 'confirmed' | 'waitlisted';
  sequence: number;
  display_name: string | null;
  teams_user_id: string | null;
}

function toBooking(row: BookingRow): Booking {
  return {
    bookingId: row.booking_id,
    circleId: row.circle_id,
    userId: row.user_id,
    status: row.status,
    sequence: row.sequence,
    displayName: row.display_name ?? undefined,
    teamsUserId: row.teams_user_id ?? undefined,
  };
}

const BOOKING_COLUMNS =
  'b.booking_id, b.circle_id, b.user_id, b.status, b.sequence, b.display_name, b.teams_user_id';

async function readBookings(client: Pool | PoolClient, circleId: string): Promise<Booking[]> {
  const result = await client.query<BookingRow>(
    `SELECT ${BOOKING_COLUMNS} FROM bookings b WHERE b.circle_id = $1 ORDER BY b.sequence`,
    [circleId],
  );
  return result.rows.map(toBooking);
}

/** Reads a circle and locks its row until the transaction ends: every booking change of one circle queues here. */
async function lockCircle(client: PoolClient, circleId: string): Promise<Circle | undefined> {
  const result = await client.query<CircleRow>(
    `SELECT ${CIRCLE_COLUMNS} FROM circles WHERE id = $1 FOR UPDATE`,
    [circleId],
  );
  const row = result.rows[0];
  return row && toCircle(row);
}

/** Writes a circle's editable fields. */
async function writeCircle(client: Pool | PoolClient, circle: Circle, at: Date): Promise<void> {
  await client.query(
    `UPDATE circles SET theme_id = $2, extra_topic = $3, title = $4, description = $5, starts_at = $6,
       duration_minutes = $7, capacity = $8, audience_kind = $9, audience_organisation_id = $10,
       meeting_url = $11, status = $12, updated_at = $13
     WHERE id = $1`,
    [circle.id, ...editableValues(circle), at.toISOString()],
  );
}

/**
 * Circles and bookings in PostgreSQL. A sign-up or cancellation is one transaction that first locks the circle's
 * row (SELECT … FOR UPDATE), then reads its bookings, decides with the core rules and writes: concurrent requests
 * for one circle, from any number of processes, take turns, so places and promotions are exact.
 */
export class PostgresCircleStore implements CircleStore {
  constructor(private readonly pool: Pool) {}

  async create(circle: Circle, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO circles (id, theme_id, extra_topic, title, description, starts_at, duration_minutes, capacity,
         audience_kind, audience_organisation_id, meeting_url, status, facilitator_id, organisation_id, created_at,
         updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
      [circle.id, ...editableValues(circle), circle.facilitatorId, circle.organisationId, at.toISOString()],
    );
  }

  async get(id: string): Promise<Circle | undefined> {
    const result = await this.pool.query<CircleRow>(`SELECT ${CIRCLE_COLUMNS} FROM circles WHERE id = $1`, [
      id,
    ]);
    const row = result.rows[0];
    return row && toCircle(row);
  }

  async list(filter: CircleFilter): Promise<Circle[]> {
    const clauses: string[] = [];
    const values: string[] = [];
    const add = (column: string, operator: string, value: string | undefined) => {
      if (value === undefined) return;
      values.push(value);
      clauses.push(`${column} ${operator} $${values.length}`);
    };
    add('theme_id', '=', filter.themeId);
    add('starts_at', '>=', filter.from);
    add('starts_at', '<', filter.to);
    add('organisation_id', '=', filter.organisationId);
    add('status', '=', filter.status);
    add('facilitator_id', '=', filter.facilitatorId);
    if (filter.managedBy !== undefined) {
      values.push(filter.managedBy);
      const managedBy = `$${values.length}`;
      clauses.push(
        `(facilitator_id = ${managedBy} OR id IN
           (SELECT circle_id FROM circle_co_facilitators WHERE user_id = ${managedBy}))`,
      );
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const result = await this.pool.query<CircleRow>(
      `SELECT ${CIRCLE_COLUMNS} FROM circles ${where} ORDER BY starts_at, id COLLATE "C"`,
      values,
    );
    return result.rows.map(toCircle);
  }

  async update(circle: Circle, at: Date): Promise<void> {
    await writeCircle(this.pool, circle, at);
  }

  updateAndPromote(circle: Circle, at: Date): Promise<Outcome<CapacityDecision>> {
    return inTransaction(this.pool, async (client): Promise<Outcome<CapacityDecision>> => {
      if (!(await lockCircle(client, circle.id)))
        return fail(ErrorCodes.NOT_FOUND, 'There is no such circle.');
      const decision = decideCapacityChange(await readBookings(client, circle.id), circle.capacity);
      if (!decision.ok) return decision;
      await writeCircle(client, circle, at);
      for (const promoted of decision.value.promoted) {
        await client.query(
          "UPDATE bookings SET status = 'confirmed' WHERE circle_id = $1 AND user_id = $2 AND status = 'waitlisted'",
          [circle.id, promoted.userId],
        );
      }
      return succeed({
        promoted: decision.value.promoted.map((booking) => ({ ...booking, status: 'confirmed' as const })),
      });
    });
  }

  bookings(circleId: string): Promise<Booking[]> {
    return readBookings(this.pool, circleId);
  }

  async bookingsOf(userId: string): Promise<Booking[]> {
    const result = await this.pool.query<BookingRow>(
      `SELECT ${BOOKING_COLUMNS} FROM bookings b JOIN circles c ON c.id = b.circle_id
       WHERE b.user_id = $1 ORDER BY c.starts_at, c.id COLLATE "C"`,
      [userId],
    );
    return result.rows.map(toBooking);
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
    return inTransaction(this.pool, async (client): Promise<Outcome<SignUpResult>> => {
      const circle = await lockCircle(client, circleId);
      if (!circle) return fail(ErrorCodes.NOT_FOUND, 'There is no such circle.');
      const bookings = await readBookings(client, circleId);
      const decision = decideSignUp(circle, bookings, person, now);
      if (!decision.ok) return decision;
      const existing = bookings.find((booking) => booking.userId === person.userId);
      if (existing) return succeed({ decision: decision.value, booking: existing });
      const status = decision.value.kind === 'confirmed' ? 'confirmed' : 'waitlisted';
      // The next arrival number is taken under the circle's lock, so it is unique and in arrival order.
      const bookingId = randomUUID();
      const inserted = await client.query<{ sequence: number }>(
        `INSERT INTO bookings (circle_id, user_id, status, sequence, display_name, teams_user_id, created_at, booking_id)
         SELECT $1, $2, $3, COALESCE(max(sequence), 0) + 1, $4, $5, $6, $7 FROM bookings WHERE circle_id = $1
         RETURNING sequence`,
        [
          circleId,
          person.userId,
          status,
          person.displayName ?? null,
          person.teamsUserId ?? null,
          now.toISOString(),
          bookingId,
        ],
      );
      const sequence = inserted.rows[0]?.sequence;
      if (sequence === undefined) throw new Error('PostgreSQL returned no arrival number for a new booking.');
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
  }

  cancel(circleId: string, userId: string, now: Date): Promise<Outcome<CancellationDecision>> {
    return inTransaction(this.pool, async (client): Promise<Outcome<CancellationDecision>> => {
      const circle = await lockCircle(client, circleId);
      if (!circle) return fail(ErrorCodes.NOT_FOUND, 'There is no such circle.');
      const decision = decideCancellation(circle, await readBookings(client, circleId), userId, now);
      if (!decision.ok) return decision;
      await client.query('DELETE FROM bookings WHERE circle_id = $1 AND user_id = $2', [circleId, userId]);
      const promoted = decision.value.promoted;
      if (promoted) {
        await client.query(
          "UPDATE bookings SET status = 'confirmed' WHERE circle_id = $1 AND user_id = $2 AND status = 'waitlisted'",
          [circleId, promoted.userId],
        );
      }
      return decision;
    });
  }

  async recordRosterRead(circleId: string, readerId: string, at: Date): Promise<void> {
    await this.pool.query('INSERT INTO roster_reads (circle_id, reader_id, read_at) VALUES ($1, $2, $3)', [
      circleId,
      readerId,
      at.toISOString(),
    ]);
  }

  async rosterReads(circleId: string): Promise<{ readerId: string; readAt: string }[]> {
    const result = await this.pool.query<{ reader_id: string; read_at: Date }>(
      'SELECT reader_id, read_at FROM roster_reads WHERE circle_id = $1 ORDER BY id',
      [circleId],
    );
    return result.rows.map((row) => ({ readerId: row.reader_id, readAt: row.read_at.toISOString() }));
  }

  async markAttendance(circleId: string, userId: string, attended: boolean): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE bookings SET attended = $3 WHERE circle_id = $1 AND user_id = $2 AND status = 'confirmed'",
      [circleId, userId, attended],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async attendance(circleId: string): Promise<Map<string, boolean>> {
    const result = await this.pool.query<{ user_id: string; attended: boolean }>(
      'SELECT user_id, attended FROM bookings WHERE circle_id = $1 AND attended IS NOT NULL',
      [circleId],
    );
    return new Map(result.rows.map((row) => [row.user_id, row.attended]));
  }

  async recordPost(post: CirclePost, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO circle_posts (circle_id, conversation_id, activity_id, posted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conversation_id, activity_id) DO NOTHING`,
      [post.circleId, post.conversationId, post.activityId, at.toISOString()],
    );
  }

  async setCoFacilitators(circleId: string, userIds: readonly string[], at: Date): Promise<boolean> {
    return inTransaction(this.pool, async (client): Promise<boolean> => {
      if (!(await lockCircle(client, circleId))) return false;
      await client.query(
        'DELETE FROM circle_co_facilitators WHERE circle_id = $1 AND NOT (user_id = ANY($2::text[]))',
        [circleId, [...userIds]],
      );
      for (const userId of new Set(userIds)) {
        await client.query(
          `INSERT INTO circle_co_facilitators (circle_id, user_id, added_at) VALUES ($1, $2, $3)
           ON CONFLICT (circle_id, user_id) DO NOTHING`,
          [circleId, userId, at.toISOString()],
        );
      }
      return true;
    });
  }

  async coFacilitators(circleId: string): Promise<string[]> {
    const result = await this.pool.query<{ user_id: string }>(
      `SELECT user_id FROM circle_co_facilitators WHERE circle_id = $1 ORDER BY added_at, user_id COLLATE "C"`,
      [circleId],
    );
    return result.rows.map((row) => row.user_id);
  }

  async posts(circleId: string): Promise<CirclePost[]> {
    const result = await this.pool.query<{ circle_id: string; conversation_id: string; activity_id: string }>(
      `SELECT circle_id, conversation_id, activity_id FROM circle_posts WHERE circle_id = $1
       ORDER BY posted_at, conversation_id COLLATE "C", activity_id COLLATE "C"`,
      [circleId],
    );
    return result.rows.map((row) => ({
      circleId: row.circle_id,
      conversationId: row.conversation_id,
      activityId: row.activity_id,
    }));
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

/** The facilitator registry in PostgreSQL. */
export class PostgresFacilitatorStore implements FacilitatorStore {
  constructor(private readonly pool: Pool) {}

  async upsert(profile: FacilitatorProfile, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO facilitators (user_id, name, organisation_name, ods_code, region, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, organisation_name = EXCLUDED.organisation_name,
         ods_code = EXCLUDED.ods_code, region = EXCLUDED.region, updated_at = EXCLUDED.updated_at`,
      [
        profile.userId,
        profile.name,
        profile.organisationName,
        profile.odsCode ?? null,
        profile.region,
        at.toISOString(),
      ],
    );
  }

  async get(userId: string): Promise<FacilitatorProfile | undefined> {
    const result = await this.pool.query<FacilitatorRow>(
      'SELECT user_id, name, organisation_name, ods_code, region FROM facilitators WHERE user_id = $1',
      [userId],
    );
    const row = result.rows[0];
    return row && toProfile(row);
  }

  async remove(userId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM facilitators WHERE user_id = $1', [userId]);
    return (result.rowCount ?? 0) > 0;
  }

  async search(filter: { organisation?: string; region?: string }): Promise<FacilitatorProfile[]> {
    // strpos is a plain substring test: % and _ in what someone typed are not wildcards.
    const result = await this.pool.query<FacilitatorRow>(
      `SELECT user_id, name, organisation_name, ods_code, region FROM facilitators
       WHERE ($1::text IS NULL OR strpos(lower(organisation_name), lower($1)) > 0
              OR lower(ods_code) = lower($1))
         AND ($2::text IS NULL OR strpos(lower(region), lower($2)) > 0)
       ORDER BY organisation_name COLLATE "C", name COLLATE "C"`,
      [filter.organisation ?? null, filter.region ?? null],
    );
    return result.rows.map(toProfile);
  }
}
