import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';
import { loadConfig } from '../bot/config';
import { startService } from '../bot/service';
import { EVAL_SETS, loadEvalSet } from './ask-eval';

/**
 * `npm run bench:turn [turns] [rounds] [concurrency]`: bot message turns per second of our service against a bare
 * botbuilder echo bot (restify + CloudAdapter + ActivityHandler, built here) on the same machine, in one run with
 * interleaved rounds (ours, echo, ours, echo, ...). Each round POSTs `turns` messages to /api/messages on loopback
 * with auth disabled (local mode), `concurrency` at a time, from a separate driver process so the client's work is
 * not counted; replies go to a fake Bot Connector in this process. Prints turns/s per round, the median ratio
 * ours/echo, and CPU time per turn of this process (the bot under test plus the fake connector, which costs the
 * same for both).
 *
 * Every message is the same question unless BENCH_TEXTS=varied: then each message is a different question from the
 * labelled eval sets (1,692 of them, none repeated when turns × (rounds + 1) stays below that), so no per-text cache
 * helps and the ratio measures the full cost of reading new wording. Each of the 20 bench users keeps one Entra
 * object id, as in Teams.
 */

const QUESTION = 'half my team is shielding, how do I keep us together?';

/** One round's work for the driver process. */
interface DriverJob {
  url: string;
  serviceUrl: string;
  turns: number;
  concurrency: number;
  /** The messages of this round, one per turn. */
  texts: string[];
}

function activityFor(job: DriverJob, i: number): string {
  return JSON.stringify({
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: job.serviceUrl,
    from: {
      id: `29:bench-user-${i % 20}`,
      name: 'Bench Manager',
      aadObjectId: `00000000-0000-4000-8000-${String(i % 20).padStart(12, '0')}`,
    },
    recipient: { id: '28:bot-app-id', name: 'Leading Compassionately' },
    conversation: { id: `a:bench-${i % 20}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    text: job.texts[i % job.texts.length],
    entities: [],
  });
}

/** The driver: posts the turns over HTTP with keep-alive, `concurrency` in flight, and reports failures. */
async function drive(job: DriverJob): Promise<{ failed: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = new URL(job.url);
  let next = 0;
  let failed = 0;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: '/api/messages',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < job.turns) {
      const status = await post(activityFor(job, next++));
      if (status < 200 || status >= 300) failed++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  agent.destroy();
  return { failed };
}

/** A stand-in for the Bot Connector: counts replies and answers like the real one. */
async function startFakeConnector(): Promise<{ url: string; replies: () => number; close: () => void }> {
  let replies = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      replies++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"reply-${replies}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, replies: () => replies, close: () => server.close() };
}

/** The baseline: the smallest botbuilder bot, echoing the text back, on restify like ours. */
async function startEchoBot(): Promise<{ url: string; close: () => void }> {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  });
  const adapter = new CloudAdapter(auth);
  const bot = new ActivityHandler();
  bot.onMessage(async (context: TurnContext, next) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.close();
    },
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const turns = Number(process.argv[2] ?? 300);
  const rounds = Number(process.argv[3] ?? 6);
  const concurrency = Number(process.argv[4] ?? 8);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-turn-'));
  const connector = await startFakeConnector();
  const echo = await startEchoBot();
  const ours = await startService(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONTENT_WATCH: 'false' }),
  );
  const varied = process.env.BENCH_TEXTS === 'varied';
  const questions = varied
    ? [...new Set(Object.values(EVAL_SETS).flatMap((files) => loadEvalSet(files).map((item) => item.q)))]
    : [QUESTION];
  let used = 0;
  /** The messages of one round: both bots get the same ones. */
  const textsFor = (count: number) => {
    if (!varied) return Array.from({ length: count }, () => QUESTION);
    const texts = Array.from(
      { length: count },
      (_, i) => questions[(used + i) % questions.length] ?? QUESTION,
    );
    used += count;
    return texts;
  };
  const driver = fork(__filename, ['--driver'], { stdio: 'inherit' });
  const run = (url: string, texts: string[]) =>
    new Promise<{ failed: number }>((resolve) => {
      driver.once('message', (result: { failed: number }) => resolve(result));
      driver.send({
        url,
        serviceUrl: connector.url,
        turns: texts.length,
        concurrency,
        texts,
      } satisfies DriverJob);
    });
  const bots = [
    { name: 'ours', url: ours.url },
    { name: 'echo', url: echo.url },
  ] as const;
  const results: Record<string, { rate: number; cpuMs: number }[]> = { ours: [], echo: [] };
  try {
    // Warm-up: JIT, SQLite statements, connection pools.
    const warmUp = textsFor(Math.min(100, turns));
    for (const bot of bots) await run(bot.url, warmUp);
    console.log(
      `  RSS after warm-up ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (both bots, one process)`,
    );
    for (let round = 0; round < rounds; round++) {
      const texts = textsFor(turns);
      for (const bot of round % 2 === 0 ? bots : [...bots].reverse()) {
        const repliesBefore = connector.replies();
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const { failed } = await run(bot.url, texts);
        const seconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        const replies = connector.replies() - repliesBefore;
        if (failed > 0 || replies !== turns)
          throw new Error(`${bot.name}: ${failed} failed turns, ${replies} replies for ${turns} turns`);
        const rate = turns / seconds;
        const cpuMs = (cpu.user + cpu.system) / 1000 / turns;
        results[bot.name]?.push({ rate, cpuMs });
        console.log(
          `  round ${round + 1}  ${bot.name}  ${rate.toFixed(0).padStart(6)} turns/s   ${cpuMs.toFixed(2)} ms CPU/turn`,
        );
      }
    }
  } finally {
    driver.kill();
    await ours.close();
    echo.close();
    connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const ourRounds = results.ours ?? [];
  const echoRounds = results.echo ?? [];
  const ratios = ourRounds.map((round, i) => round.rate / (echoRounds[i]?.rate ?? Number.NaN));
  const ratio = median(ratios);
  console.log(
    `bench:turn  ${rounds} interleaved rounds of ${turns} message turns, ${concurrency} in flight, ${varied ? `${used} different questions` : `"${QUESTION}"`}`,
  );
  console.log('  bot    turns/s (median)   CPU ms/turn (median)');
  for (const [name, list] of [
    ['ours', ourRounds],
    ['echo', echoRounds],
  ] as const) {
    console.log(
      `  ${name}   ${median(list.map((r) => r.rate))
        .toFixed(0)
        .padStart(15)}   ${median(list.map((r) => r.cpuMs))
        .toFixed(2)
        .padStart(20)}`,
    );
  }
  console.log(`  ratio ours/echo (median of rounds) ${ratio.toFixed(2)}  (goal >= 0.80)`);
}

if (process.argv[2] === '--driver') {
  process.on('message', (job: DriverJob) => {
    void drive(job).then(
      (result) => process.send?.(result),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
