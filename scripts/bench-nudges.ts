/**
 * npm run bench:nudges: 10,000 opted-in 1:1 conversations, one outbox row each, sent by the real outbox worker,
 * sender and botbuilder transport to a loopback Bot Connector that enforces Teams' limits at a configured
 * ceiling. Prints the mean send rate as a share of the ceiling, the peak per second, 429s, duplicates, losses
 * and memory. Not a test: numbers for the issue's closing note. BENCH_CONVERSATIONS and BENCH_CEILING change
 * the size and the ceiling (per second).
 */
import fs from 'node:fs';
import { FakeConnector } from '../tests/support/fake-connector';
import { labelOfCall, openOutboxRig, rigConversation, rowLabel } from '../tests/support/outbox-rig';

async function main(): Promise<void> {
  const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
  const ceiling = Number(process.env.BENCH_CEILING ?? 50);
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  connector.enforce({ perSecond: ceiling });
  const rig = openOutboxRig({ ratePerSecond: ceiling, worker: { batchSize: 200, concurrency: 32 } });
  const items = Array.from({ length: conversations }, (_, index) => ({
    kind: 'broadcast' as const,
    conversationId: `a:bench-${index}`,
    subject: 'b1',
    occurrence: 'guide-1',
    dueAt: new Date(0),
    payload: { guideId: 'guide-1' },
  }));
  for (const item of items)
    await rig.stores.conversations.save(rigConversation(item.conversationId, serviceUrl));
  await rig.stores.outbox.enqueue(items);

  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 250);
  const started = Date.now();
  rig.worker.start();
  for (;;) {
    const stats = await rig.stores.outbox.stats({ kind: 'broadcast', subject: 'b1' });
    if (stats.pending + stats.sending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const elapsedMs = Date.now() - started;
  clearInterval(sampler);
  const stats = await rig.stores.outbox.stats({ kind: 'broadcast', subject: 'b1' });
  await rig.close();
  await connector.stop();
  fs.rmSync(rig.dataDir, { recursive: true, force: true });

  const delivered = connector.calls.map((call) => labelOfCall(call.body));
  const unique = new Set(delivered);
  const expected = new Set(items.map(rowLabel));
  const lost = [...expected].filter((label) => !unique.has(label)).length;
  const arrivals = connector.requests.map((request) => request.at).sort((a, b) => a - b);
  const spanS = ((arrivals[arrivals.length - 1] ?? 0) - (arrivals[0] ?? 0)) / 1000;
  const meanRate = delivered.length / spanS;
  const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
  console.log(`conversations            ${conversations}`);
  console.log(`ceiling (per second)     ${ceiling}  (SEND_RATE_PER_SECOND = ${ceiling})`);
  console.log(`sent / failed / retired  ${stats.sent} / ${stats.failed} / ${stats.retired}`);
  console.log(
    `run time                 ${(elapsedMs / 1000).toFixed(1)} s (first to last request ${spanS.toFixed(1)} s)`,
  );
  console.log(
    `mean send rate           ${meanRate.toFixed(2)}/s = ${((meanRate / ceiling) * 100).toFixed(1)}% of the ceiling`,
  );
  console.log(`peak in any second       ${connector.peakPerSecond()}`);
  console.log(`429s (limit broken)      ${connector.violations}`);
  console.log(`duplicates               ${delivered.length - unique.size}`);
  console.log(`lost                     ${lost}`);
  console.log(`memory (peak)            rss ${mb(peakRss)} MB, heap ${mb(peakHeap)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
