/** One versioned schema change. Versions only ever grow; a released migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Applied at start-up inside one transaction each. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations and roles',
    sql: `
      CREATE TABLE conversations (
        conversation_id TEXT PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('personal', 'groupChat', 'channel')),
        channel_id TEXT NOT NULL,
        service_url TEXT NOT NULL,
        tenant_id TEXT,
        bot_id TEXT NOT NULL,
        user_id TEXT,
        user_aad_object_id TEXT,
        team_id TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversations_personal ON conversations (user_aad_object_id) WHERE scope = 'personal';
      CREATE INDEX conversations_team ON conversations (team_id);
      CREATE TABLE role_grants (
        user_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'admin')),
        granted_at TEXT NOT NULL,
        PRIMARY KEY (user_id, role)
      );
    `,
  },
  {
    version: 2,
    name: 'guide feedback and unanswered questions',
    sql: `
      CREATE TABLE guide_feedback (
        action_id TEXT PRIMARY KEY,
        guide_id TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX guide_feedback_guide ON guide_feedback (guide_id);
      CREATE TABLE unanswered_questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        text TEXT NOT NULL,
        asked_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'circles, bookings, roster audit and facilitator registry',
    sql: `
      CREATE TABLE circles (
        id TEXT PRIMARY KEY,
        theme_id TEXT,
        extra_topic TEXT,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 4 AND 25),
        audience_kind TEXT NOT NULL CHECK (audience_kind IN ('open', 'organisation')),
        audience_organisation_id TEXT,
        facilitator_id TEXT NOT NULL,
        organisation_id TEXT NOT NULL,
        meeting_url TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'completed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX circles_start ON circles (starts_at);
      CREATE TABLE bookings (
        circle_id TEXT NOT NULL REFERENCES circles (id),
        user_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
        sequence INTEGER NOT NULL,
        display_name TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (circle_id, user_id)
      );
      CREATE INDEX bookings_user ON bookings (user_id);
      CREATE TABLE roster_reads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        circle_id TEXT NOT NULL,
        reader_id TEXT NOT NULL,
        read_at TEXT NOT NULL
      );
      CREATE TABLE facilitators (
        user_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        organisation_name TEXT NOT NULL,
        ods_code TEXT,
        region TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'posted circle invites and Teams ids for card refresh',
    sql: `
      ALTER TABLE bookings ADD COLUMN teams_user_id TEXT;
      CREATE TABLE circle_posts (
        circle_id TEXT NOT NULL REFERENCES circles (id),
        conversation_id TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, activity_id)
      );
      CREATE INDEX circle_posts_circle ON circle_posts (circle_id);
    `,
  },
  {
    version: 5,
    name: 'attendance',
    sql: `ALTER TABLE bookings ADD COLUMN attended INTEGER CHECK (attended IN (0, 1));`,
  },
  {
    version: 6,
    name: 'channel titles',
    sql: `
      ALTER TABLE conversations ADD COLUMN title TEXT;
      CREATE INDEX conversations_channels ON conversations (updated_at) WHERE scope = 'channel';
    `,
  },
  {
    version: 8,
    name: 'health round trip, unanswered questions by day, personal conversations by day',
    sql: `
      CREATE TABLE store_health (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        token TEXT NOT NULL,
        checked_at TEXT NOT NULL
      );
      CREATE TABLE unanswered_questions_by_day (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        text TEXT NOT NULL,
        asked_on TEXT NOT NULL
      );
      INSERT INTO unanswered_questions_by_day (id, text, asked_on)
        SELECT id, text, substr(asked_at, 1, 10) FROM unanswered_questions;
      DROP TABLE unanswered_questions;
      ALTER TABLE unanswered_questions_by_day RENAME TO unanswered_questions;
      CREATE INDEX unanswered_questions_day ON unanswered_questions (asked_on);
      UPDATE conversations SET updated_at = substr(updated_at, 1, 10) || 'T00:00:00.000Z' WHERE scope = 'personal';
      CREATE INDEX roster_reads_reader ON roster_reads (reader_id);
      CREATE INDEX circles_facilitator ON circles (facilitator_id);
      `,
  },
  {
    version: 9,
    name: 'outbox',
    sql: `
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        occurrence TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'retired')),
        due_at TEXT NOT NULL,
        next_try_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        lease_owner TEXT,
        again_at TEXT,
        sent_at TEXT,
        UNIQUE (kind, conversation_id, subject, occurrence)
      );
      CREATE INDEX outbox_due ON outbox (next_try_at, id) WHERE status IN ('pending', 'sending');
      CREATE INDEX outbox_subject ON outbox (kind, subject, status);
      CREATE INDEX outbox_conversation ON outbox (conversation_id, status);
    `,
  },
  {
    version: 10,
    name: 'one guide vote per person (by a one-way voter key)',
    sql: `
      ALTER TABLE guide_feedback ADD COLUMN voter_key TEXT;
      CREATE UNIQUE INDEX guide_feedback_voter ON guide_feedback (guide_id, voter_key) WHERE voter_key IS NOT NULL;
      `,
  },
  {
    version: 11,
    name: 'audit log, and an id per booking (new on every re-booking) for calendar links',
    sql: `
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        circle_id TEXT,
        subject_id TEXT
      );
      CREATE INDEX audit_events_at ON audit_events (at, id);
      CREATE INDEX audit_events_actor ON audit_events (actor_id);
      CREATE INDEX audit_events_subject ON audit_events (subject_id);
      ALTER TABLE bookings ADD COLUMN booking_id TEXT NOT NULL DEFAULT '';
      UPDATE bookings SET booking_id = lower(hex(randomblob(16)));
    `,
  },
  {
    version: 12,
    name: 'nudge preferences and weekly nudge history',
    sql: `
      CREATE TABLE nudge_preferences (
        user_id TEXT PRIMARY KEY,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        day TEXT NOT NULL,
        time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX nudge_preferences_enabled ON nudge_preferences (enabled, user_id);
      CREATE TABLE nudge_history (
        user_id TEXT NOT NULL,
        week TEXT NOT NULL,
        guide_id TEXT NOT NULL,
        planned_at TEXT NOT NULL,
        PRIMARY KEY (user_id, week)
      );
      `,
  },
  {
    version: 13,
    name: 'circle feedback without identity (givers by one-way hash, answers with no person column); manager profiles',
    sql: `
      CREATE TABLE circle_feedback_givers (
        circle_id TEXT NOT NULL REFERENCES circles (id),
        giver_hash TEXT NOT NULL,
        answer_ref TEXT NOT NULL,
        PRIMARY KEY (circle_id, giver_hash)
      ) WITHOUT ROWID;
      CREATE TABLE circle_feedback_answers (
        id TEXT PRIMARY KEY,
        circle_id TEXT NOT NULL REFERENCES circles (id),
        helpful INTEGER NOT NULL CHECK (helpful BETWEEN 1 AND 5),
        recommend INTEGER NOT NULL CHECK (recommend IN (0, 1)),
        change_text TEXT,
        given_on TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX impact_feedback_answers_circle ON circle_feedback_answers (circle_id);
      CREATE TABLE manager_profiles (
        user_id TEXT PRIMARY KEY,
        organisation_name TEXT NOT NULL,
        ods_code TEXT,
        region TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 14,
    name: 'send slots per tenant (the global send rate shared by every instance)',
    sql: `
      CREATE TABLE send_slots (
        tenant_id TEXT PRIMARY KEY,
        next_at REAL NOT NULL
      );
    `,
  },
  {
    version: 15,
    name: 'co-facilitators of a circle (registered facilitators who may manage it with its facilitator)',
    sql: `
      CREATE TABLE circle_co_facilitators (
        circle_id TEXT NOT NULL REFERENCES circles (id),
        user_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (circle_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX circle_co_facilitators_user ON circle_co_facilitators (user_id);
    `,
  },
];
