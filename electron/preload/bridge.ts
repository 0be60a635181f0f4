// The bridge over IPC: one method per channel of shared/ipc.ts. A refusal comes back from the main
// process as a Result; methods whose contract returns a Result hand it on, the others reject with an
// Error carrying the reason's text (the only part of an Error that crosses the context bridge).
import type { Bridge } from '../../shared/bridge';
import type { IpcChannel, IpcHandles, IpcReply } from '../../shared/ipc';

export type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;

export function createPreloadBridge(invoke: Invoke): Bridge {
  const reply = <C extends IpcChannel>(channel: C, ...args: IpcHandles[C]['args']) => invoke(channel, ...args) as Promise<IpcReply<C>>;
  const value = async <C extends IpcChannel>(channel: C, ...args: IpcHandles[C]['args']): Promise<IpcHandles[C]['result']> => {
    const r = await reply(channel, ...args);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return {
    appInfo: () => value('tongban:app-info'),
    capabilities: () => value('tongban:capabilities'),
    getSettings: () => value('tongban:get-settings'),
    setSettings: (patch) => value('tongban:set-settings', patch),
    print: async (request) => {
      const r = await reply('tongban:print', request);
      return r.ok ? r.value : { ok: false, error: { code: r.error.code === 'INVALID_REQUEST' ? 'INVALID_REQUEST' : 'PRINT_FAILED', message: r.error.message } };
    },
    printers: () => value('tongban:printers'),
    updateFromUsb: () => reply('tongban:update-from-usb'),
    installUpdate: (version) => reply('tongban:install-update', version),
  };
}
