// The preload: exposes the bridge (shared/bridge.ts) over IPC, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../../shared/bridge';
import type { IpcChannel, IpcHandles } from '../../shared/ipc';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcHandles[C]['args']): Promise<IpcHandles[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcHandles[C]['result']>;
}

const bridge: Bridge = {
  appInfo: () => invoke('tongban:app-info'),
  capabilities: () => invoke('tongban:capabilities'),
  getSettings: () => invoke('tongban:get-settings'),
  setSettings: (patch) => invoke('tongban:set-settings', patch),
  print: (request) => invoke('tongban:print', request),
};

contextBridge.exposeInMainWorld('tongban', bridge);
