import type { CircleStore, FacilitatorStore } from './circles/ports';
import type { FacilitatorProfile } from './circles/ports';
import type { GrantedRole } from './identity';
import type { CalendarDay } from './privacy';
import type { OutboxStore } from './outbox/ports';
import type { NudgeStore } from './nudges/ports';
import type { CircleFeedbackStore } from './feedback/circle-feedback';
import type { AuditStore } from './audit/ports';
import type { SendSlotStore } from './outbox/send-slots';
import type { ProfileStore } from './profiles/profile';

/** Where a conversation with the bot lives in Teams. */
export type ConversationScope = 'personal' | 'groupChat' | 'channel';

/**
 * What the bot needs to message a conversation later (nudges, confirmations), without any botbuilder type.
 * Holds the least personal data that works: ids, plus a channel's team and channel names; never a person's name.
 */
export interface ConversationRecord {
  conversationId: string;
  scope: ConversationScope;
  channelId: string;
  serviceUrl: string;
  tenantId: string | undefined;
  botId: string;
  /** For personal chats: the person's Bot Framework id and Entra object id, to reach them 1:1. */
  userId: string | undefined;
  userAadObjectId: string | undefined;
  teamId: string | undefined;
  /**
   * For channels: a display name such as "My Team › General", from Teams' team and channel names. Saving a
   * record without one keeps the title already stored.
   */
  title?: string;
  /** ISO-8601 UTC time of the last inbound activity from this conversation. */
  updatedAt: string;
}

/** Keeps conversation references so the bot can send proactive messages. */
export interface ConversationStore {
  /** Inserts or refreshes the record for its conversation id. */
  save(record: ConversationRecord): Promise<void>;
  get(conversationId: string): Promise<ConversationRecord | undefined>;
  /** The personal conversation with a person, if the bot has one. */
  findPersonal(userAadObjectId: string): Promise<ConversationRecord | undefined>;
  /** Removes a conversation (uninstall); true when something was removed. */
  remove(conversationId: string): Promise<boolean>;
  /** Removes every conversation of a team (the app was removed from the team). */
  removeTeam(teamId: string): Promise<number>;
  /** Every channel conversation (scope 'channel'), most recently active first. */
  listChannels(): Promise<ConversationRecord[]>;
}

/** Keeps the roles granted to people (facilitator, admin). Manager is implicit. */
export interface RoleStore {
  rolesOf(userId: string): Promise<GrantedRole[]>;
  /** Grants a role; granting twice is harmless. */
  grant(userId: string, role: GrantedRole, at: Date): Promise<void>;
  /** Revokes a role; true when the person had it. */
  revoke(userId: string, role: GrantedRole): Promise<boolean>;
  /** Everyone holding a role, oldest grant first. */
  holdersOf(role: GrantedRole): Promise<string[]>;
}

/** Helpful / not helpful votes on guides, kept without anyone's identity. */
export interface FeedbackStore {
  /**
   * Records one vote. `actionId` is the id of the card action (Teams may retry it): a repeat is ignored and
   * false is returned. With `voterKey` (a one-way key of the person and the guide, never their id) the person
   * has one vote per guide: a later vote replaces the earlier one (false is returned, as nothing was added).
   */
  recordGuideFeedback(vote: {
    guideId: string;
    helpful: boolean;
    actionId: string;
    at: Date;
    voterKey?: string;
  }): Promise<boolean>;
  /** Vote counts per guide. */
  guideFeedback(): Promise<{ guideId: string; helpful: number; notHelpful: number }[]>;
}

/**
 * A question the bot could not answer confidently, kept for the content team: the text and only the day it was
 * asked (no time, no identity), so it cannot be joined to the asker by timestamp.
 */
export interface UnansweredQuestion {
  id: number;
  text: string;
  askedOn: CalendarDay;
}

/** Questions with no confident answer, for the content team. */
export interface UnansweredStore {
  /** Keeps the text and the day only (see core/privacy.ts dayOf). */
  record(text: string, askedOn: CalendarDay): Promise<void>;
  /** Most recent day first. */
  list(limit: number): Promise<UnansweredQuestion[]>;
  /** Retention: deletes questions asked on a day before `day`; returns how many went. */
  deleteAskedBefore(day: CalendarDay): Promise<number>;
}

/** Answers whether the store can serve requests right now. */
export interface StoreHealth {
  /**
   * True only when a write and a read-back succeed (and, for a file store, the file is still the one opened: not
   * deleted or replaced). Never throws.
   */
  ping(): Promise<boolean>;
}

/** One booking (or waitlist place) in a person's data export. */
export interface ExportedBooking {
  circleId: string;
  circleTitle: string;
  circleStartsAt: string;
  status: 'confirmed' | 'waitlisted';
  /** The name the facilitator's roster shows, as Teams gave it. */
  displayName: string | null;
  /** Whether the facilitator marked them as attending; null when not marked. */
  attended: boolean | null;
  bookedAt: string;
}

/** Everything the stores hold about one person, for a subject access request. */
export interface PersonalDataExport {
  userId: string;
  roles: { role: GrantedRole; grantedAt: string }[];
  bookings: ExportedBooking[];
  /** Personal chats with the bot (ids to reach them 1:1, and the day of the last message). */
  conversations: ConversationRecord[];
  facilitatorProfile: FacilitatorProfile | null;
  circlesFacilitated: { circleId: string; title: string; startsAt: string; status: string }[];
  /** Circles they are a co-facilitator of. */
  circlesCoFacilitated: { circleId: string; title: string; startsAt: string; status: string }[];
  /** Roster reads they made as a facilitator or admin (the roster audit). */
  rosterReads: { circleId: string; readAt: string }[];
}

/** What an erasure changed, by kind (for telemetry and tests; no identity). */
export interface ErasureCounts {
  bookingsPseudonymised: number;
  rosterReadsPseudonymised: number;
  conversationsDeleted: number;
  rolesDeleted: number;
  facilitatorProfilesDeleted: number;
  circlesPseudonymised: number;
  /** Circles they were a co-facilitator of (the co-facilitation is removed; the circle stays). */
  coFacilitationsDeleted: number;
}

/** Subject access, erasure and retention across every table that holds a person's id. */
export interface PersonalDataStore {
  exportFor(userId: string): Promise<PersonalDataExport>;
  /**
   * Erases a person in one transaction, after their upcoming places were given up through the ordinary
   * cancellation (so the waiting list moves up): remaining bookings (past circles) and roster-read audit rows
   * take `pseudonym` instead of their id and lose name and Teams id; conversations, roles and the facilitator
   * profile are deleted; circles they ran that have started or were cancelled by `now` take the pseudonym as
   * facilitator. Circles they run that are still upcoming keep their facilitator, so participants keep them.
   */
  erase(userId: string, pseudonym: string, now: Date): Promise<ErasureCounts>;
  /**
   * Retention: bookings of circles that ended before `cutoff` take a pseudonym (from `pseudonymOf`, one per
   * person) and lose name and Teams id; attendance stays. Returns how many bookings changed.
   */
  pseudonymiseCirclesEndedBefore(cutoff: Date, pseudonymOf: (userId: string) => string): Promise<number>;
}

/** All the stores the service needs, as one bundle an adapter provides. */
export interface Stores {
  circles: CircleStore;
  facilitators: FacilitatorStore;
  conversations: ConversationStore;
  roles: RoleStore;
  feedback: FeedbackStore;
  /** Participants' answers about circles, kept without identity. */
  circleFeedback: CircleFeedbackStore;
  /** The organisation and region people give in Settings. */
  profiles: ProfileStore;
  unanswered: UnansweredStore;
  personalData: PersonalDataStore;
  /** Proactive messages waiting to be sent, in flight, or done. */
  outbox: OutboxStore;
  /** Who did what to which object, when (role changes, circle edits, roster reads, data rights). */
  audit: AuditStore;
  /** Each tenant's send slots, shared by every instance on this store (the global send rate). */
  sendSlots: SendSlotStore;
  /** Nudge preferences and weekly nudge history. */
  nudges: NudgeStore;
  health: StoreHealth;
  close(): Promise<void>;
}

/** Safe telemetry values: ids, codes, counts and flags; never names, emails or free text. */
export type TelemetryProperties = Record<string, string | number | boolean>;

/** The one seam the rest of the code calls to record what happened. */
export interface Telemetry {
  event(name: string, properties?: TelemetryProperties): void;
  exception(error: unknown, properties?: TelemetryProperties): void;
  flush(): Promise<void>;
}
