import { themeNameOf, type ThemeName } from './theme';

/** What the tab knows about where it runs. */
export interface HostInfo {
  inTeams: boolean;
  theme: ThemeName;
  locale: string;
  /** The static tab's entity id, when Teams opened one. */
  pageId: string | undefined;
  /** A deep link's sub-page (bot cards send `guides/<id>`). */
  subPageId: string | undefined;
  /** `settings` when Teams shows the channel tab's configuration page. */
  frameContext: string | undefined;
  /** Calls back when the Teams theme changes. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
}

/** How long to wait for Teams before running as a plain web page. */
const TEAMS_TIMEOUT_MS = 2500;

function browserHost(): HostInfo {
  const query = new URLSearchParams(window.location.search);
  return {
    inTeams: false,
    theme: themeNameOf(query.get('theme')),
    locale: query.get('locale') ?? navigator.language ?? 'en-GB',
    pageId: undefined,
    subPageId: undefined,
    frameContext: undefined,
    onThemeChange: () => undefined,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Teams did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Connects to Teams when the tab runs inside it (framed, or in Teams mobile's webview), with a timeout;
 * otherwise, or when Teams does not answer, the tab runs as a plain web page and reads `?theme=` and `?locale=`
 * from its URL. teams-js is loaded only then, so the plain page does not pay for it.
 */
export async function connectToHost(): Promise<HostInfo> {
  const fallback = browserHost();
  // Teams web and desktop frame the tab; Teams mobile runs it in a webview with a native bridge instead.
  const framed = window.parent !== window || Boolean(window.opener);
  const nativeHost = 'nativeInterface' in window;
  if (!framed && !nativeHost) return fallback;
  try {
    const { app } = await import('@microsoft/teams-js');
    await withTimeout(app.initialize(), TEAMS_TIMEOUT_MS);
    const context = await app.getContext();
    await app.notifySuccess();
    return {
      inTeams: true,
      theme: themeNameOf(context.app.theme),
      locale: context.app.locale || fallback.locale,
      pageId: context.page.id || undefined,
      subPageId: context.page.subPageId || undefined,
      frameContext: context.page.frameContext,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeNameOf(theme))),
    };
  } catch (error) {
    console.info('Running outside Teams:', error instanceof Error ? error.message : error);
    return fallback;
  }
}
