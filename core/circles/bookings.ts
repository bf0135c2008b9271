import { ErrorCodes, fail, succeed, type Outcome } from '../errors';
import { sameOrganisation } from '../profiles/profile';
import { stillOpen, type Circle } from './circle';

/** A person's place in a circle. Waitlisted places are ordered by when they were asked for. */
export interface Booking {
  /**
   * This place's own id, new each time a place is taken (giving a place up and booking again gives a new id), so
   * anything issued for one booking (a calendar link) dies with it. Stores always fill it in.
   */
  bookingId?: string;
  circleId: string;
  userId: string;
  status: 'confirmed' | 'waitlisted';
  /** Arrival order within the circle (first come, first served). */
  sequence: number;
  /** The person's display name, kept only so the facilitator's roster can show who is coming. */
  displayName: string | undefined;
  /** The person's Teams id (29:…), kept so a posted card can refresh to their own view; never shown. */
  teamsUserId?: string | undefined;
}

/** What a sign-up decided. */
export type SignUpDecision =
  | { kind: 'confirmed' }
  | { kind: 'waitlisted'; position: number }
  | { kind: 'alreadyConfirmed' }
  | { kind: 'alreadyWaitlisted'; position: number };

/** Seats still free. */
export function seatsLeft(circle: Circle, bookings: readonly Booking[]): number {
  return Math.max(0, circle.capacity - bookings.filter((booking) => booking.status === 'confirmed').length);
}

/** A person's 1-based waitlist position, or undefined when not waitlisted. */
export function waitlistPosition(bookings: readonly Booking[], userId: string): number | undefined {
  const waiting = bookings
    .filter((booking) => booking.status === 'waitlisted')
    .sort((a, b) => a.sequence - b.sequence);
  const index = waiting.findIndex((booking) => booking.userId === userId);
  return index === -1 ? undefined : index + 1;
}

/** Whether a person from an organisation may book this circle. */
export function inAudience(circle: Circle, organisationId: string | undefined): boolean {
  if (circle.audience.kind === 'open') return true;
  return organisationId !== undefined && sameOrganisation(circle.audience.organisationId, organisationId);
}

/**
 * Decides a sign-up from the circle and its current bookings (read in the same transaction that will write the
 * result). Repeating a sign-up is harmless: it reports the place already held.
 */
export function decideSignUp(
  circle: Circle,
  bookings: readonly Booking[],
  person: { userId: string; organisationId: string | undefined },
  now: Date,
): Outcome<SignUpDecision> {
  const existing = bookings.find((booking) => booking.userId === person.userId);
  if (existing?.status === 'confirmed') return succeed({ kind: 'alreadyConfirmed' });
  if (existing?.status === 'waitlisted') {
    return succeed({ kind: 'alreadyWaitlisted', position: waitlistPosition(bookings, person.userId) ?? 1 });
  }
  const open = stillOpen(circle, now, 'This circle has already started, so it can no longer be booked.');
  if (!open.ok) return open;
  if (!inAudience(circle, person.organisationId)) {
    return fail(
      ErrorCodes.NOT_IN_AUDIENCE,
      'This circle is only open to staff of the organisation running it.',
    );
  }
  if (seatsLeft(circle, bookings) > 0) return succeed({ kind: 'confirmed' });
  const waiting = bookings.filter((booking) => booking.status === 'waitlisted').length;
  return succeed({ kind: 'waitlisted', position: waiting + 1 });
}

/** What a cancellation decided: the place given up, and who (if anyone) moves up from the waitlist. */
export interface CancellationDecision {
  cancelled: Booking;
  promoted: Booking | undefined;
}

/** Decides giving up a place: a freed seat goes to the first person on the waitlist. */
export function decideCancellation(
  circle: Circle,
  bookings: readonly Booking[],
  userId: string,
  now: Date,
): Outcome<CancellationDecision> {
  const booking = bookings.find((candidate) => candidate.userId === userId);
  if (!booking) return fail(ErrorCodes.NOT_BOOKED, 'You do not have a place on this circle.');
  // Once a circle's start has passed its bookings are its attendance record: they stay, even on a circle that was
  // (wrongly) cancelled after it ran.
  if (Date.parse(circle.startsAt) <= now.getTime()) {
    return fail(
      ErrorCodes.CIRCLE_STARTED,
      'This circle has already started, so its places stay as they are.',
    );
  }
  const promoted =
    booking.status === 'confirmed' && circle.status === 'scheduled'
      ? bookings
          .filter((candidate) => candidate.status === 'waitlisted')
          .sort((a, b) => a.sequence - b.sequence)[0]
      : undefined;
  return succeed({ cancelled: booking, promoted });
}

/** Who moves up from the waiting list when a circle's capacity changes. */
export interface CapacityDecision {
  /** Waitlisted people who now have a place, first come first served. */
  promoted: Booking[];
}

/**
 * Decides a change of capacity from the bookings read in the same transaction that will write it: capacity may
 * not go below the people already confirmed, and every seat it frees goes to the waiting list in order.
 */
export function decideCapacityChange(
  bookings: readonly Booking[],
  capacity: number,
): Outcome<CapacityDecision> {
  const confirmed = bookings.filter((booking) => booking.status === 'confirmed').length;
  if (capacity < confirmed) {
    return fail(
      ErrorCodes.VALIDATION_FAILED,
      `capacity cannot go below the ${confirmed} people already confirmed`,
    );
  }
  const promoted = bookings
    .filter((booking) => booking.status === 'waitlisted')
    .sort((a, b) => a.sequence - b.sequence)
    .slice(0, capacity - confirmed);
  return succeed({ promoted });
}
