/**
 * A service-like process that only drains the outbox (run with `node -r tests/support/register-ts.cjs`): the
 * real worker, sender and botbuilder transport on the SQLite store in LC_OUTBOX_DIR, with a short lease so a
 * test can SIGKILL it mid-send and see another process finish. Prints `ready` once its worker runs.
 */
import { openOutboxRig } from './outbox-rig';

const rig = openOutboxRig({
  ratePerSecond: Number(process.env.LC_OUTBOX_RATE ?? 50),
  dataDir: process.env.LC_OUTBOX_DIR ?? '',
  worker: { leaseMs: Number(process.env.LC_OUTBOX_LEASE_MS ?? 2000), batchSize: 20, pollMs: 100 },
});
rig.worker.start();
// The worker's timers are unref'd (the service's HTTP server keeps it alive); this process has no server.
const keepAlive = setInterval(() => undefined, 60_000);
console.log('ready');
process.on('SIGTERM', () => {
  clearInterval(keepAlive);
  void rig.close().then(() => process.exit(0));
});
