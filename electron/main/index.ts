// Electron lifecycle only: everything with logic lives in core and is tested without Electron.
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { messageFor } from '../core/errors';
import { createHandlers } from '../core/handlers';
import { Library } from '../core/library/library';
import { SAMPLE_ARTICLE_PATH, addSampleToNewLibrary } from '../core/library/sample';
import { electronPlatform } from './dialogs';
import { denyPermissions, hardenApp } from './hardening';
import { registerHandlers } from './ipc';
import { installMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createReaderWindow } from './window';

const here = import.meta.dirname;
let mainWindow: BrowserWindow | null = null;

if (process.env.MARGIN_DATA_DIR !== undefined) app.setPath('userData', process.env.MARGIN_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenApp();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // macOS apps stay open without windows and reopen one from the dock; elsewhere closing quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}

function openWindow(): void {
  mainWindow = createReaderWindow(join(here, '../preload/index.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  try {
    denyPermissions();
    const dataDir = app.getPath('userData');
    handleAppProtocol({ rendererDir: join(here, '../renderer'), dataDir });
    const library = await Library.open(dataDir);
    // A missing or damaged sample must not keep the person out of their own library.
    await addSampleToNewLibrary(library, join(app.getAppPath(), SAMPLE_ARTICLE_PATH)).catch((error: unknown) => {
      console.error(`Margin could not add the sample article: ${messageFor(error)}`);
    });
    const getWindow = () => mainWindow;
    registerHandlers(createHandlers(library, electronPlatform(getWindow)));
    installMenu(getWindow);
    openWindow();
    app.on('activate', () => {
      if (mainWindow === null) openWindow();
    });
  } catch (error) {
    dialog.showErrorBox('Margin could not start', messageFor(error));
    app.exit(1);
  }
}
