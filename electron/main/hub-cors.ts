// The renderer (origin app://tongban) calls the hub across origins. The hub sends no CORS headers of
// its own, so the main process adds them to the configured hub's responses only, for our origin only:
// any other origin, or any other server, gets nothing more than the network gave it.
import { APP_ORIGIN } from './app-origin';

const ALLOW_HEADERS = 'content-type, authorization, if-none-match, content-range, x-device-id, x-timestamp, x-signature';
const EXPOSE_HEADERS = 'date, etag, upload-offset, content-length';

export interface HeadersDetails {
  url: string;
  method: string;
  statusLine: string;
  responseHeaders?: Record<string, string[]>;
}

/** The response as the renderer should see it, or null to leave it untouched. */
export function withHubCors(details: HeadersDetails, hubOrigin: string): { responseHeaders: Record<string, string[]>; statusLine?: string } | null {
  if (!hubOrigin) return null;
  let origin: string;
  try {
    origin = new URL(details.url).origin;
  } catch {
    return null;
  }
  if (origin !== hubOrigin) return null;
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    if (!name.toLowerCase().startsWith('access-control-')) headers[name] = value;
  }
  headers['Access-Control-Allow-Origin'] = [APP_ORIGIN];
  headers['Access-Control-Allow-Methods'] = ['GET, HEAD, POST, PUT'];
  headers['Access-Control-Allow-Headers'] = [ALLOW_HEADERS];
  headers['Access-Control-Expose-Headers'] = [EXPOSE_HEADERS];
  headers['Access-Control-Max-Age'] = ['600'];
  headers.Vary = ['Origin'];
  // The hub has no OPTIONS routes: a preflight is answered here as allowed, with no body.
  if (details.method === 'OPTIONS') return { responseHeaders: headers, statusLine: 'HTTP/1.1 204 No Content' };
  return { responseHeaders: headers };
}
