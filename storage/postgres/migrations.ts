/** One versioned schema change. Versions only ever grow; a released migration is never edited. */
export interface PostgresMigration {
  version: number;
  name: string;
  /** Runs inside a transaction with the version's record, so no statement here may refuse one (no CONCURRENTLY). */
  sql: string;
}

/**
 * Every PostgreSQL migration, in order. Version 1 is the schema SQLite reached at its version 6 (times are
 * timestamptz, flags boolean, ids identity columns); later changes are added to both adapters.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'conversations, roles, feedback, unanswered questions, circles, bookings, roster audit, posts, facilitators',
    sql: `
      CREATE TABLE conversations (
        conversation_id text PRIMARY KEY,
        scope text NOT NULL CHECK (scope IN ('personal', 'groupChat', 'channel')),
        channel_id text NOT NULL,
        service_url text NOT NULL,
        tenant_id text,
        bot_id text NOT NULL,
        user_id text,
        user_aad_object_id text,
        team_id text,
        title text,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX conversations_personal ON conversations (user_aad_object_id, updated_at DESC)
        WHERE scope = 'personal';
      CREATE INDEX conversations_team ON conversations (team_id);
      CREATE INDEX conversations_channels ON conversations (updated_at DESC) WHERE scope = 'channel';

      CREATE TABLE role_grants (
        user_id text NOT NULL,
        role text NOT NULL CHECK (role IN ('facilitator', 'admin')),
        granted_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, role)
      );
      CREATE INDEX role_grants_role ON role_grants (role, granted_at);

      CREATE TABLE guide_feedback (
        action_id text PRIMARY KEY,
        guide_id text NOT NULL,
        helpful boolean NOT NULL,
        recorded_at timestamptz NOT NULL
      );
      CREATE INDEX guide_feedback_guide ON guide_feedback (guide_id);

      CREATE TABLE unanswered_questions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        text text NOT NULL,
        asked_at timestamptz NOT NULL
      );
      CREATE INDEX unanswered_questions_asked ON unanswered_questions (asked_at DESC, id DESC);

      CREATE TABLE circles (
        id text PRIMARY KEY,
        theme_id text,
        extra_topic text,
        title text NOT NULL,
        description text NOT NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL,
        capacity integer NOT NULL CHECK (capacity BETWEEN 4 AND 25),
        audience_kind text NOT NULL CHECK (audience_kind IN ('open', 'organisation')),
        audience_organisation_id text,
        facilitator_id text NOT NULL,
        organisation_id text NOT NULL,
        meeting_url text NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'completed')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX circles_start ON circles (starts_at);

      CREATE TABLE bookings (
        circle_id text NOT NULL REFERENCES circles (id),
        user_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
        sequence integer NOT NULL,
        display_name text,
        teams_user_id text,
        attended boolean,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (circle_id, user_id),
        UNIQUE (circle_id, sequence)
      );
      CREATE INDEX bookings_user ON bookings (user_id);

      CREATE TABLE roster_reads (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        circle_id text NOT NULL,
        reader_id text NOT NULL,
        read_at timestamptz NOT NULL
      );
      CREATE INDEX roster_reads_circle ON roster_reads (circle_id, id);

      CREATE TABLE circle_posts (
        circle_id text NOT NULL REFERENCES circles (id),
        conversation_id text NOT NULL,
        activity_id text NOT NULL,
        posted_at timestamptz NOT NULL,
        PRIMARY KEY (conversation_id, activity_id)
      );
      CREATE INDEX circle_posts_circle ON circle_posts (circle_id);

      CREATE TABLE facilitators (
        user_id text PRIMARY KEY,
        name text NOT NULL,
        organisation_name text NOT NULL,
        ods_code text,
        region text NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'health round trip, unanswered questions by day, personal conversations by day',
    sql: `
      CREATE TABLE store_health (
        id integer PRIMARY KEY CHECK (id = 1),
        token text NOT NULL,
        checked_at timestamptz NOT NULL
      );
      ALTER TABLE unanswered_questions ADD COLUMN asked_on date;
      UPDATE unanswered_questions SET asked_on = (asked_at AT TIME ZONE 'UTC')::date;
      ALTER TABLE unanswered_questions ALTER COLUMN asked_on SET NOT NULL;
      DROP INDEX unanswered_questions_asked;
      ALTER TABLE unanswered_questions DROP COLUMN asked_at;
      CREATE INDEX unanswered_questions_day ON unanswered_questions (asked_on DESC, id DESC);
      UPDATE conversations SET updated_at = date_trunc('day', updated_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
        WHERE scope = 'personal';
      CREATE INDEX roster_reads_reader ON roster_reads (reader_id);
      CREATE INDEX circles_facilitator ON circles (facilitator_id);
      `,
  },
  {
    version: 4,
    name: 'outbox',
    sql: `
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        conversation_id text NOT NULL,
        subject text NOT NULL,
        occurrence text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'retired')),
        due_at timestamptz NOT NULL,
        next_try_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        lease_owner text,
        again_at timestamptz,
        sent_at timestamptz,
        UNIQUE (kind, conversation_id, subject, occurrence)
      );
      CREATE INDEX outbox_due ON outbox (next_try_at, id) WHERE status IN ('pending', 'sending');
      CREATE INDEX outbox_subject ON outbox (kind, subject, status);
      CREATE INDEX outbox_conversation ON outbox (conversation_id, status);
    `,
  },
  {
    version: 5,
    name: 'one guide vote per person (by a one-way voter key)',
    sql: `
      ALTER TABLE guide_feedback ADD COLUMN voter_key text;
      CREATE UNIQUE INDEX guide_feedback_voter ON guide_feedback (guide_id, voter_key) WHERE voter_key IS NOT NULL;
      `,
  },
  {
    version: 6,
    name: 'audit log, and an id per booking (new on every re-booking) for calendar links',
    sql: `
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        circle_id text,
        subject_id text
      );
      CREATE INDEX audit_events_at ON audit_events (at, id);
      CREATE INDEX audit_events_actor ON audit_events (actor_id);
      CREATE INDEX audit_events_subject ON audit_events (subject_id);
      ALTER TABLE bookings ADD COLUMN booking_id text NOT NULL DEFAULT gen_random_uuid()::text;
    `,
  },
  {
    version: 7,
    name: 'nudge preferences and weekly nudge history',
    sql: `
      CREATE TABLE nudge_preferences (
        user_id text COLLATE "C" PRIMARY KEY,
        enabled boolean NOT NULL,
        day text NOT NULL,
        time text NOT NULL,
        time_zone text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX nudge_preferences_enabled ON nudge_preferences (user_id) WHERE enabled;
      CREATE TABLE nudge_history (
        user_id text COLLATE "C" NOT NULL,
        week text COLLATE "C" NOT NULL,
        guide_id text NOT NULL,
        planned_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, week)
      );
      `,
  },
  {
    version: 8,
    name: 'circle feedback without identity (givers by one-way hash, answers with no person column); manager profiles',
    sql: `
      CREATE TABLE circle_feedback_givers (
        circle_id text NOT NULL REFERENCES circles (id),
        giver_hash text NOT NULL,
        answer_ref text NOT NULL,
        PRIMARY KEY (circle_id, giver_hash)
      );
      CREATE TABLE circle_feedback_answers (
        id text PRIMARY KEY,
        circle_id text NOT NULL REFERENCES circles (id),
        helpful smallint NOT NULL CHECK (helpful BETWEEN 1 AND 5),
        recommend boolean NOT NULL,
        change_text text,
        given_on date NOT NULL
      );
      CREATE INDEX impact_feedback_answers_circle ON circle_feedback_answers (circle_id);
      CREATE TABLE manager_profiles (
        user_id text PRIMARY KEY,
        organisation_name text NOT NULL,
        ods_code text,
        region text NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: 'send slots per tenant (the global send rate shared by every instance)',
    sql: `
      CREATE TABLE send_slots (
        tenant_id text PRIMARY KEY,
        next_at double precision NOT NULL
      );
    `,
  },
  {
    version: 10,
    name: 'co-facilitators of a circle (registered facilitators who may manage it with its facilitator)',
    sql: `
      CREATE TABLE circle_co_facilitators (
        circle_id text NOT NULL REFERENCES circles (id),
        user_id text NOT NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (circle_id, user_id)
      );
      CREATE INDEX circle_co_facilitators_user ON circle_co_facilitators (user_id);
    `,
  },
];
