/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** What the fake host tells the tab, and the SSO token it hands out. */
export interface FakeHostOptions {
  tabPath: string;
  theme: 'default' | 'dark' | 'contrast';
  locale: string;
  entityId: string;
  subEntityId: string;
  ssoToken: string;
  /** `settings` plays the channel tab's configuration dialog; `content` (default) a tab. */
  frameContext?: 'content' | 'settings';
}

/** What the fake host saw. */
export interface FakeHostLog {
  calls: string[];
  tokenRequests: number;
  /** The validity the configuration page last reported. */
  valid?: boolean;
  /** The channel tab settings the configuration page saved. */
  savedConfig?: Record<string, string>;
}

/**
 * Plays the Teams client around the tab: the top page (same origin as the tab, which teams-js trusts) frames the
 * tab and answers teams-js's postMessage protocol: `initialize` (content frame, web client, SDK 2.0.0, so teams-js
 * builds its own runtime config), `getContext` (theme, locale, entity and sub-entity ids), and
 * `authentication.getAuthToken` (the SSO token). `themeChange` is pushed with {@link pushTheme}.
 */
export async function startFakeTeamsHost(page: Page, options: FakeHostOptions): Promise<void> {
  await page.evaluate((host) => {
    const log: FakeHostLog = { calls: [], tokenRequests: 0 };
    (window as unknown as { fakeTeamsLog: FakeHostLog }).fakeTeamsLog = log;
    const frame = document.createElement('iframe');
    frame.id = 'tab';
    frame.title = 'Leading Compassionately tab';
    frame.style.cssText = 'width:1200px;height:850px;border:0';
    window.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as { id?: number; uuidAsString?: string; func?: string };
      if (event.source !== frame.contentWindow || typeof message?.func !== 'string') return;
      log.calls.push(message.func);
      const reply = (args: unknown[]) =>
        frame.contentWindow?.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
      switch (message.func) {
        case 'initialize':
          reply([host.frameContext ?? 'content', 'web', '2.0.0', '2.0.0']);
          break;
        case 'getContext':
          reply([
            {
              theme: host.theme,
              locale: host.locale,
              entityId: host.entityId,
              subEntityId: host.subEntityId,
              frameContext: host.frameContext ?? 'content',
              hostClientType: 'web',
              hostName: 'Teams',
              appSessionId: '00000000-0000-0000-0000-000000000001',
            },
          ]);
          break;
        case 'authentication.getAuthToken':
          log.tokenRequests += 1;
          reply([true, host.ssoToken]);
          break;
        case 'settings.setValidityState':
          log.valid = (message as { args?: unknown[] }).args?.[0] === true;
          break;
        case 'settings.setSettings':
          log.savedConfig = (message as { args?: Record<string, string>[] }).args?.[0];
          reply([true]);
          break;
        default:
          break;
      }
    });
    frame.src = host.tabPath;
    document.body.appendChild(frame);
  }, options);
}

/** Tells the framed tab that the Teams theme changed. */
export async function pushTheme(page: Page, theme: string): Promise<void> {
  await page.evaluate((name) => {
    const frame = document.getElementById('tab') as HTMLIFrameElement;
    frame.contentWindow?.postMessage({ func: 'themeChange', args: [name] }, '*');
  }, theme);
}

/** Presses the configuration dialog's Save button, as Teams does. */
export async function pressSave(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frame = document.getElementById('tab') as HTMLIFrameElement;
    frame.contentWindow?.postMessage({ func: 'settings.save', args: [{}] }, '*');
  });
}

/** What the fake host saw so far. */
export async function hostLog(page: Page): Promise<FakeHostLog> {
  return page.evaluate(() => (window as unknown as { fakeTeamsLog: FakeHostLog }).fakeTeamsLog);
}
