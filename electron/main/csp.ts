// The Content-Security-Policy the app scheme sends with every response: our own scripts only, and
// network connections only to the configured hub (HTTP for the API, WebSocket for sync).

/** The hub's origin and its WebSocket twin, or nothing when no hub is configured (before enrollment). */
export function hubConnectSources(hubOrigin: string): string[] {
  if (!hubOrigin) return [];
  let url: URL;
  try {
    url = new URL(hubOrigin);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}

export function buildCsp(hubOrigin: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    // Ant Design writes its styles at run time (CSS-in-JS): inline styles, never inline scripts.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'connect-src': ["'self'", ...hubConnectSources(hubOrigin)],
    'worker-src': ["'self'"],
    'frame-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
