import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  CircleFeedbackAnswer,
  CircleFeedbackStore,
  FeedbackRecorded,
  StoredCircleFeedback,
} from '../../core/feedback/circle-feedback';
import { dayOf } from '../../core/privacy';
import { giverHash, openAnswerRef, sealAnswerRef } from '../feedback-sealing';

interface AnswerRow {
  circle_id: string;
  helpful: number;
  recommend: number;
  change_text: string | null;
  given_on: string;
}

/** Circle feedback in the embedded SQLite store, kept without identity (see storage/feedback-sealing.ts). */
export class SqliteCircleFeedbackStore implements CircleFeedbackStore {
  constructor(private readonly db: Database.Database) {}

  record(
    circleId: string,
    personKey: string,
    answer: CircleFeedbackAnswer,
    now: Date,
  ): Promise<FeedbackRecorded> {
    const hash = giverHash(personKey);
    const write = this.db.transaction((): FeedbackRecorded => {
      const giver = this.db
        .prepare('SELECT answer_ref FROM circle_feedback_givers WHERE circle_id = ? AND giver_hash = ?')
        .get(circleId, hash) as { answer_ref: string } | undefined;
      const earlier = giver && openAnswerRef(personKey, giver.answer_ref);
      if (earlier !== undefined)
        this.db.prepare('DELETE FROM circle_feedback_answers WHERE id = ?').run(earlier);
      const id = randomUUID();
      this.db
        .prepare(
          `INSERT INTO circle_feedback_answers (id, circle_id, helpful, recommend, change_text, given_on)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, circleId, answer.helpful, answer.recommend ? 1 : 0, answer.change ?? null, dayOf(now));
      this.db
        .prepare(
          `INSERT INTO circle_feedback_givers (circle_id, giver_hash, answer_ref) VALUES (?, ?, ?)
           ON CONFLICT (circle_id, giver_hash) DO UPDATE SET answer_ref = excluded.answer_ref`,
        )
        .run(circleId, hash, sealAnswerRef(personKey, id));
      return giver ? 'replaced' : 'added';
    });
    return Promise.resolve(write.immediate());
  }

  hasAnswered(circleId: string, personKey: string): Promise<boolean> {
    const row = this.db
      .prepare('SELECT 1 AS found FROM circle_feedback_givers WHERE circle_id = ? AND giver_hash = ?')
      .get(circleId, giverHash(personKey));
    return Promise.resolve(row !== undefined);
  }

  answersFor(circleIds: readonly string[]): Promise<StoredCircleFeedback[]> {
    if (circleIds.length === 0) return Promise.resolve([]);
    const rows = this.db
      .prepare(
        `SELECT circle_id, helpful, recommend, change_text, given_on FROM circle_feedback_answers
         WHERE circle_id IN (SELECT value FROM json_each(?)) ORDER BY circle_id, given_on, id`,
      )
      .all(JSON.stringify(circleIds)) as AnswerRow[];
    return Promise.resolve(
      rows.map((row) => ({
        circleId: row.circle_id,
        helpful: row.helpful,
        recommend: row.recommend === 1,
        change: row.change_text ?? undefined,
        givenOn: row.given_on,
      })),
    );
  }
}
