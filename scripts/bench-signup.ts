import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../bot/config';
import { startService } from '../bot/service';

/**
 * `npm run bench:signup`: the real service on loopback (SQLite in a temporary folder), one circle of capacity 10,
 * and 200 people signing up at the same moment over HTTP. Prints p50/p99 booking latency and the outcome counts.
 */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-'));
  const service = await startService(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONTENT_WATCH: 'false' }),
  );
  try {
    const token = async (name: string, role = 'manager') => {
      const response = await fetch(`${service.url}/api/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, role }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    const facilitator = await token('Bench Facilitator', 'facilitator');
    const created = await fetch(`${service.url}/api/circles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitator}` },
      body: JSON.stringify({
        themeId: 'routines',
        title: 'Bench circle',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        capacity: 10,
        meetingUrl: 'https://teams.microsoft.com/l/meetup-join/bench',
      }),
    });
    const { id } = (await created.json()) as { id: string };
    const tokens = await Promise.all(Array.from({ length: count }, (_, i) => token(`Bench User ${i}`)));
    const started = performance.now();
    const results = await Promise.all(
      tokens.map(async (bearer) => {
        const start = performance.now();
        const response = await fetch(`${service.url}/api/circles/${id}/bookings`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}` },
        });
        const body = (await response.json()) as { status: string };
        return { ms: performance.now() - start, status: body.status };
      }),
    );
    const wall = performance.now() - started;
    const times = results.map((result) => result.ms).sort((a, b) => a - b);
    const at = (p: number) =>
      (times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(1);
    const confirmed = results.filter((result) => result.status === 'confirmed').length;
    console.log(`bench:signup  ${count} concurrent sign-ups over HTTP to one circle of capacity 10`);
    console.log(
      `  p50 ${at(50)} ms   p99 ${at(99)} ms   max ${at(100)} ms   all done in ${wall.toFixed(0)} ms`,
    );
    console.log(`  confirmed ${confirmed}, waitlisted ${results.length - confirmed}`);
  } finally {
    await service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
