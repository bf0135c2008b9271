import type { PersonalDataStore, UnansweredStore } from './ports';

/**
 * Privacy rules that do not depend on any store: coarse times that cannot be joined to a person, one-way
 * pseudonyms, and the retention cut-offs. Time is always passed in.
 */

/** A calendar day in UTC, `YYYY-MM-DD`. */
export type CalendarDay = string;

/** The UTC calendar day of a moment. */
export function dayOf(at: Date): CalendarDay {
  return at.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a moment's day, as ISO-8601 (the only time a person's conversation row keeps). */
export function startOfDayIso(at: Date): string {
  return `${dayOf(at)}T00:00:00.000Z`;
}

/** How long personal data is kept; read from configuration (bot/config.ts). */
export interface RetentionPolicy {
  /** Unanswered questions are deleted once they are older than this many days. */
  unansweredQuestionDays: number;
  /** Bookings and attendance of circles that ended longer ago than this many months are pseudonymised. */
  pastCircleMonths: number;
}

/** The retention the service applies unless configured otherwise: 90 days and 12 months. */
export const DEFAULT_RETENTION: RetentionPolicy = { unansweredQuestionDays: 90, pastCircleMonths: 12 };

/** What a retention pass removes or pseudonymises at a given moment. */
export interface RetentionCutoffs {
  /** Unanswered questions asked on a day before this one are deleted. */
  deleteQuestionsAskedBefore: CalendarDay;
  /** Bookings of circles that ended before this moment lose their person's id and name. */
  pseudonymiseCirclesEndedBefore: Date;
}

/** The cut-offs of a retention pass run at `now`. */
export function retentionCutoffs(now: Date, policy: RetentionPolicy): RetentionCutoffs {
  const questions = new Date(now.getTime() - policy.unansweredQuestionDays * 86_400_000);
  const circles = new Date(now.getTime());
  circles.setUTCMonth(circles.getUTCMonth() - policy.pastCircleMonths);
  return { deleteQuestionsAskedBefore: dayOf(questions), pseudonymiseCirclesEndedBefore: circles };
}

/** Every pseudonym starts with this, so reports can tell a pseudonymised row from a person's. */
export const PSEUDONYM_PREFIX = 'anon:';

/** Whether an id is a pseudonym rather than a person's id. */
export function isPseudonym(id: string): boolean {
  return id.startsWith(PSEUDONYM_PREFIX);
}

/**
 * A one-way pseudonymiser for one pass: each person gets a fresh random pseudonym (not derived from their id, so
 * it cannot be reversed by trying known ids), the same one for all their rows within the pass, so counts such as
 * "people who came twice" stay true. `randomId` supplies the randomness (crypto.randomUUID in the service).
 */
export function pseudonymiser(randomId: () => string): (userId: string) => string {
  const given = new Map<string, string>();
  return (userId) => {
    if (isPseudonym(userId)) return userId;
    let pseudonym = given.get(userId);
    if (pseudonym === undefined) {
      pseudonym = `${PSEUDONYM_PREFIX}${randomId()}`;
      given.set(userId, pseudonym);
    }
    return pseudonym;
  };
}

/** The two stores a retention pass works on (see core/ports.ts). */
export interface RetentionStores {
  unanswered: Pick<UnansweredStore, 'deleteAskedBefore'>;
  personalData: Pick<PersonalDataStore, 'pseudonymiseCirclesEndedBefore'>;
}

/** What one retention pass did. */
export interface RetentionOutcome {
  questionsDeleted: number;
  bookingsPseudonymised: number;
}

/**
 * One retention pass at `now`: deletes unanswered questions older than the policy allows and pseudonymises the
 * bookings and attendance of circles that ended too long ago (a fresh random pseudonym per person per pass).
 * Safe to repeat: a second pass at the same `now` changes nothing.
 */
export async function applyRetention(
  stores: RetentionStores,
  policy: RetentionPolicy,
  now: Date,
  randomId: () => string,
): Promise<RetentionOutcome> {
  const cutoffs = retentionCutoffs(now, policy);
  const questionsDeleted = await stores.unanswered.deleteAskedBefore(cutoffs.deleteQuestionsAskedBefore);
  const bookingsPseudonymised = await stores.personalData.pseudonymiseCirclesEndedBefore(
    cutoffs.pseudonymiseCirclesEndedBefore,
    pseudonymiser(randomId),
  );
  return { questionsDeleted, bookingsPseudonymised };
}
