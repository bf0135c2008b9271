/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../bot/config';
import { startService } from '../bot/service';
import { launchChromium } from './chromium';

const RUNS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * `npm run bench:tab`: the built tab served by the real service on loopback, opened in headless Chromium with a
 * fresh profile (cold cache) each run. Prints the time from navigation start until the Plan page's heading and
 * its ten points are on screen (local sign-in, /api/me and /api/plan included).
 */
async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-tab-'));
  const service = await startService(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONTENT_WATCH: 'false' }),
  );
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${service.url}/tab/#/plan`);
      await page.waitForFunction(
        () =>
          document.querySelector('h1')?.textContent === 'The ten-point plan' &&
          document.querySelectorAll('ol > li').length === 10,
        undefined,
        { polling: 'raf', timeout: 10_000 },
      );
      const rendered = await page.evaluate(() => performance.now());
      await context.close();
      if (run > 0) times.push(rendered); // the first run warms the service, not the browser cache
    }
  } finally {
    await browser.close();
    await service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  console.log(
    `bench:tab  Plan page first render in headless Chromium (${RUNS} cold runs): ` +
      `p50 ${percentile(times, 50).toFixed(0)} ms, p90 ${percentile(times, 90).toFixed(0)} ms, ` +
      `max ${times.at(-1)?.toFixed(0)} ms (goal ≤ 1000 ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
