// The `app://tongban/` handler: serves the built renderer, GET and HEAD only, never a file outside
// its folder, every response with the CSP and a few hardening headers.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppProtocolOptions {
  /** The built renderer's folder (out/renderer). */
  root: string;
  /** The CSP for this moment: it names the hub configured now. */
  csp: () => string;
  /** Documents held in memory (printouts), served at `/__print/{name}`; undefined when unknown. */
  printDocument?: (name: string) => string | undefined;
}

export const PRINT_PATH = '/__print/';

/**
 * The file a request names under `root`, or the HTTP status that refuses it. Pure path logic; the
 * handler below also resolves symbolic links before reading.
 */
export function resolveAppPath(requestUrl: string, method: string, root: string): { path: string } | { status: number } {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { status: 400 };
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return { status: 403 };
  return { path: full };
}

const headers = (csp: string, type: string): Record<string, string> => ({
  'content-type': type,
  'content-security-policy': csp,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
});

export function createAppProtocolHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const csp = opts.csp();
    const plain = (status: number, text: string) => new Response(text, { status, headers: headers(csp, 'text/plain; charset=utf-8') });
    const target = resolveAppPath(request.url, request.method, opts.root);
    const pathname = 'path' in target ? new URL(request.url).pathname : '';
    if (pathname.startsWith(PRINT_PATH)) {
      const html = opts.printDocument?.(pathname.slice(PRINT_PATH.length));
      if (html === undefined) return plain(404, 'not found');
      return new Response(request.method === 'HEAD' ? null : html, { status: 200, headers: headers(csp, MIME['.html']!) });
    }
    if ('status' in target) return plain(target.status, target.status === 405 ? 'method not allowed' : target.status === 403 ? 'forbidden' : 'not found');
    try {
      // A symbolic link inside the folder must not lead out of it either.
      const [real, base] = await Promise.all([realpath(target.path), realpath(opts.root)]);
      if (real !== base && !real.startsWith(base + sep)) return plain(403, 'forbidden');
      if (!(await stat(real)).isFile()) return plain(404, 'not found');
      const type = MIME[extname(real).toLowerCase()] ?? 'application/octet-stream';
      const body = request.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, { status: 200, headers: headers(csp, type) });
    } catch {
      return plain(404, 'not found');
    }
  };
}
