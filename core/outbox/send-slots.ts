/**
 * The global send rate per tenant (SEND_RATE_PER_SECOND) shared by every instance: when several instances send
 * proactive messages through one shared store, each send first reserves a slot in that store, so the tenant's
 * combined rate stays under the ceiling whatever the number of instances. The per-instance limits
 * (core/outbox/limits.ts) stay in front as the fast path; this only adds the cross-instance ceiling.
 */

/** A reserved slot (send at `at`, milliseconds since the epoch), or when the next free slot is. */
export type SlotReservation = { ok: true; at: number } | { ok: false; heldUntil: number };

/**
 * Send slots per tenant, one row per tenant in the shared store. Slots are `intervalMs` apart across every
 * instance: a reservation takes the earliest free slot at or after `now`, atomically, when it is at most
 * `maxWaitMs` away; otherwise nothing is reserved and the answer says when the next slot is. Time is passed in.
 */
export interface SendSlotStore {
  reserve(tenantId: string, now: number, intervalMs: number, maxWaitMs: number): Promise<SlotReservation>;
}

/**
 * How much longer than Teams' second a tenant's slots are spread (2%): R slots span 1.02 s, so a send may start up
 * to SLOT_LATENESS_MS after its slot (a timer that fires late) and R + 1 sends still never fall in one second.
 */
export const SLOT_SLACK = 0.02;

/** The most a send may start after its reserved slot; later, the slot is given up and another reserved. */
export const SLOT_LATENESS_MS = 1000 * SLOT_SLACK;

/** The spacing of a tenant's slots for a rate of `perSecond` sends a second. */
export function slotIntervalMs(perSecond: number): number {
  if (!(perSecond > 0)) throw new Error(`The send rate must be above 0 a second (got ${perSecond}).`);
  return (1000 * (1 + SLOT_SLACK)) / perSecond;
}
