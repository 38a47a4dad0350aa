// The app's Electron lifecycle: single instance, files handed over from outside, the library's
// start and the reader's window.
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { IMPORT_REQUEST_CHANNEL } from '../shared/channels';
import { messageFor } from '../core/errors';
import { sourcesFromArgv } from '../core/open-args';
import { OpenRequests } from '../core/open-requests';
import { createHandlers } from '../core/handlers';
import { workerRunner } from '../core/export/export-worker-runner';
import { ChosenPaths } from '../core/security/chosen-paths';
import { Library } from '../core/library/library';
import { takeAppLock } from '../core/library/app-lock';
import { electronDataDirFor, resolveLibrary } from '../core/library/data-dir';
import { SAMPLE_ARTICLE_PATH, addSampleToNewLibrary } from '../core/library/sample';
import { spellcheckPlan } from '../core/security/spellcheck-plan';
import { electronPlatform } from './dialogs';
import { denyPermissions, hardenApp } from './hardening';
import { registerHandlers } from './ipc';
import { lockWaitDialogs } from './lock-dialogs';
import { installContextMenu, installMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { applySpellcheck } from './spellcheck';
import { createReaderWindow } from './window';

const here = import.meta.dirname;

export function startApp(): void {
  let mainWindow: BrowserWindow | null = null;
  let spellcheck = false;
  const initial = sourcesFromArgv(process.argv, app.isPackaged, process.cwd());
  /** Files the person named to the app (command line, second launch, open-file) or dropped on it: the only files it imports. */
  const chosenPaths = new ChosenPaths();
  const requests = new OpenRequests(
    {
      windowState: () => (mainWindow === null ? 'none' : mainWindow.webContents.isLoading() ? 'loading' : 'ready'),
      send: (sources) => mainWindow?.webContents.send(IMPORT_REQUEST_CHANNEL, sources),
      openWindow,
    },
    initial,
  );
  const handOver = (sources: string[]) => {
    chosenPaths.grant(sources);
    requests.arrive(sources);
  };
  chosenPaths.grant(initial);

  function openWindow(): void {
    const window = createReaderWindow(join(here, '../preload/index.cjs'), spellcheck);
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    installContextMenu(window.webContents);
    window.webContents.on('did-finish-load', () => requests.windowLoaded());
  }

  // MARGIN_DATA_DIR names the library folder itself; Electron's own files then go beside it.
  const electronDataDir = electronDataDirFor(process.env);
  if (electronDataDir !== null) app.setPath('userData', electronDataDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  hardenApp();
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    handOver(sourcesFromArgv(argv, app.isPackaged, workingDirectory));
  });
  // macOS hands files over as events, also before the app is ready and when no window is open.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    handOver([path]);
  });
  // macOS apps stay open without windows and reopen one from the dock; elsewhere closing quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => requests.arrive([]));

  async function start(): Promise<void> {
    try {
      denyPermissions();
      // The library has its own folder inside userData (Chromium's files stay out of it); a library
      // of Margin 0.1 is moved in on the first start, and where it could not be, opened where it is.
      const { dataDir, notice } = await resolveLibrary(undefined, process.env, app.getPath('userData'), { waitMs: 5_000 });
      handleAppProtocol({ rendererDir: join(here, '../renderer'), dataDir });
      // The app is the library's one writer while it runs; it waits for a `margin` command that writes.
      const lock = await takeAppLock(dataDir, lockWaitDialogs);
      if (lock === null) {
        app.quit();
        return;
      }
      app.on('will-quit', () => void lock.release());
      const library = await Library.open(dataDir, { lock });
      // A missing or damaged sample must not keep the person out of their own library.
      await addSampleToNewLibrary(library, join(app.getAppPath(), SAMPLE_ARTICLE_PATH)).catch((error: unknown) => {
        console.error(`Margin could not add the sample article: ${messageFor(error)}`);
      });
      const spelling = spellcheckPlan(process.platform, library.settings.spellcheck);
      applySpellcheck(spelling);
      spellcheck = spelling.enabled;
      const getWindow = () => mainWindow;
      // Library-wide exports are written in a worker (built beside this file), off the window's thread.
      const exportRunner = workerRunner(join(here, 'export-worker.js'));
      registerHandlers(createHandlers(library, electronPlatform(getWindow), { notices: notice === null ? [] : [notice], chosenPaths, exportRunner, indexInBackground: true }), chosenPaths);
      installMenu(getWindow, dataDir);
      requests.start();
    } catch (error) {
      dialog.showErrorBox('Margin could not start', messageFor(error));
      app.exit(1);
    }
  }
  void app.whenReady().then(start);
}
