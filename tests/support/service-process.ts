/**
 * The whole service in a child process (run with `node -r tests/support/register-ts.cjs`), on the SQLite store in
 * DATA_DIR, with a short outbox lease (LC_OUTBOX_LEASE_MS) so a test can SIGKILL it mid-broadcast and see a
 * restarted service reclaim what was in flight. Prints `listening on <url>` once it serves.
 */
import { loadConfig } from '../../bot/config';
import { startService } from '../../bot/service';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const service = await startService(config, {
    outboxWorker: { leaseMs: Number(process.env.LC_OUTBOX_LEASE_MS ?? 2000), pollMs: 100, batchSize: 20 },
  });
  console.log(`listening on ${service.url}`);
  process.on('SIGTERM', () => {
    void service.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
