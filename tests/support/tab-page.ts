/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser';

/** A persona of the tab's local identity switcher (see tab/src/auth.ts). */
export type Persona = 'Jordan Lee' | 'Asha Patel' | 'Demo Programme Lead';

/** The three Teams themes, as the tab reads them from `?theme=`. */
export const THEMES = ['default', 'dark', 'contrast'] as const;

/** Where the tab's screenshots go (test artifacts, not committed). */
export const TAB_SHOTS_DIR = path.join(ARTIFACTS_DIR, 'tab');

/** Opens the tab as a persona, in a theme, at a hash path, and waits for the page heading. */
export async function openTab(
  browser: Browser,
  serviceUrl: string,
  options: { persona?: Persona; theme?: (typeof THEMES)[number]; path?: string } = {},
): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the service's CSP itself is checked by the API tests.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => console.error(`tab page error: ${error.message}`));
  const persona = options.persona ?? 'Jordan Lee';
  await page.addInitScript((name) => window.sessionStorage.setItem('lc.persona', name), persona);
  await page.goto(`${serviceUrl}/tab/?theme=${options.theme ?? 'default'}#${options.path ?? '/plan'}`);
  await page.locator('h1').first().waitFor();
  return page;
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(TAB_SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(TAB_SHOTS_DIR, `${name}.png`), fullPage: true });
}

/** One axe-core violation, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js');

/** Runs axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE_PATH });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/**
 * Presses Tab until the focused element's accessible text matches, as a keyboard user would, and fails after
 * `limit` presses.
 */
export async function tabTo(page: Page, text: RegExp, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element ? `${element.getAttribute('aria-label') ?? ''} ${element.innerText ?? ''}`.trim() : '';
    });
    if (text.test(focused)) return;
  }
  throw new Error(`No focusable element matching ${text} within ${limit} Tab presses.`);
}
