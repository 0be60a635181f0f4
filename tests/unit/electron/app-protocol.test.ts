// The app:// handler over a real folder: serves the build with the CSP on every response, GET and
// HEAD only, and never a file outside the folder, by `..`, by encoding, or through a symbolic link.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../electron/main/app-protocol';
import { buildCsp } from '../../../electron/main/csp';

let base: string;
let root: string;
let hub = 'https://hub.jjj.gov.cn';
let handle: (r: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tongban-app-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>通办</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', '中文 名.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler({ root, csp: () => buildCsp(hub), printDocument: (name) => (name === 'r1.html' ? '<p>回执</p>' : undefined) });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the built renderer with its type, the CSP of the configured hub and hardening headers', async () => {
    const page = await get('app://tongban/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>通办</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(buildCsp('https://hub.jjj.gov.cn'));
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://tongban/')).status).toBe(200);
    const script = await get('app://tongban/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://tongban/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.css')).status).toBe(200);
    const head = await get('app://tongban/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    // The CSP is built per response: a new hub address applies from the next page load.
    hub = 'http://10.0.0.5:8080';
    expect((await get('app://tongban/index.html')).headers.get('content-security-policy')).toContain('connect-src \'self\' http://10.0.0.5:8080 ws://10.0.0.5:8080');
  });

  it('refuses other methods, other hosts, and every way out of the folder', async () => {
    expect((await get('app://tongban/index.html', 'POST')).status).toBe(405);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://tongban/missing.js')).status).toBe(404);
    expect((await get('app://tongban/assets')).status).toBe(404);
    expect((await get('app://tongban/assets/link.txt')).status).toBe(403);
    for (const escape of ['app://tongban/%2e%2e/secret.txt', 'app://tongban/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', 'app://tongban/..%5csecret.txt', 'app://tongban/%00index.html']) {
      const r = await get(escape);
      expect([400, 403, 404]).toContain(r.status);
      expect(await r.text()).not.toContain('outside');
    }
    expect(resolveAppPath('app://tongban/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', 'GET', root)).toEqual({ status: 403 });
    // The URL parser itself folds dot segments: they can never climb above the root.
    expect(resolveAppPath('app://tongban/a/%2e%2e/%2e%2e/secret.txt', 'GET', root)).toEqual({ path: join(root, 'secret.txt') });
    expect(resolveAppPath('app://tongban/%E0%A4%A', 'GET', root)).toEqual({ status: 400 });
  });

  it('serves a printout held in memory, with the same CSP, and nothing for an unknown one', async () => {
    const r = await get('app://tongban/__print/r1.html');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('<p>回执</p>');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await get('app://tongban/__print/r2.html')).status).toBe(404);
  });
});
