import type { OutboxStats, OutboxStatus } from './ports';

/** Folds counts by status into a delivery report (shared by both adapters). */
export function statsOf(rows: readonly { status: OutboxStatus; count: number | string }[]): OutboxStats {
  const stats: OutboxStats = { total: 0, pending: 0, sending: 0, sent: 0, failed: 0, retired: 0 };
  for (const row of rows) {
    const count = Number(row.count);
    stats[row.status] += count;
    stats.total += count;
  }
  return stats;
}
