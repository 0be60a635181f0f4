// The IPC gate: every channel of the contract is registered, checks that the sender is our page's
// main frame, validates its arguments with zod before the handler runs, and answers with a Result.
// The IPC transport is a fake pair (the Electron runtime cannot run here); the handlers are real.
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '../../../shared/ipc';
import { handleInvoke, IpcRefusal, registerIpcHandlers, senderAllowed, type IpcHandlerMap } from '../../../electron/main/ipc';
import { createPreloadBridge } from '../../../electron/preload/bridge';
import { fakeIpcPair, type SenderFrame } from './fake-ipc';

const OURS: SenderFrame = { url: 'app://tongban/index.html', parent: null };

function spyHandlers(): IpcHandlerMap & { calls: string[] } {
  const calls: string[] = [];
  const h = (name: string, value: unknown) => async (...args: unknown[]) => (calls.push(`${name} ${JSON.stringify(args)}`), value);
  return {
    calls,
    'tongban:app-info': h('app-info', { name: '通办' }) as IpcHandlerMap['tongban:app-info'],
    'tongban:capabilities': h('capabilities', {}) as IpcHandlerMap['tongban:capabilities'],
    'tongban:get-settings': h('get-settings', {}) as IpcHandlerMap['tongban:get-settings'],
    'tongban:set-settings': h('set-settings', {}) as IpcHandlerMap['tongban:set-settings'],
    'tongban:print': h('print', { ok: true }) as IpcHandlerMap['tongban:print'],
    'tongban:printers': h('printers', []) as IpcHandlerMap['tongban:printers'],
    'tongban:update-from-usb': async () => {
      throw new IpcRefusal({ code: 'CANCELLED', message: '未选择更新包' });
    },
    'tongban:install-update': async () => {
      throw new Error('disk full');
    },
  };
}

describe('the IPC gate', () => {
  it('registers every channel of the contract once, and the preload exposes exactly the bridge', () => {
    const ipc = fakeIpcPair();
    registerIpcHandlers(ipc.ipcMain, spyHandlers());
    expect(ipc.channels().sort()).toEqual([...IPC_CHANNELS].sort());
    const bridge = createPreloadBridge(ipc.invoke);
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'capabilities', 'getSettings', 'installUpdate', 'print', 'printers', 'setSettings', 'updateFromUsb']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('refuses a sender that is not our main frame before any handler runs', async () => {
    const handlers = spyHandlers();
    const strangers: (SenderFrame | null)[] = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      { url: 'app://other/index.html', parent: null },
      { url: 'about:srcdoc', parent: OURS },
      { url: 'app://tongban/index.html', parent: OURS },
    ];
    for (const frame of strangers) {
      expect(senderAllowed({ senderFrame: frame as never })).toBe(false);
      for (const channel of IPC_CHANNELS) {
        const r = await handleInvoke(handlers, channel, { senderFrame: frame as never }, []);
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      }
    }
    expect(handlers.calls).toEqual([]);
    expect(senderAllowed({ senderFrame: OURS as never })).toBe(true);
  });

  it('validates each channel\'s arguments with its schema before the handler runs', async () => {
    const handlers = spyHandlers();
    const call = (channel: IpcChannel, ...args: unknown[]) => handleInvoke(handlers, channel, { senderFrame: OURS as never }, args);
    const bad: [IpcChannel, unknown[]][] = [
      ['tongban:app-info', ['extra']],
      ['tongban:get-settings', [{}]],
      ['tongban:set-settings', []],
      ['tongban:set-settings', [{ hubUrl: 42 }]],
      ['tongban:set-settings', [{ nodeIntegration: true }]],
      ['tongban:print', [{ html: '<p/>', title: 't', copies: 1e9 }]],
      ['tongban:print', ['<p/>']],
      ['tongban:install-update', [{ version: '1.0.0' }]],
      ['tongban:install-update', ['x'.repeat(65)]],
    ];
    for (const [channel, args] of bad) {
      const r = await call(channel, ...args);
      expect(r.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      expect(r.ok ? '' : r.error.code).toMatch(/^(INVALID_REQUEST|INVALID_SETTINGS)$/);
    }
    expect(handlers.calls).toEqual([]);
    expect(await call('tongban:set-settings', { hubUrl: 'http://[::1]:8080' })).toEqual({ ok: true, value: {} });
    expect(handlers.calls).toEqual(['set-settings [{"hubUrl":"http://[::1]:8080"}]']);
  });

  it('answers a handler\'s refusal with its reason, and any other failure as an internal error', async () => {
    const handlers = spyHandlers();
    const call = (channel: IpcChannel, ...args: unknown[]) => handleInvoke(handlers, channel, { senderFrame: OURS as never }, args);
    expect(await call('tongban:update-from-usb')).toEqual({ ok: false, error: { code: 'CANCELLED', message: '未选择更新包' } });
    expect(await call('tongban:install-update', '0.2.0')).toEqual({ ok: false, error: { code: 'INTERNAL', message: '桌面程序内部错误：disk full' } });
  });

  it('reaches the renderer as plain values: a refusal becomes an Error with the reason as its message', async () => {
    const frame = vi.fn<() => SenderFrame | null>(() => OURS);
    const ipc = fakeIpcPair(frame);
    registerIpcHandlers(ipc.ipcMain, spyHandlers());
    const bridge = createPreloadBridge(ipc.invoke);
    expect(await bridge.appInfo()).toEqual({ name: '通办' });
    frame.mockReturnValue({ url: 'https://evil.example/', parent: null });
    await expect(bridge.appInfo()).rejects.toThrow('拒绝来自 https://evil.example/ 的请求：只接受本程序页面的调用');
  });
});
