import { ErrorCodes, fail, succeed, type Outcome } from '../errors';
import { THEME_IDS, type ThemeId } from '../content/model';
import { INSTANT_FORMAT, parseInstant, scheduleProblem } from '../time';
import { isTeamsJoinLink, MEETING_LINK_RULE } from './meeting-links';

/** Limits a facilitator works within when creating a circle. */
export const CIRCLE_LIMITS = {
  capacity: { min: 4, max: 25, default: 10 },
  durationMinutes: { min: 30, max: 180, default: 60 },
  title: { max: 120 },
  description: { max: 1000 },
} as const;

/** Who may book: everyone, or people from one organisation only. */
export type CircleAudience = { kind: 'open' } | { kind: 'organisation'; organisationId: string };

/** Where a circle is in its life. */
export type CircleStatus = 'scheduled' | 'cancelled' | 'completed';

/** A Leadership Support Circle. Times are UTC ISO-8601; the viewer's time zone is applied when shown. */
export interface Circle {
  id: string;
  /** One of the ten themes, or undefined when the circle has a named extra topic. */
  themeId: ThemeId | undefined;
  extraTopic: string | undefined;
  title: string;
  description: string;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  audience: CircleAudience;
  facilitatorId: string;
  organisationId: string;
  meetingUrl: string;
  status: CircleStatus;
}

/** What a facilitator supplies to create a circle (defaults applied by validateCircleDraft). */
export interface CircleDraftInput {
  themeId?: string;
  extraTopic?: string;
  title: string;
  description?: string;
  startsAt: string;
  durationMinutes?: number;
  capacity?: number;
  audience?: CircleAudience;
  meetingUrl: string;
}

/** A checked draft, ready to become a circle. */
export type CircleDraft = Omit<Circle, 'id' | 'facilitatorId' | 'organisationId' | 'status'>;

/** Checks a facilitator's draft against the circle rules, with time passed in. */
export function validateCircleDraft(input: CircleDraftInput, now: Date): Outcome<CircleDraft> {
  const problems: string[] = [];
  const themeId = input.themeId as ThemeId | undefined;
  if (themeId !== undefined && !THEME_IDS.includes(themeId))
    problems.push('themeId must be one of the ten theme ids');
  const extraTopic = input.extraTopic?.trim() || undefined;
  if ((themeId === undefined) === (extraTopic === undefined)) {
    problems.push('give either a themeId or an extraTopic (such as burnout or hybrid working), not both');
  }
  const title = input.title.trim();
  if (title === '' || title.length > CIRCLE_LIMITS.title.max)
    problems.push(`title must be 1–${CIRCLE_LIMITS.title.max} characters`);
  const description = (input.description ?? '').trim();
  if (description.length > CIRCLE_LIMITS.description.max)
    problems.push(`description must be at most ${CIRCLE_LIMITS.description.max} characters`);
  const startsAt = parseInstant(input.startsAt);
  const scheduling = startsAt
    ? scheduleProblem(startsAt, now)
    : `startsAt must be ${INSTANT_FORMAT}, on a real date`;
  if (scheduling) problems.push(scheduling);
  const durationMinutes = input.durationMinutes ?? CIRCLE_LIMITS.durationMinutes.default;
  const capacity = input.capacity ?? CIRCLE_LIMITS.capacity.default;
  for (const [name, value, limits] of [
    ['durationMinutes', durationMinutes, CIRCLE_LIMITS.durationMinutes],
    ['capacity', capacity, CIRCLE_LIMITS.capacity],
  ] as const) {
    if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
      problems.push(`${name} must be a whole number from ${limits.min} to ${limits.max}`);
    }
  }
  if (!isTeamsJoinLink(input.meetingUrl)) problems.push(MEETING_LINK_RULE);
  if (problems.length > 0) return fail(ErrorCodes.VALIDATION_FAILED, problems.join('; '));
  return succeed({
    themeId,
    extraTopic,
    title,
    description,
    startsAt: (startsAt ?? now).toISOString(),
    durationMinutes,
    capacity,
    audience: input.audience ?? { kind: 'open' },
    meetingUrl: input.meetingUrl,
  });
}

/**
 * Whether people can still join a circle (book it, or see its invite posted): it is scheduled and has not
 * started. `startedMessage` says what can no longer happen once it has.
 */
export function stillOpen(circle: Circle, now: Date, startedMessage: string): Outcome<void> {
  if (circle.status === 'cancelled')
    return fail(ErrorCodes.CIRCLE_CANCELLED, 'This circle has been cancelled.');
  if (circle.status === 'completed' || Date.parse(circle.startsAt) <= now.getTime()) {
    return fail(ErrorCodes.CIRCLE_STARTED, startedMessage);
  }
  return succeed(undefined);
}

/**
 * Whether a circle may be cancelled: not once it has started (its bookings are then the attendance record, and
 * a cancellation would let participants give up places they used). Cancelling a cancelled circle again is
 * allowed (and changes nothing), so a retried request gets the same answer.
 */
export function decideCircleCancellation(circle: Circle, now: Date): Outcome<void> {
  if (circle.status === 'cancelled') return succeed(undefined);
  if (circle.status === 'completed' || Date.parse(circle.startsAt) <= now.getTime()) {
    return fail(
      ErrorCodes.CIRCLE_STARTED,
      'This circle has already started, so it can no longer be cancelled.',
    );
  }
  return succeed(undefined);
}
