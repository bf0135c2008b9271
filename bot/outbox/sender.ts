import { SendLimits } from '../../core/outbox/limits';
import { SLOT_LATENESS_MS, slotIntervalMs, type SendSlotStore } from '../../core/outbox/send-slots';
import type { ConversationRecord } from '../../core/ports';
import type { AdaptiveCard } from '../cards/types';
import type { Transport, TransportResult } from './teams-transport';

/** Time for the sender and worker: tests pass their own to move it. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock; its timers never keep the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, Math.max(0, ms)).unref();
    }),
};

/** Why a limit-aware send was not made. */
export type HeldBack = { ok: false; heldUntil: number };

/**
 * Sends through the Transport within Teams' limits: a global rate per tenant (SEND_RATE_PER_SECOND) and the
 * per-conversation windows, shared by the outbox worker and the tab's user-initiated invite posts. A 429 pauses
 * the tenant for its Retry-After. With a shared store (`slots`, when several instances run on PostgreSQL), each send
 * also reserves a slot in the store after the in-process limits allow it, so the tenant's rate is shared by every
 * instance.
 */
export class LimitedSender {
  readonly limits: SendLimits;
  private readonly slotIntervalMs: number;

  constructor(
    private readonly transport: Transport,
    perTenantPerSecond: number,
    private readonly clock: Clock = systemClock,
    private readonly slots?: SendSlotStore,
  ) {
    this.limits = new SendLimits({ perTenantPerSecond });
    this.slotIntervalMs = slotIntervalMs(perTenantPerSecond);
  }

  /**
   * Waits (at most `maxWaitMs`) for room under the limits, then makes one request. Returns the request's result,
   * or when it would have to wait longer, the time it could go.
   */
  async send(
    record: ConversationRecord,
    card: AdaptiveCard,
    maxWaitMs: number,
    activityId?: string,
  ): Promise<TransportResult | HeldBack> {
    const tenant = record.tenantId ?? 'unknown-tenant';
    for (;;) {
      const now = this.clock.now();
      const allowed = this.limits.nextAllowed(tenant, record.conversationId, now);
      if (allowed - now > maxWaitMs) return { ok: false, heldUntil: allowed };
      if (allowed > now) {
        await this.clock.sleep(allowed - now);
        continue;
      }
      if (!this.slots) break;
      const slot = await this.slots.reserve(tenant, now, this.slotIntervalMs, maxWaitMs);
      if (!slot.ok) return { ok: false, heldUntil: slot.heldUntil };
      let current = this.clock.now();
      while (current < slot.at) {
        await this.clock.sleep(slot.at - current);
        current = this.clock.now();
      }
      // A slot is used only on time (a late timer would bunch sends) and when no other send in this process took
      // the room meanwhile; otherwise it is left unused, which only slows the tenant, and the loop starts again.
      if (
        current - slot.at <= SLOT_LATENESS_MS &&
        this.limits.nextAllowed(tenant, record.conversationId, current) <= current
      )
        break;
    }
    const sentAt = this.clock.now();
    this.limits.record(tenant, record.conversationId, sentAt);
    const result = activityId
      ? await this.transport.update(record, activityId, card)
      : await this.transport.send(record, card);
    this.limits.complete(tenant, record.conversationId, sentAt, this.clock.now());
    if (!result.ok && result.status === 429) {
      this.limits.pauseTenant(tenant, this.clock.now() + (result.retryAfterMs ?? 1000));
    }
    return result;
  }
}

/** Whether a limit-aware send was held back rather than made. */
export function isHeldBack(result: TransportResult | HeldBack): result is HeldBack {
  return !result.ok && 'heldUntil' in result;
}
