import { ErrorCodes, fail, succeed, type Outcome } from '../errors';
import type { Booking } from '../circles/bookings';
import type { Circle } from '../circles/circle';
import type { CircleStore } from '../circles/ports';
import type { CalendarDay } from '../privacy';

/** Bounds of a circle feedback answer. */
export const CIRCLE_FEEDBACK_LIMITS = {
  helpful: { min: 1, max: 5 },
  /** "What would you change?" is optional free text, capped so a stored answer stays small. */
  change: { max: 500 },
} as const;

/** A participant's answer about one circle: how helpful (1-5), whether they would recommend it, and an idea. */
export interface CircleFeedbackAnswer {
  helpful: number;
  recommend: boolean;
  /** Optional free text ("what would you change?"); never sent to telemetry. */
  change: string | undefined;
}

/** One stored answer as the store returns it: the circle, the answer and only the day it was given. */
export interface StoredCircleFeedback extends CircleFeedbackAnswer {
  circleId: string;
  givenOn: CalendarDay;
}

/** Whether a recorded answer was someone's first for the circle or replaced their earlier one. */
export type FeedbackRecorded = 'added' | 'replaced';

/**
 * Circle feedback kept without identity. The answers hold no person column; one answer per person per circle is
 * kept through `personKey`, a one-way key of the person and the circle made under the service's secret (see
 * bot/feedback-keys.ts). How an adapter keeps the one-per-person rule without linking givers to answers is
 * described in docs/api.md (circle feedback) and storage/feedback-sealing.ts.
 */
export interface CircleFeedbackStore {
  /**
   * Records a person's answer for a circle; a repeat by the same `personKey` replaces their earlier answer. Only
   * the day of `now` is kept with the answer.
   */
  record(
    circleId: string,
    personKey: string,
    answer: CircleFeedbackAnswer,
    now: Date,
  ): Promise<FeedbackRecorded>;
  /** Whether the person with this key has answered for this circle. */
  hasAnswered(circleId: string, personKey: string): Promise<boolean>;
  /** Every answer for the given circles, in no particular order (never the person's key). */
  answersFor(circleIds: readonly string[]): Promise<StoredCircleFeedback[]>;
}

/**
 * Decides whether a person may give feedback on a circle at `now`: the circle was not cancelled, it has started,
 * and they hold a confirmed place. Waitlisted people and strangers are refused.
 */
export function mayGiveFeedback(
  circle: Circle,
  bookings: readonly Booking[],
  userId: string,
  now: Date,
): Outcome<void> {
  if (circle.status === 'cancelled') {
    return fail(
      ErrorCodes.CIRCLE_CANCELLED,
      'This circle was cancelled, so there is nothing to give feedback on.',
    );
  }
  const booking = bookings.find((candidate) => candidate.userId === userId);
  if (booking?.status !== 'confirmed') {
    return fail(
      ErrorCodes.NOT_BOOKED,
      'Only people with a confirmed place on this circle can give feedback.',
    );
  }
  if (circle.status !== 'completed' && Date.parse(circle.startsAt) > now.getTime()) {
    return fail(ErrorCodes.CIRCLE_NOT_STARTED, 'Feedback opens once the circle has started.');
  }
  return succeed(undefined);
}

/** The stores giving feedback needs (see core/ports.ts). */
export interface FeedbackGivingStores {
  circles: Pick<CircleStore, 'get' | 'bookings'>;
  circleFeedback: Pick<CircleFeedbackStore, 'record'>;
}

/**
 * Records a participant's answer about a circle once the rules allow it (see mayGiveFeedback). `userId` is used
 * only to check their place; the store gets `personKey` (a one-way key of the circle and the person). Used by the
 * tab's route and by the feedback card alike.
 */
export async function giveCircleFeedback(
  stores: FeedbackGivingStores,
  circleId: string,
  person: { userId: string; personKey: string },
  answer: CircleFeedbackAnswer,
  now: Date,
): Promise<Outcome<FeedbackRecorded>> {
  const circle = await stores.circles.get(circleId);
  if (!circle) return fail(ErrorCodes.NOT_FOUND, 'There is no such circle.');
  const allowed = mayGiveFeedback(circle, await stores.circles.bookings(circleId), person.userId, now);
  if (!allowed.ok) return allowed;
  return succeed(await stores.circleFeedback.record(circleId, person.personKey, answer, now));
}
