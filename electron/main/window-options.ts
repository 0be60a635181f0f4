// The main window's options, kept in a plain function so a test can check every security setting.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The web preferences of every window the app opens: the main window and hidden print windows. */
export function secureWebPreferences(extra: WebPreferences = {}): WebPreferences {
  return {
    ...extra,
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
    safeDialogs: true,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string, opts: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '通办',
    backgroundColor: '#f5f5f5',
    webPreferences: secureWebPreferences({ preload: preloadPath, devTools: opts.devTools ?? false }),
  };
}

/** A hidden window that only renders a printout: no preload, no JavaScript. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return { show: false, width: 794, height: 1123, webPreferences: secureWebPreferences({ javascript: false }) };
}
