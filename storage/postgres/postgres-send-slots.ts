import type { Pool } from 'pg';
import type { SendSlotStore, SlotReservation } from '../../core/outbox/send-slots';

/**
 * Send slots in PostgreSQL, shared by every instance: one row per tenant holding its next free slot, taken by one
 * atomic upsert (the row lock orders concurrent reservations from any instance), never read-then-write.
 */
export class PostgresSendSlotStore implements SendSlotStore {
  constructor(private readonly pool: Pool) {}

  async reserve(
    tenantId: string,
    now: number,
    intervalMs: number,
    maxWaitMs: number,
  ): Promise<SlotReservation> {
    const reserved = await this.pool.query<{ at: number }>(
      `INSERT INTO send_slots AS slots (tenant_id, next_at) VALUES ($1, $2::float8 + $3::float8)
       ON CONFLICT (tenant_id) DO UPDATE SET next_at = GREATEST(slots.next_at, $2::float8) + $3::float8
         WHERE GREATEST(slots.next_at, $2::float8) <= $2::float8 + $4::float8
       RETURNING next_at - $3::float8 AS at`,
      [tenantId, now, intervalMs, maxWaitMs],
    );
    const slot = reserved.rows[0];
    if (slot) return { ok: true, at: slot.at };
    const next = await this.pool.query<{ next_at: number }>(
      'SELECT next_at FROM send_slots WHERE tenant_id = $1',
      [tenantId],
    );
    return { ok: false, heldUntil: Math.max(now, next.rows[0]?.next_at ?? now) };
  }
}
