import type { Outcome } from '../errors';
import type { Booking, CancellationDecision, CapacityDecision, SignUpDecision } from './bookings';
import type { Circle, CircleStatus } from './circle';

/** A trained facilitator in the national registry. */
export interface FacilitatorProfile {
  userId: string;
  name: string;
  organisationName: string;
  /** NHS ODS code of the organisation, where known. */
  odsCode: string | undefined;
  region: string;
}

/** Filters for listing circles. */
export interface CircleFilter {
  themeId?: string;
  from?: string;
  to?: string;
  organisationId?: string;
  status?: CircleStatus;
  facilitatorId?: string;
  /** Only circles this person runs: as their facilitator or as one of their co-facilitators. */
  managedBy?: string;
}

/** The outcome of a sign-up as written: the decision and the person's booking afterwards. */
export interface SignUpResult {
  decision: SignUpDecision;
  booking: Booking;
}

/** Keeps circles, bookings and the roster audit. Sign-up and cancellation are atomic. */
export interface CircleStore {
  create(circle: Circle, at: Date): Promise<void>;
  get(id: string): Promise<Circle | undefined>;
  list(filter: CircleFilter): Promise<Circle[]>;
  /** Replaces a circle's editable fields (the id, facilitator and organisation never change). */
  update(circle: Circle, at: Date): Promise<void>;
  /**
   * An edit that may change capacity: in one transaction (under the circle's lock) reads the bookings, refuses a
   * capacity below the people confirmed, writes the circle and confirms waitlisted people in order into every
   * seat it frees. Returns who was promoted (their notices are the caller's job).
   */
  updateAndPromote(circle: Circle, at: Date): Promise<Outcome<CapacityDecision>>;
  bookings(circleId: string): Promise<Booking[]>;
  bookingsOf(userId: string): Promise<Booking[]>;
  /** Reads the circle and its bookings, decides and writes in one transaction, so concurrent sign-ups are exact. */
  signUp(
    circleId: string,
    person: {
      userId: string;
      organisationId: string | undefined;
      displayName: string | undefined;
      teamsUserId?: string | undefined;
    },
    now: Date,
  ): Promise<Outcome<SignUpResult>>;
  /** Gives up a place and promotes the first waitlisted person, in one transaction. */
  cancel(circleId: string, userId: string, now: Date): Promise<Outcome<CancellationDecision>>;
  /** Writes one roster read to the audit log. */
  recordRosterRead(circleId: string, readerId: string, at: Date): Promise<void>;
  rosterReads(circleId: string): Promise<{ readerId: string; readAt: string }[]>;
  /** Marks whether a confirmed participant attended; false when they hold no confirmed place. */
  markAttendance(circleId: string, userId: string, attended: boolean): Promise<boolean>;
  /** Attendance marked so far, by person. */
  attendance(circleId: string): Promise<Map<string, boolean>>;
  /** Remembers where an invite card was posted, so seat counts on it can be updated. */
  recordPost(post: CirclePost, at: Date): Promise<void>;
  posts(circleId: string): Promise<CirclePost[]>;
  /**
   * Replaces a circle's co-facilitators with `userIds` in one transaction (people left out are removed).
   * Returns false, changing nothing, when there is no such circle.
   */
  setCoFacilitators(circleId: string, userIds: readonly string[], at: Date): Promise<boolean>;
  /** The ids of a circle's co-facilitators, in the order they were added (ties by id). */
  coFacilitators(circleId: string): Promise<string[]>;
}

/** An invite card posted in a conversation. */
export interface CirclePost {
  circleId: string;
  conversationId: string;
  activityId: string;
}

/** The facilitator registry. */
export interface FacilitatorStore {
  upsert(profile: FacilitatorProfile, at: Date): Promise<void>;
  get(userId: string): Promise<FacilitatorProfile | undefined>;
  remove(userId: string): Promise<boolean>;
  /** Case-insensitive search by organisation (name or ODS code) and region. */
  search(filter: { organisation?: string; region?: string }): Promise<FacilitatorProfile[]>;
}
