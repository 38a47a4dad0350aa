// Electron lifecycle only: everything with logic lives in core and is tested without Electron.
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { IMPORT_REQUEST_CHANNEL } from '../shared/channels';
import { cliArgvFor } from '../core/cli/cli-invocation';
import { runCliInProcess } from '../core/cli/process-io';
import { messageFor } from '../core/errors';
import { sourcesFromArgv } from '../core/open-args';
import { createHandlers } from '../core/handlers';
import { ChosenPaths } from '../core/security/chosen-paths';
import { Library } from '../core/library/library';
import { electronDataDirFor, resolveLibrary } from '../core/library/data-dir';
import { acquireWriteLock } from '../core/library/write-lock';
import { SAMPLE_ARTICLE_PATH, addSampleToNewLibrary } from '../core/library/sample';
import { spellcheckPlan } from '../core/security/spellcheck-plan';
import { electronPlatform } from './dialogs';
import { denyPermissions, hardenApp } from './hardening';
import { registerHandlers } from './ipc';
import { installContextMenu, installMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { applySpellcheck } from './spellcheck';
import { createReaderWindow } from './window';

// `margin list` and the CLI's other commands run here and exit, before anything below can open a
// window or take the app's lock. Electron waits for this module before it starts its display and
// emits ready, so a command also works where there is no display (over ssh).
const cliArgv = cliArgvFor(process.argv, app.isPackaged);
if (cliArgv !== null) app.exit(await runCliInProcess(cliArgv));

const here = import.meta.dirname;
let mainWindow: BrowserWindow | null = null;
/** Files and addresses handed to the app before its window could take them. */
let pending: string[] = sourcesFromArgv(process.argv, app.isPackaged, process.cwd());
/** Files the person named to the app (command line, second launch, open-file) or dropped on it: the only files it imports. */
const chosenPaths = new ChosenPaths();
chosenPaths.grant(pending);

function handOver(sources: string[]): void {
  if (sources.length === 0) return;
  chosenPaths.grant(sources);
  if (mainWindow === null || mainWindow.webContents.isLoading()) pending.push(...sources);
  else mainWindow.webContents.send(IMPORT_REQUEST_CHANNEL, sources);
}

// MARGIN_DATA_DIR names the library folder itself; Electron's own files then go beside it.
const electronDataDir = electronDataDirFor(process.env);
if (electronDataDir !== null) app.setPath('userData', electronDataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenApp();
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    handOver(sourcesFromArgv(argv, app.isPackaged, workingDirectory));
  });
  // macOS hands files over as events, also before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    handOver([path]);
  });
  // macOS apps stay open without windows and reopen one from the dock; elsewhere closing quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}

function openWindow(spellcheck: boolean): void {
  mainWindow = createReaderWindow(join(here, '../preload/index.cjs'), spellcheck);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  installContextMenu(mainWindow.webContents);
  mainWindow.webContents.on('did-finish-load', () => {
    const sources = pending;
    pending = [];
    handOver(sources);
  });
}

async function start(): Promise<void> {
  try {
    denyPermissions();
    // The library has its own folder inside userData (Chromium's files stay out of it); a library
    // of Margin 0.1 is moved in on the first start, and where it could not be, opened where it is.
    const { dataDir, notice } = await resolveLibrary(undefined, process.env, app.getPath('userData'), { waitMs: 5_000 });
    handleAppProtocol({ rendererDir: join(here, '../renderer'), dataDir });
    // The app is the library's one writer while it runs; a CLI that writes waits or says so.
    const lock = await acquireWriteLock(dataDir, { waitMs: 5_000 });
    app.on('will-quit', () => void lock.release());
    const library = await Library.open(dataDir, { lock });
    // A missing or damaged sample must not keep the person out of their own library.
    await addSampleToNewLibrary(library, join(app.getAppPath(), SAMPLE_ARTICLE_PATH)).catch((error: unknown) => {
      console.error(`Margin could not add the sample article: ${messageFor(error)}`);
    });
    const spelling = spellcheckPlan(process.platform, library.settings.spellcheck);
    applySpellcheck(spelling);
    const getWindow = () => mainWindow;
    registerHandlers(createHandlers(library, electronPlatform(getWindow), { notices: notice === null ? [] : [notice], chosenPaths }), chosenPaths);
    installMenu(getWindow, dataDir);
    openWindow(spelling.enabled);
    app.on('activate', () => {
      if (mainWindow === null) openWindow(spelling.enabled);
    });
  } catch (error) {
    dialog.showErrorBox('Margin could not start', messageFor(error));
    app.exit(1);
  }
}
