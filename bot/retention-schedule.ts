import { randomUUID } from 'node:crypto';
import { applyRetention, type RetentionPolicy, type RetentionStores } from '../core/privacy';
import type { Telemetry } from '../core/ports';

/** A running retention schedule; stop() clears the timer and waits for a pass in progress. */
export interface RetentionSchedule {
  /** Runs one pass now (the timer calls this too); passes never overlap. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Applies the retention policy once at start and then every `intervalMs`, inside the service. The timer is
 * unref'd (it never keeps the process alive) and stopped on close. A failed pass is reported and retried on the
 * next tick; it never stops the service.
 */
export function startRetentionSchedule(
  stores: RetentionStores,
  policy: RetentionPolicy,
  intervalMs: number,
  now: () => Date,
  telemetry: Telemetry,
): RetentionSchedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = async () => {
    try {
      const outcome = await applyRetention(stores, policy, now(), randomUUID);
      telemetry.event('privacy.retention', { ...outcome });
    } catch (error) {
      telemetry.exception(error, { source: 'retention' });
      console.error(`Retention pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const runNow = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  void runNow();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
