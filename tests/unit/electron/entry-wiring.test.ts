// The main process and preload entry files, loaded with a stand-in for the `electron` module (the
// Electron runtime cannot run here; nothing else is mocked): the scheme is privileged before `ready`,
// the sandbox is on, every guard and handler is installed, and the window loads app://, not a file.
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from '../../../electron/main/app-origin';

const rt = vi.hoisted(() => {
  const log: string[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));
  return {
    log,
    ready: () => ready(),
    whenReady,
    appEvents: new Map<string, (...a: unknown[]) => void>(),
    protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
    ipc: new Map<string, unknown>(),
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    permissionRequest: null as null | ((...a: unknown[]) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    headers: null as null | ((...a: unknown[]) => void),
    exposed: [] as [string, unknown][],
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { getPrintersAsync: async () => [] };
    entry: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.entry = { options, loaded: [] };
      rt.windows.push(this.entry);
    }
    once() {}
    on() {}
    async loadURL(url: string) {
      this.entry.loaded.push(url);
    }
    async loadFile(path: string) {
      this.entry.loaded.push(`file:${path}`);
    }
  }
  return {
    app: {
      enableSandbox: () => rt.log.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      whenReady: () => rt.whenReady,
      on: (event: string, fn: (...a: unknown[]) => void) => rt.appEvents.set(event, fn),
      getVersion: () => '0.1.0',
      getPath: (name: string) => `/tmp/tongban-${name}`,
      isPackaged: false,
      quit: () => undefined,
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => rt.log.push(`privileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => rt.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...a: unknown[]) => void) => (rt.permissionRequest = fn),
        setPermissionCheckHandler: (fn: (...a: unknown[]) => boolean) => (rt.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: (...a: unknown[]) => void) => (rt.headers = fn) },
      },
    },
    ipcMain: { handle: (channel: string, fn: unknown) => rt.ipc.set(channel, fn) },
    BrowserWindow,
    dialog: {},
    shell: { openExternal: async () => undefined },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => rt.exposed.push([key, api]) },
    ipcRenderer: { invoke: async () => ({ ok: true, value: null }) },
  };
});

// electron-store needs Electron at import; an in-memory Store-like object stands in for it.
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
  },
}));

beforeAll(async () => {
  await import('../../../electron/main/index');
  rt.log.push('ready');
  rt.ready();
  await rt.whenReady;
  await new Promise((r) => setTimeout(r, 0));
});

describe('the main process entry', () => {
  it('registers the app scheme as privileged and enables the sandbox before the app is ready', () => {
    expect(rt.log.slice(0, 3)).toEqual([`privileged ${JSON.stringify([APP_SCHEME_PRIVILEGES])}`, 'enableSandbox', 'ready']);
    expect([...rt.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('opens one window with the secure options, its preload, and the app:// entry page', () => {
    expect(rt.windows).toHaveLength(1);
    const prefs = rt.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(rt.windows[0]!.loaded).toEqual([APP_ENTRY_URL]);
  });

  it('installs the permission, CORS, navigation and IPC guards', () => {
    const granted = (url: string, permission = 'media') => {
      let answer: boolean | undefined;
      rt.permissionRequest!({}, permission, (a: boolean) => (answer = a), { requestingUrl: url, isMainFrame: true, mediaTypes: ['video'] });
      return answer;
    };
    expect(granted('app://tongban/index.html')).toBe(true);
    expect(granted('https://evil.example/')).toBe(false);
    expect(granted('app://tongban/index.html', 'geolocation')).toBe(false);
    expect(rt.permissionCheck!({}, 'media', 'https://evil.example', { isMainFrame: true })).toBe(false);
    expect(rt.headers).toBeTypeOf('function');
    expect([...rt.ipc.keys()].sort()).toEqual([...IPC_CHANNELS].sort());

    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    rt.appEvents.get('web-contents-created')!({}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

describe('the preload entry', () => {
  it('exposes one object, window.tongban, with exactly the bridge\'s methods', async () => {
    await import('../../../electron/preload/index');
    expect(rt.exposed.map(([key]) => key)).toEqual(['tongban']);
    expect(Object.keys(rt.exposed[0]![1] as object).sort()).toEqual(['appInfo', 'capabilities', 'getSettings', 'installUpdate', 'print', 'printers', 'setSettings', 'updateFromUsb']);
  });
});
