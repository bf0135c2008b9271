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
];
