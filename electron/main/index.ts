// The Electron main process: one window over the renderer. The shell grows with the shell issue.
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options';

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

void app.whenReady().then(createWindow);
app.on('window-all-closed', () => app.quit());
