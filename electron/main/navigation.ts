// Navigation and new windows: the app never leaves its own origin, never opens a window, and hands
// only allow-listed links to the system (shell.openExternal).
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Schemes the system may open for us; http is allowed only for the configured hub's own pages. */
export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'mailto:'];

export function externalUrlAllowed(url: string, hubOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (EXTERNAL_SCHEMES.includes(parsed.protocol)) return true;
  return !!hubOrigin && parsed.protocol === 'http:' && parsed.origin === hubOrigin;
}

/** In-place navigation stays on our origin (a reload, an in-app link); anything else is refused. */
export const navigationAllowed = (url: string): boolean => isAppUrl(url);

export interface GuardDeps {
  hubOrigin: () => string;
  openExternal: (url: string) => Promise<void>;
}

/** The subset of WebContents the guard touches, so a test can drive it with a plain emitter. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Attaches the rules to one WebContents (every one the app creates: the window, print windows).
 * A refused new window whose URL is allow-listed goes to the system browser instead.
 */
export function guardWebContents(contents: GuardedContents, deps: GuardDeps): void {
  const refuse = (details: { url: string; preventDefault(): void }) => {
    if (navigationAllowed(details.url)) return;
    details.preventDefault();
    if (externalUrlAllowed(details.url, deps.hubOrigin())) void deps.openExternal(details.url).catch(() => undefined);
  };
  contents.on('will-navigate', (details) => refuse(details));
  contents.on('will-redirect', (details) => refuse(details));
  contents.on('will-frame-navigate', (details) => {
    // Subframes: the print preview's srcdoc frame is allowed (about:srcdoc), nothing from elsewhere.
    if (!details.isMainFrame && (details.url === 'about:srcdoc' || details.url === 'about:blank')) return;
    if (!navigationAllowed(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (externalUrlAllowed(url, deps.hubOrigin())) void deps.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
