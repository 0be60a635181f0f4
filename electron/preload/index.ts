// The preload: exposes the bridge (shared/bridge.ts) over IPC as `window.tongban`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './bridge';

contextBridge.exposeInMainWorld('tongban', createPreloadBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
