// The Electron main process: wires the shell's modules to Electron and does nothing else itself.
// Every rule (window options, app scheme, CSP, navigation, permissions, IPC gate, printing, update
// verification) lives in a module that unit tests call; this file is type-checked against Electron's
// typings only, since the Electron binary cannot be downloaded on our development machines.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import Store from 'electron-store';
import type { AppInfo } from '../../shared/bridge';
import { releaseKeyId } from '../../shared/update';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { createAppProtocolHandler, PRINT_PATH } from './app-protocol';
import { checkInstalledBuild } from './build-signature';
import { buildCsp } from './csp';
import { withHubCors } from './hub-cors';
import { IpcRefusal, registerIpcHandlers } from './ipc';
import { guardWebContents } from './navigation';
import { permissionGranted } from './permissions';
import { toPrinterInfo, type PrintDevice } from './printing';
import { RELEASE_PUBLIC_KEY } from './release-key';
import { SettingsRepository } from './settings-repository';
import { shellHandlers } from './shell-handlers';
import { UsbUpdates, type InstallerKind } from './usb-update';
import { mainWindowOptions, printWindowOptions } from './window-options';

// Before `ready`: the scheme must be privileged before any page loads.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.exit(0);

const settings = new SettingsRepository(new Store<Record<string, unknown>>({ name: 'settings' }));
// `npm start` on a machine with Electron passes the demo hub's address until a technician sets one.
if (!settings.get().hubUrl && process.env.TONGBAN_HUB_URL) settings.set({ hubUrl: process.env.TONGBAN_HUB_URL });
const hubOrigin = () => settings.get().hubUrl;

let mainWindow: BrowserWindow | null = null;
const printDocs = new Map<string, string>();

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { hubOrigin, openExternal: (url) => shell.openExternal(url) }));

/** Loads a printout into a hidden, script-less window from the app scheme, and closes it after. */
async function withPrintWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const name = `${randomUUID()}.html`;
  printDocs.set(name, html);
  const win = new BrowserWindow(printWindowOptions());
  try {
    await win.loadURL(`${APP_ORIGIN}${PRINT_PATH}${name}`);
    return await use(win);
  } finally {
    printDocs.delete(name);
    win.destroy();
  }
}

const printDevice: PrintDevice = {
  printers: async () => (mainWindow ? (await mainWindow.webContents.getPrintersAsync()).map(toPrinterInfo) : []),
  printSilently: (html, options) =>
    withPrintWindow(html, (win) => new Promise((resolve) => win.webContents.print(options, (success, failureReason) => resolve({ success, failureReason })))),
  printToPdf: (html) => withPrintWindow(html, (win) => win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })),
  writeFile: async (name, bytes) => {
    const dir = join(app.getPath('documents'), '通办');
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  },
};

async function launchInstaller(path: string, kind: InstallerKind): Promise<void> {
  if (kind === 'nsis') {
    spawn(path, [], { detached: true, stdio: 'ignore' }).unref();
    app.quit();
  } else if (kind === 'appimage' && process.env.APPIMAGE) {
    // Replace the running AppImage in one rename, then start the new one.
    const target = process.env.APPIMAGE;
    await copyFile(path, `${target}.new`);
    await chmod(`${target}.new`, 0o755);
    await rename(`${target}.new`, target);
    app.relaunch({ execPath: target });
    app.quit();
  } else {
    const error = await shell.openPath(path);
    if (error) throw new IpcRefusal({ code: 'INSTALL_FAILED', message: `无法打开安装包（${error}）：请用系统的软件安装器安装 ${path}` });
  }
}

const updates = new UsbUpdates({
  publicKey: RELEASE_PUBLIC_KEY,
  currentVersion: app.getVersion(),
  stagingDir: join(app.getPath('userData'), 'updates'),
  platform: process.platform,
  arch: process.arch,
  runningAppImage: !!process.env.APPIMAGE,
  chooseFolder: async () => {
    const options = { title: '选择 U 盘上的更新包文件夹', properties: ['openDirectory' as const] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  launch: launchInstaller,
});

const buildSignature = app.whenReady().then(() =>
  checkInstalledBuild({ packaged: app.isPackaged, resourcesDir: process.resourcesPath, publicKey: RELEASE_PUBLIC_KEY, version: app.getVersion() }),
);

async function appInfo(): Promise<AppInfo> {
  const signature = await buildSignature;
  return {
    name: '通办',
    version: app.getVersion(),
    shell: 'electron',
    platform: process.platform,
    arch: process.arch,
    runtime: `Electron ${process.versions.electron} / Chromium ${process.versions.chrome}`,
    signed: signature.status === 'verified',
    signature,
    releaseKeyId: RELEASE_PUBLIC_KEY ? await releaseKeyId(RELEASE_PUBLIC_KEY) : null,
  };
}

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), { devTools: !app.isPackaged }));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_ENTRY_URL);
}

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(import.meta.dirname, '../renderer'), csp: () => buildCsp(hubOrigin()), printDocument: (name) => printDocs.get(name) }));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionGranted({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes: 'mediaTypes' in details ? (details.mediaTypes ?? []) : [] })),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionGranted({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame, mediaTypes: details.mediaType ? [details.mediaType] : [] }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => callback(withHubCors(details, hubOrigin()) ?? {}));
  registerIpcHandlers(ipcMain, shellHandlers({ settings, printing: printDevice, updates, appInfo }));
  createWindow();
});

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});
app.on('window-all-closed', () => app.quit());
