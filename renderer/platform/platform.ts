// Picks the bridge once, at start: the Electron preload's if the shell exposed one, else the web one.
import type { Bridge } from '../../shared/bridge';
import { printWithDialog } from './print-dialog';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    tongban?: Bridge;
  }
}

let chosen: Bridge | null = null;

export function platform(): Bridge {
  chosen ??= window.tongban ?? createWebBridge(__APP_VERSION__, { storage: localStorage, printWithDialog, platform: navigator.platform, userAgent: navigator.userAgent });
  return chosen;
}
