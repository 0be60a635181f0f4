// The IPC channel map between the Electron preload and main: one typed contract for both sides.
import type { AppInfo, Capabilities, CounterSettings, PrintOutcome, PrintRequest } from './bridge';

export interface IpcHandles {
  'tongban:app-info': { args: []; result: AppInfo };
  'tongban:capabilities': { args: []; result: Capabilities };
  'tongban:get-settings': { args: []; result: CounterSettings };
  'tongban:set-settings': { args: [Partial<CounterSettings>]; result: CounterSettings };
  'tongban:print': { args: [PrintRequest]; result: PrintOutcome };
}

export type IpcChannel = keyof IpcHandles;

export const IPC_CHANNELS: readonly IpcChannel[] = [
  'tongban:app-info',
  'tongban:capabilities',
  'tongban:get-settings',
  'tongban:set-settings',
  'tongban:print',
];
