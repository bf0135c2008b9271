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

/** How enqueue treats an item whose idempotency key is already stored. */
export interface EnqueueOptions {
  /**
   * Update a row that has not been sent yet (still pending): its payload and due time become the item's. A row
   * in flight or finished is left alone. Use it when what a message says, or when, changes (a rescheduled circle).
   */
  replace?: boolean;
  /**
   * For messages that carry the latest state of something (an invite card's seat count): a pending row keeps the
   * earlier of its due time and the item's, so a stream of changes is never postponed past the first one's
   * window; a row already sent, failed or retired becomes pending again at the item's due time; a row in flight
   * is sent once more after it finishes. The card is built at send time, so one send carries every change.
   */
  coalesce?: boolean;
}

/** A stored row of the outbox. */
export interface OutboxRow extends OutboxItem {
  id: string;
  status: OutboxStatus;
  /** Claims so far (each claim is one attempt to send). */
  attempts: number;
  /** When a pending row may next be claimed; for a row in flight, when its lease ends. */
  nextTryAt: Date;
  /** The stable code of the last failure (an HTTP status such as 'HTTP_503', 'NETWORK', 'NO_BUILDER'). */
  lastError: string | undefined;
  sentAt: Date | undefined;
}

/** Rows of one kind and subject by status: a broadcast's delivery report. */
export interface OutboxStats {
  total: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  retired: number;
}

/** Which rows to list. */
export interface OutboxFilter {
  kind?: OutboxKind;
  subject?: string;
  conversationId?: string;
  status?: OutboxStatus;
}

/**
 * The durable outbox. Any number of workers (in any number of instances) claim due rows with a lease; a claim
 * is atomic (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one UPDATE … RETURNING in a write transaction), so two
 * workers never hold one row. A worker that dies mid-send leaves its rows 'sending' until the lease ends, when
 * any worker reclaims them: only rows that were in flight can be sent twice.
 */
export interface OutboxStore {
  /**
   * Adds items; an item whose key (kind + conversationId + subject + occurrence) is stored is a no-op, unless
   * `options` says otherwise. Returns how many rows were added or changed.
   */
  enqueue(items: readonly OutboxItem[], options?: EnqueueOptions): Promise<number>;
  /**
   * Deletes pending rows of a kind and subject (and occurrence, when given), such as a cancelled circle's
   * reminders. Rows in flight or finished stay. Returns how many were deleted.
   */
  cancel(kind: OutboxKind, subject: string, occurrence?: string): Promise<number>;
  /**
   * Deletes one conversation's pending rows of a kind and subject (and occurrence, when given), such as the
   * reminders of a person who gave up their place. Rows in flight or finished stay. Returns how many went.
   */
  cancelFor(kind: OutboxKind, subject: string, conversationId: string, occurrence?: string): Promise<number>;
  /**
   * Claims up to `limit` rows that are due at `now` (pending with nextTryAt ≤ now, or in flight with an expired
   * lease), the earliest due first, returned in id order: each becomes 'sending', owned by `workerId` until now + leaseMs, and its attempts
   * grow by one.
   */
  claimDue(now: Date, limit: number, leaseMs: number, workerId: string): Promise<OutboxRow[]>;
  /** Records a delivery. False when the worker no longer holds the row's lease (another worker reclaimed it). */
  markSent(id: string, workerId: string, at: Date): Promise<boolean>;
  /**
   * Puts a claimed row back to wait until `nextTryAt`, recording why. With `refund`, the claim does not count as
   * an attempt (the sender held it back for a rate limit, or Teams throttled the whole tenant).
   */
  markRetry(
    id: string,
    workerId: string,
    nextTryAt: Date,
    errorCode: string,
    options?: { refund?: boolean },
  ): Promise<boolean>;
  /** Gives up on a claimed row (attempts exhausted or a permanent error); it stays visible as 'failed'. */
  markFailed(id: string, workerId: string, errorCode: string): Promise<boolean>;
  /** The recipient is gone (403/404): every pending or in-flight row for the conversation becomes 'retired'. */
  retireConversation(conversationId: string): Promise<number>;
  /** Makes a kind and subject's failed rows pending again at `at`, with their attempts reset (resend to failed). */
  requeueFailed(kind: OutboxKind, subject: string, at: Date): Promise<number>;
  /** Counts by status for a kind and subject. */
  stats(filter: { kind: OutboxKind; subject: string }): Promise<OutboxStats>;
  /** Rows matching the filter, by id, up to `limit` (reports and tests). */
  list(filter: OutboxFilter, limit: number): Promise<OutboxRow[]>;
  /** The earliest nextTryAt of a pending or in-flight row, so an idle worker knows when to look again. */
  nextDueAt(): Promise<Date | undefined>;
}
