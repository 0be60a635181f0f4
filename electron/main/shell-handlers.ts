// What each bridge call does in the desktop shell, over the settings repository, the print device
// and the USB updater; the IPC gate (ipc.ts) runs in front of every one.
import type { AppInfo, Capabilities } from '../../shared/bridge';
import { IpcRefusal, type IpcHandlerMap } from './ipc';
import { printWith, type PrintDevice } from './printing';
import type { SettingsRepository } from './settings-repository';
import type { UsbUpdates } from './usb-update';

export interface ShellDeps {
  settings: SettingsRepository;
  printing: PrintDevice;
  updates: Pick<UsbUpdates, 'fromUsb' | 'install'>;
  appInfo: () => Promise<AppInfo>;
}

export const DESKTOP_CAPABILITIES: Capabilities = { silentPrint: true, printToPdf: true, listPrinters: true, selfUpdate: true };

export function shellHandlers(deps: ShellDeps): IpcHandlerMap {
  return {
    'tongban:app-info': () => deps.appInfo(),
    'tongban:capabilities': async () => ({ ...DESKTOP_CAPABILITIES }),
    'tongban:get-settings': async () => deps.settings.get(),
    'tongban:set-settings': async (patch) => {
      const r = deps.settings.set(patch);
      if (!r.ok) throw new IpcRefusal(r.error);
      return r.value;
    },
    'tongban:print': (request) => printWith(deps.printing, request, deps.settings.get().printer),
    'tongban:printers': () => deps.printing.printers(),
    'tongban:update-from-usb': () => deps.updates.fromUsb(),
    'tongban:install-update': (version) => deps.updates.install(version),
  };
}
