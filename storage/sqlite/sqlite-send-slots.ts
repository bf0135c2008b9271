import type Database from 'better-sqlite3';
import type { SendSlotStore, SlotReservation } from '../../core/outbox/send-slots';

/**
 * Send slots in the embedded store. SQLite serves one instance, so this only matters to tests and tools that
 * share a file; it keeps the same contract as PostgreSQL: one row per tenant, one atomic upsert per reservation.
 */
export class SqliteSendSlotStore implements SendSlotStore {
  private reserveStatement: Database.Statement | undefined;
  private nextStatement: Database.Statement | undefined;

  constructor(private readonly db: Database.Database) {}

  reserve(tenantId: string, now: number, intervalMs: number, maxWaitMs: number): Promise<SlotReservation> {
    this.reserveStatement ??= this.db.prepare(
      `INSERT INTO send_slots (tenant_id, next_at) VALUES (@tenantId, @now + @interval)
       ON CONFLICT (tenant_id) DO UPDATE SET next_at = MAX(send_slots.next_at, @now) + @interval
         WHERE MAX(send_slots.next_at, @now) <= @now + @maxWait
       RETURNING next_at - @interval AS at`,
    );
    const params = { tenantId, now, interval: intervalMs, maxWait: maxWaitMs };
    const reserved = this.reserveStatement.get(params) as { at: number } | undefined;
    if (reserved) return Promise.resolve({ ok: true, at: reserved.at });
    this.nextStatement ??= this.db.prepare('SELECT next_at FROM send_slots WHERE tenant_id = ?');
    const row = this.nextStatement.get(tenantId) as { next_at: number } | undefined;
    return Promise.resolve({ ok: false, heldUntil: Math.max(now, row?.next_at ?? now) });
  }
}
