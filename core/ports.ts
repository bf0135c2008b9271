import type { CircleStore, FacilitatorStore } from './circles/ports';
import type { GrantedRole } from './identity';
import type { OutboxStore } from './outbox/ports';

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
   * false is returned.
   */
  recordGuideFeedback(vote: {
    guideId: string;
    helpful: boolean;
    actionId: string;
    at: Date;
  }): Promise<boolean>;
  /** Vote counts per guide. */
  guideFeedback(): Promise<{ guideId: string; helpful: number; notHelpful: number }[]>;
}

/** A question the bot could not answer confidently, kept for the content team (text only, no identity). */
export interface UnansweredQuestion {
  id: number;
  text: string;
  askedAt: string;
}

/** Questions with no confident answer, for the content team. */
export interface UnansweredStore {
  record(text: string, at: Date): Promise<void>;
  /** Most recent first. */
  list(limit: number): Promise<UnansweredQuestion[]>;
}

/** Answers whether the store can serve requests right now. */
export interface StoreHealth {
  ping(): Promise<boolean>;
}

/** All the stores the service needs, as one bundle an adapter provides. */
export interface Stores {
  circles: CircleStore;
  facilitators: FacilitatorStore;
  conversations: ConversationStore;
  roles: RoleStore;
  feedback: FeedbackStore;
  unanswered: UnansweredStore;
  /** Proactive messages waiting to be sent, in flight, or done. */
  outbox: OutboxStore;
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
