import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type {
  CircleFeedbackAnswer,
  CircleFeedbackStore,
  FeedbackRecorded,
  StoredCircleFeedback,
} from '../../core/feedback/circle-feedback';
import { dayOf } from '../../core/privacy';
import { giverHash, openAnswerRef, sealAnswerRef } from '../feedback-sealing';
import { inTransaction } from './connection';

/** Circle feedback in PostgreSQL, kept without identity (see storage/feedback-sealing.ts). */
export class PostgresCircleFeedbackStore implements CircleFeedbackStore {
  constructor(private readonly pool: Pool) {}

  async record(
    circleId: string,
    personKey: string,
    answer: CircleFeedbackAnswer,
    now: Date,
  ): Promise<FeedbackRecorded> {
    const hash = giverHash(personKey);
    const id = randomUUID();
    return inTransaction(this.pool, async (client) => {
      // Claims (or locks) the giver row first, so two answers sent at once by one person leave exactly one.
      const claimed = await client.query<{ answer_ref: string; added: boolean }>(
        `INSERT INTO circle_feedback_givers (circle_id, giver_hash, answer_ref) VALUES ($1, $2, $3)
         ON CONFLICT (circle_id, giver_hash) DO UPDATE SET answer_ref = circle_feedback_givers.answer_ref
         RETURNING answer_ref, (xmax = 0) AS added`,
        [circleId, hash, sealAnswerRef(personKey, id)],
      );
      const row = claimed.rows[0];
      const added = row?.added ?? true;
      if (!added && row) {
        const earlier = openAnswerRef(personKey, row.answer_ref);
        if (earlier !== undefined)
          await client.query('DELETE FROM circle_feedback_answers WHERE id = $1', [earlier]);
        await client.query(
          'UPDATE circle_feedback_givers SET answer_ref = $3 WHERE circle_id = $1 AND giver_hash = $2',
          [circleId, hash, sealAnswerRef(personKey, id)],
        );
      }
      await client.query(
        `INSERT INTO circle_feedback_answers (id, circle_id, helpful, recommend, change_text, given_on)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, circleId, answer.helpful, answer.recommend, answer.change ?? null, dayOf(now)],
      );
      return added ? 'added' : 'replaced';
    });
  }

  async hasAnswered(circleId: string, personKey: string): Promise<boolean> {
    const result = await this.pool.query(
      'SELECT 1 FROM circle_feedback_givers WHERE circle_id = $1 AND giver_hash = $2',
      [circleId, giverHash(personKey)],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async answersFor(circleIds: readonly string[]): Promise<StoredCircleFeedback[]> {
    if (circleIds.length === 0) return [];
    const result = await this.pool.query<{
      circle_id: string;
      helpful: number;
      recommend: boolean;
      change_text: string | null;
      given_on: string;
    }>(
      `SELECT circle_id, helpful, recommend, change_text, to_char(given_on, 'YYYY-MM-DD') AS given_on
       FROM circle_feedback_answers WHERE circle_id = ANY($1::text[])
       ORDER BY circle_id COLLATE "C", given_on, id`,
      [[...circleIds]],
    );
    return result.rows.map((row) => ({
      circleId: row.circle_id,
      helpful: row.helpful,
      recommend: row.recommend,
      change: row.change_text ?? undefined,
      givenOn: row.given_on,
    }));
  }
}
