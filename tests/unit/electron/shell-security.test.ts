// The shell's security checklist, item by item, through the plain functions that build the window
// options and the handlers (electron/main). Where a handler attaches to Electron's WebContents, a
// plain EventEmitter stands in for it: the Electron runtime cannot run here, and that is all we mock.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES, isAppUrl } from '../../../electron/main/app-origin';
import { buildCsp, hubConnectSources } from '../../../electron/main/csp';
import { withHubCors } from '../../../electron/main/hub-cors';
import { externalUrlAllowed, guardWebContents, navigationAllowed, type GuardedContents } from '../../../electron/main/navigation';
import { permissionGranted } from '../../../electron/main/permissions';
import { mainWindowOptions, printWindowOptions } from '../../../electron/main/window-options';

const HUB = 'https://hub.jjj.gov.cn';

describe('window options', () => {
  it('isolate the page: context isolation, sandbox, no Node, web security on, no webview', () => {
    for (const prefs of [mainWindowOptions('/app/preload/index.cjs').webPreferences!, printWindowOptions().webPreferences!]) {
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    }
    expect(mainWindowOptions('/app/preload/index.cjs').webPreferences).toMatchObject({ preload: '/app/preload/index.cjs', devTools: false });
    // A printout needs no script and gets no preload.
    expect(printWindowOptions().webPreferences).toMatchObject({ javascript: false });
    expect(printWindowOptions().webPreferences).not.toHaveProperty('preload');
  });
});

describe('the app scheme', () => {
  it('is registered standard and secure (a fixed origin with WebCrypto), and does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_ORIGIN).toBe('app://tongban');
    expect(APP_ENTRY_URL).toBe('app://tongban/index.html');
    expect(APP_ENTRY_URL.startsWith('file:')).toBe(false);
    expect(isAppUrl('app://tongban/assets/x.js')).toBe(true);
    for (const other of ['app://other/index.html', 'file:///app/index.html', 'https://tongban/', 'app://tongban.evil/', 'not a url', null]) expect(isAppUrl(other)).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))?.slice(name.length + 1).split(' ');

  it('allows our own scripts only and connections only to the configured hub', () => {
    const csp = buildCsp(HUB);
    expect(directive(csp, 'default-src')).toEqual(["'none'"]);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", HUB, 'wss://hub.jjj.gov.cn']);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'script-src')).not.toContain("'unsafe-inline'");
  });

  it('follows the hub address: ws for http, nothing beyond the app before enrollment, nothing for a bad address', () => {
    expect(hubConnectSources('http://192.168.1.20:8080')).toEqual(['http://192.168.1.20:8080', 'ws://192.168.1.20:8080']);
    expect(directive(buildCsp(''), 'connect-src')).toEqual(["'self'"]);
    expect(hubConnectSources('javascript:alert(1)')).toEqual([]);
    expect(hubConnectSources('not a url')).toEqual([]);
  });
});

/** A stand-in for Electron's WebContents: an EventEmitter that records the window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (openHandler = h),
  });
  const navigate = (event: string, url: string, isMainFrame = true) => {
    const details = { url, isMainFrame, preventDefault: vi.fn() };
    emitter.emit(event, details);
    return details.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as GuardedContents, navigate, open: (url: string) => openHandler!({ url }) };
}

describe('navigation and new windows', () => {
  it('stay on our origin: navigation elsewhere is refused, and allow-listed links go to the system browser', async () => {
    const openExternal = vi.fn(async () => undefined);
    const { contents, navigate, open } = fakeContents();
    guardWebContents(contents, { hubOrigin: () => 'http://10.1.2.3:8080', openExternal });
    expect(navigate('will-navigate', 'app://tongban/index.html')).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'http://10.1.2.3:8080/track')).toBe(true);
    expect(navigate('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(navigate('will-frame-navigate', 'about:srcdoc', false)).toBe(false);
    expect(navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    const attach = { preventDefault: vi.fn() };
    (contents as unknown as EventEmitter).emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();

    expect(open('https://www.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('app://tongban/index.html')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal.mock.calls.map((c: unknown[]) => c[0])).toEqual(['https://evil.example/', 'http://10.1.2.3:8080/track', 'https://www.gov.cn/']);
    expect(navigationAllowed('app://tongban/x')).toBe(true);
  });

  it('hands shell.openExternal only https, mailto and the configured hub', () => {
    for (const ok of ['https://www.gov.cn/', 'mailto:helpdesk@jjj.gov.cn', `${HUB}/verify/1`]) expect(externalUrlAllowed(ok, HUB)).toBe(true);
    expect(externalUrlAllowed('http://10.1.2.3:8080/track', 'http://10.1.2.3:8080')).toBe(true);
    for (const bad of ['http://evil.example/', 'file:///etc/passwd', 'smb://share/x', 'ms-msdt:/id', 'javascript:alert(1)', 'https://user:pw@hub/', 'x']) {
      expect(externalUrlAllowed(bad, 'http://10.1.2.3:8080')).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('grant the camera and microphone, and clipboard writing, to our own main frame only', () => {
    expect(permissionGranted({ permission: 'media', requestingUrl: 'app://tongban/index.html', isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
    expect(permissionGranted({ permission: 'media', requestingUrl: 'app://tongban/index.html', mediaTypes: ['audio', 'video'] })).toBe(true);
    expect(permissionGranted({ permission: 'media', requestingUrl: APP_ORIGIN, mediaTypes: ['unknown'] })).toBe(true);
    expect(permissionGranted({ permission: 'clipboard-sanitized-write', requestingUrl: 'app://tongban/index.html' })).toBe(true);
    expect(permissionGranted({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(permissionGranted({ permission: 'media', requestingUrl: `${HUB}/verify/1`, mediaTypes: ['video'] })).toBe(false);
    expect(permissionGranted({ permission: 'media', requestingUrl: 'app://tongban/index.html', isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'display-capture', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'usb', 'serial', 'midiSysex', 'fileSystem']) {
      expect(permissionGranted({ permission: p, requestingUrl: 'app://tongban/index.html' })).toBe(false);
    }
  });
});

describe('CORS for the hub', () => {
  const details = (url: string, method = 'GET') => ({ url, method, statusLine: 'HTTP/1.1 404 Not Found', responseHeaders: { 'Content-Type': ['application/json'], 'access-control-allow-origin': ['*'] } });

  it('opens the configured hub, and only it, to our origin only', () => {
    const r = withHubCors(details(`${HUB}/api/v1/catalog`), HUB)!;
    expect(r.responseHeaders['Access-Control-Allow-Origin']).toEqual([APP_ORIGIN]);
    expect(r.responseHeaders['access-control-allow-origin']).toBeUndefined();
    expect(r.responseHeaders['Content-Type']).toEqual(['application/json']);
    expect(r.responseHeaders['Access-Control-Expose-Headers']![0]).toContain('date');
    expect(r.statusLine).toBeUndefined();
    expect(withHubCors(details(`${HUB}/api/v1/login`, 'OPTIONS'), HUB)!.statusLine).toBe('HTTP/1.1 204 No Content');
    expect(withHubCors(details('https://evil.example/x'), HUB)).toBeNull();
    expect(withHubCors(details('https://hub.jjj.gov.cn:8443/x'), HUB)).toBeNull();
    expect(withHubCors(details(`${HUB}/x`), '')).toBeNull();
  });
});
