/**
 * The outbox: every proactive message (nudges, circle reminders and follow-up, booking notices, waitlist
 * promotions, invite seat updates, broadcasts) is first a row in the store, then sent by a worker through the
 * Teams-limit-aware sender. This file is the shared vocabulary; the store adapters implement OutboxStore.
 */

/** What a proactive message is for. The card is built from the payload when the row is sent. */
export type OutboxKind =
  'nudge' | 'circle-reminder' | 'circle-feedback' | 'booking-notice' | 'invite-update' | 'broadcast';

/** A row's life: waiting, claimed by a worker, delivered, given up after N attempts, or its recipient is gone. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'retired';

/** JSON-serialisable data a card builder needs at send time (ids and small values; never free text from people). */
export type OutboxPayload = Record<string, string | number | boolean | null>;

/**
 * One message to send. Its idempotency key is kind + conversationId + subject + occurrence: enqueueing the same
 * key again is a no-op (or, with `replace`, updates a row that has not been sent yet).
 */
export interface OutboxItem {
  kind: OutboxKind;
  /** The stored conversation (a 1:1 chat or a channel) to send to. */
  conversationId: string;
  /** What the message is about: a guide id, a circle id, a broadcast id. */
  subject: string;
  /** Which one of its kind: an ISO week for a nudge, '24h' or '1h' for a reminder, a booking change number. */
  occurrence: string;
  /** Not sent before this time. */
  dueAt: Date;
  payload: OutboxPayload;
}
