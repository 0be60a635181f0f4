// Permissions: the camera and microphone (document camera, video consultation) and writing the
// clipboard (the diagnostics report) for our own page only; everything else, for anyone, refused.
import { APP_ORIGIN, isAppUrl } from './app-origin';

const GRANTABLE = new Set(['media', 'clipboard-sanitized-write']);

export interface PermissionAsk {
  permission: string;
  /** The page or frame asking (details.requestingUrl, or the check handler's requestingOrigin). */
  requestingUrl: string;
  /** Whether a main frame asks (Electron's details.isMainFrame); a subframe never gets anything. */
  isMainFrame?: boolean;
  /** For `media`: what is asked, video and/or audio. */
  mediaTypes?: readonly string[];
}

export function permissionGranted(ask: PermissionAsk): boolean {
  if (!GRANTABLE.has(ask.permission)) return false;
  if (ask.isMainFrame === false) return false;
  if (!(isAppUrl(ask.requestingUrl) || ask.requestingUrl === APP_ORIGIN)) return false;
  // 'unknown' is how Chromium's permission checks name the camera and microphone together.
  if (ask.permission === 'media') return (ask.mediaTypes ?? []).every((t) => t === 'video' || t === 'audio' || t === 'unknown');
  return true;
}
