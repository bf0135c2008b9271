import { z } from 'zod';

/**
 * The one definition of a point in time that the service accepts from outside: ISO-8601 / RFC 3339 with an
 * explicit zone (`Z` or `±hh:mm`), a real calendar date (no 30 February rolled over to 2 March), and a year of
 * four digits (no `+275760-…` extended years). `Date.parse` alone accepts far more (`Jan 10 2027 10:00 Z`).
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** The earliest and latest years any instant may name; circles have their own, tighter window. */
export const INSTANT_YEARS = { min: 2000, max: 2100 } as const;

/** How far ahead a circle may be scheduled, and how far in the past a start time may be (clock skew). */
export const SCHEDULE_WINDOW = { maxAheadDays: 731, pastToleranceMs: 0 } as const;

/** What an instant must look like, for messages. */
export const INSTANT_FORMAT =
  'an ISO-8601 time with a zone, such as 2027-01-10T10:00:00Z or 2027-01-10T10:00+01:00';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant a strict ISO-8601 text names, or undefined when it is not one (or names a date that does not exist). */
export function parseInstant(text: string): Date | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < INSTANT_YEARS.min || year > INSTANT_YEARS.max) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (match[8] !== 'Z' && (Number(match[9]) > 14 || Number(match[10]) > 59)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** The zod schema for every instant the API accepts: a bounded string, checked by parseInstant, kept as sent. */
export const InstantSchema = z
  .string()
  .max(40)
  .refine((value) => parseInstant(value) !== undefined, `must be ${INSTANT_FORMAT}, on a real date`)
  .describe(`${INSTANT_FORMAT}, on a real date, in the years ${INSTANT_YEARS.min}–${INSTANT_YEARS.max}`);

/**
 * Why a circle cannot start at `startsAt` (a strict instant) given the time now, or undefined when it can: it must
 * be in the future and no more than about two years ahead.
 */
export function scheduleProblem(startsAt: Date, now: Date): string | undefined {
  if (startsAt.getTime() <= now.getTime() - SCHEDULE_WINDOW.pastToleranceMs)
    return 'startsAt must be in the future';
  if (startsAt.getTime() > now.getTime() + SCHEDULE_WINDOW.maxAheadDays * 86_400_000) {
    return 'startsAt must be within two years from now';
  }
  return undefined;
}
