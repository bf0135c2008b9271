/**
 * A second (or third) Node process for PostgreSQL tests, run with `node -r tests/support/register-ts.cjs`. It
 * reads its task from LC_WORKER_TASK, connects, prints `ready`, waits for `go` on stdin so several workers start
 * together, does the task and prints `result <json>` before closing its pool and exiting.
 */
import readline from 'node:readline';
import { createPool, endPool } from '../../storage/postgres/connection';
import { applyPostgresMigrations } from '../../storage/postgres/database';
import { openPostgresStores } from '../../storage/postgres/postgres-stores';
import { signUpOutcome, type WorkerOutcome } from './booking-outcome';
import { testOptions } from './postgres';

/** What a worker process is asked to do. */
export type WorkerTask =
  | { kind: 'migrate'; url: string }
  | { kind: 'signUp' | 'cancel'; url: string; circleId: string; userIds: string[]; now: string };

export type { WorkerOutcome } from './booking-outcome';

/** What a worker prints as its result. */
export type WorkerResult = { applied: number[] } | { outcomes: WorkerOutcome[] };

async function waitForGo(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'go') break;
  }
  lines.close();
}

async function main(): Promise<void> {
  const task = JSON.parse(process.env.LC_WORKER_TASK ?? '') as WorkerTask;
  if (task.kind === 'migrate') {
    const pool = createPool(testOptions(task.url, 2), (error) => {
      throw error;
    });
    await pool.query('SELECT 1');
    console.log('ready');
    await waitForGo();
    const applied = await applyPostgresMigrations(pool);
    console.log(`result ${JSON.stringify({ applied } satisfies WorkerResult)}`);
    await endPool(pool);
    return;
  }
  const stores = await openPostgresStores(testOptions(task.url, task.userIds.length));
  console.log('ready');
  await waitForGo();
  const now = new Date(task.now);
  const outcomes = await Promise.all(
    task.userIds.map(async (userId): Promise<WorkerOutcome> => {
      if (task.kind === 'signUp') {
        const result = await stores.circles.signUp(
          task.circleId,
          { userId, organisationId: 'RX1', displayName: undefined },
          now,
        );
        return signUpOutcome(userId, result);
      }
      const result = await stores.circles.cancel(task.circleId, userId, now);
      if (!result.ok) return { userId, ok: false, kind: result.code };
      return {
        userId,
        ok: true,
        kind: 'cancelled',
        ...(result.value.promoted ? { promoted: result.value.promoted.userId } : {}),
      };
    }),
  );
  console.log(`result ${JSON.stringify({ outcomes } satisfies WorkerResult)}`);
  await stores.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
