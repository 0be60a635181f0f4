// The app's own origin: the renderer is served from `app://tongban/`, a privileged scheme registered
// standard and secure, never from file://. The origin never changes between runs or versions, so the
// IndexedDB store (outbox, device key) is never orphaned, and WebCrypto has its secure context.
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tongban';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: a real origin (IndexedDB, localStorage) and relative URLs; secure: WebCrypto, camera;
  // supportFetchAPI and corsEnabled: module scripts and the sync worker load from it. No bypassCSP.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
};

/** True when the URL is a page of ours (same scheme, host and port as APP_ORIGIN). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    // Compared by parts: Node's URL gives custom schemes the opaque origin "null", Chromium does not.
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
