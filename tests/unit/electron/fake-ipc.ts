// A fake IPC pair for tests: ipcMain.handle on one side, ipcRenderer.invoke on the other, with the
// structured clone Electron applies to every message. Stands in for the Electron runtime only; the
// handlers registered on it are the real main-process ones.
import type { IpcMainInvokeEvent } from 'electron';
import type { Invoke } from '../../../electron/preload/bridge';

export interface SenderFrame {
  url: string;
  parent: SenderFrame | null;
}

export function fakeIpcPair(frame: () => SenderFrame | null = () => ({ url: 'app://tongban/index.html', parent: null })) {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: (channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    },
  };
  const invoke: Invoke = async (channel, ...args) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = { senderFrame: frame() } as unknown as IpcMainInvokeEvent;
    return structuredClone(await handler(event, ...structuredClone(args)));
  };
  return { ipcMain, invoke, channels: () => [...handlers.keys()] };
}
