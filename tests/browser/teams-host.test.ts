/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { hostLog, pressSave, pushTheme, startFakeTeamsHost } from '../support/fake-teams-host';
import { screenshot } from '../support/tab-page';
import { localToken, startTestService, type TestService } from '../support/service';

let service: TestService;
let browser: Browser;

beforeAll(async () => {
  service = await startTestService();
  browser = await launchChromium();
}, 60_000);

/** A page of the service's own origin (which teams-js trusts) to play the Teams client in. */
async function hostPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${service.url}/tab/privacy.html`);
  return page;
}

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('the tab inside a Teams host', () => {
  test('opens the deep-linked guide in the Teams theme, signs in with the SSO token and follows theme changes', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const page = await hostPage(context);
      const ssoToken = await localToken(service, 'Priya Shah');
      await startFakeTeamsHost(page, {
        tabPath: '/tab/?theme=default',
        theme: 'dark',
        locale: 'en-GB',
        entityId: 'plan',
        subEntityId: 'guides/bereaved-colleague',
        ssoToken,
      });
      const tab = page.frameLocator('#tab');
      await tab
        .getByRole('heading', { level: 1 })
        .filter({ hasText: /bereave/i })
        .waitFor();
      expect(await tab.locator('.fui-FluentProvider').first().getAttribute('data-theme')).toBe('dark');
      expect(await tab.getByLabel('Acting as (local run)').count()).toBe(0);

      await screenshot(page, 'teams-host-guide-dark');
      await tab.getByRole('link', { name: 'Settings' }).click();
      await tab.getByText('Signed in as Priya Shah.').waitFor();

      await pushTheme(page, 'contrast');
      await tab.locator('.fui-FluentProvider[data-theme="contrast"]').first().waitFor();

      const log = await hostLog(page);
      expect(log.calls.slice(0, 2)).toEqual(['initialize', 'getContext']);
      expect(log.tokenRequests).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  test('configures the channel tab: the team picks a theme and Teams saves the matching page', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await hostPage(context);
      await startFakeTeamsHost(page, {
        tabPath: '/tab/?theme=default',
        theme: 'default',
        locale: 'en-GB',
        entityId: '',
        subEntityId: '',
        frameContext: 'settings',
        ssoToken: await localToken(service, 'Priya Shah'),
      });
      const tab = page.frameLocator('#tab');
      await tab.getByRole('heading', { level: 1, name: 'Circles for this team' }).waitFor();
      await tab.getByLabel('Show circles on').selectOption('loss-and-grief');
      await page.waitForFunction(() =>
        (window as unknown as { fakeTeamsLog: { calls: string[] } }).fakeTeamsLog.calls.includes(
          'settings.setValidityState',
        ),
      );
      await pressSave(page);
      await page.waitForFunction(() =>
        (window as unknown as { fakeTeamsLog: { calls: string[] } }).fakeTeamsLog.calls.includes(
          'settings.save.success',
        ),
      );
      const log = await hostLog(page);
      expect(log.valid).toBe(true);
      expect(log.savedConfig).toMatchObject({
        entityId: 'team-circles-loss-and-grief',
        contentUrl: `${service.url}/tab/?theme={theme}&locale={locale}#/team-circles/loss-and-grief`,
        suggestedDisplayName: 'Circles: Lead through loss and grief',
      });
    } finally {
      await context.close();
    }
  });

  test('falls back to a plain web page when the frame around it never answers teams-js', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await hostPage(context);
      const started = Date.now();
      await page.evaluate(() => {
        const frame = document.createElement('iframe');
        frame.id = 'tab';
        frame.title = 'Silent host';
        frame.src = '/tab/?theme=dark#/plan';
        document.body.appendChild(frame);
      });
      const tab = page.frameLocator('#tab');
      await tab.getByRole('heading', { level: 1, name: 'The ten-point plan' }).waitFor();
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      await tab.getByLabel('Acting as (local run)').waitFor();
      expect(await tab.locator('.fui-FluentProvider').first().getAttribute('data-theme')).toBe('dark');
    } finally {
      await context.close();
    }
  });

  test("talks to Teams mobile's native bridge when it is not framed", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.addInitScript(() => {
        const sent: string[] = [];
        Object.assign(window, {
          sentToNative: sent,
          nativeInterface: { framelessPostMessage: (message: string) => sent.push(message) },
        });
      });
      await page.goto(`${service.url}/tab/#/plan`);
      await page.getByRole('heading', { level: 1, name: 'The ten-point plan' }).waitFor();
      const sent = await page.evaluate(() => (window as unknown as { sentToNative: string[] }).sentToNative);
      expect(sent.map((message) => (JSON.parse(message) as { func: string }).func)).toContain('initialize');
    } finally {
      await context.close();
    }
  });

  test('refuses to be framed by a page that is neither Teams nor this service', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const refusals: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('frame-ancestors')) refusals.push(message.text());
      });
      await page.setContent(
        `<iframe id="tab" title="Foreign framer" src="${service.url}/tab/#/plan"></iframe>`,
      );
      await page.waitForFunction(() => document.querySelector('iframe')?.contentWindow !== null);
      await page.waitForTimeout(1500);
      expect(refusals.length).toBeGreaterThan(0);
      expect(await page.frameLocator('#tab').locator('#root').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
