// A stand-in for the parts of the `electron` module the glue (electron/main, electron/preload)
// uses, so the glue runs for real under Node where Electron's binary is not installed. It keeps a
// log of what the glue asked of Electron, in order, and lets a test play the person and the
// system: emit app events, answer dialogs, click menu items, load a window's page, call an IPC
// handler from a chosen frame. Tests install it with vi.doMock('electron', () => electron.module).
// One file, over 300 lines, because every part (app, windows, dialogs, menus, IPC) writes to the
// one ordered log the tests read, as the one `electron` module it stands in for.
import { EventEmitter } from 'node:events';

export interface StandInOptions {
  /** app.getPath('userData') until the glue sets it. */
  userData?: string;
  /** app.getAppPath(): where the app's files (the sample article) are. */
  appPath?: string;
  isPackaged?: boolean;
  /** What requestSingleInstanceLock answers: false when another Margin already runs. */
  singleInstanceLock?: boolean;
}

export interface Frame {
  url: string;
  isMainFrame: boolean;
}

export const APP_FRAME: Frame = { url: 'margin://app/index.html', isMainFrame: true };

/** A dialog the glue has shown and that waits for the test to answer it. */
export interface ShownDialog {
  kind: 'showMessageBox' | 'showOpenDialog' | 'showSaveDialog';
  options: Record<string, unknown>;
  /** Whether the glue has closed it itself (an AbortSignal). */
  readonly closedByApp: boolean;
  answer(result: unknown): void;
}

interface MenuItemOptions {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemOptions[];
}

function preventable() {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export function createStandInElectron(options: StandInOptions = {}) {
  /** What the glue asked of Electron, in order, as short lines ("app.requestSingleInstanceLock"). */
  const log: string[] = [];
  const waiters: { test: () => boolean; done: () => void }[] = [];
  const checkWaiters = () => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.test()) waiter.done();
      else waiters.push(waiter);
    }
  };
  const record = (line: string) => {
    log.push(line);
    checkWaiters();
  };
  /** Resolves once the glue has asked for something whose log line satisfies test. */
  const until = (test: string | ((line: string) => boolean)): Promise<void> => {
    const matches = () => log.some(typeof test === 'string' ? (line) => line === test : test);
    return matches() ? Promise.resolve() : new Promise((resolve) => waiters.push({ test: matches, done: resolve }));
  };

  const paths: Record<string, string> = { userData: options.userData ?? '/nonexistent/user-data' };
  let ready = false;
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve));
  const windows: StandInWindow[] = [];
  const contents: StandInWebContents[] = [];

  class App extends EventEmitter {
    readonly isPackaged = options.isPackaged ?? false;
    exitCode: number | null = null;
    requestSingleInstanceLock() {
      record('app.requestSingleInstanceLock');
      return options.singleInstanceLock ?? true;
    }
    whenReady() {
      record('app.whenReady');
      return readyPromise;
    }
    isReady() {
      return ready;
    }
    setPath(name: string, path: string) {
      record(`app.setPath ${name}`);
      paths[name] = path;
    }
    getPath(name: string) {
      const path = paths[name];
      if (path === undefined) throw new Error(`the stand-in has no path ${name}`);
      return path;
    }
    getAppPath() {
      return options.appPath ?? '/nonexistent/app';
    }
    getVersion() {
      return '0.0.0-stand-in';
    }
    quit() {
      record('app.quit');
      this.emit('will-quit', preventable());
    }
    exit(code = 0) {
      record(`app.exit ${code}`);
      this.exitCode = code;
    }
    setAboutPanelOptions(panel: Record<string, unknown>) {
      record('app.setAboutPanelOptions');
      aboutPanel = panel;
    }
    showAboutPanel() {
      record('app.showAboutPanel');
    }
  }
  let aboutPanel: Record<string, unknown> | null = null;
  const app = new App();

  class StandInWebContents extends EventEmitter {
    loading = false;
    destroyed = false;
    readonly sent: { channel: string; args: unknown[] }[] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    constructor() {
      super();
      contents.push(this);
    }
    isLoading() {
      return this.loading;
    }
    send(channel: string, ...args: unknown[]) {
      record(`webContents.send ${channel}`);
      this.sent.push({ channel, args });
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    /** The page asks to go somewhere; true when the glue let it. */
    navigate(url: string): boolean {
      const event = preventable();
      this.emit('will-navigate', event, url);
      return !event.defaultPrevented;
    }
    /** The page asks for a new window (window.open, a link with target=_blank). */
    openWindow(url: string): string {
      return this.windowOpenHandler?.({ url }).action ?? 'allow';
    }
  }

  class StandInWindow extends EventEmitter {
    readonly webContents = new StandInWebContents();
    readonly options: Record<string, unknown>;
    loadedUrl: string | null = null;
    shown = false;
    focused = false;
    minimized = false;
    destroyed = false;
    constructor(windowOptions: Record<string, unknown>) {
      super();
      this.options = windowOptions;
      windows.push(this);
      record('new BrowserWindow');
      app.emit('web-contents-created', preventable(), this.webContents);
    }
    loadURL(url: string) {
      record(`window.loadURL ${url}`);
      this.loadedUrl = url;
      this.webContents.loading = true;
      return Promise.resolve();
    }
    /** The page has loaded (the renderer is ready to take messages). */
    finishLoad() {
      this.webContents.loading = false;
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    focus() {
      this.focused = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** The person closes the window. */
    close() {
      this.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
      if (windows.length === 0) app.emit('window-all-closed');
    }
  }

  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const listeners = new Map<string, (event: unknown, input: unknown) => void>();
  const ipcEvent = (frame: Frame | null) => ({
    senderFrame: frame === null ? null : { url: frame.url, parent: frame.isMainFrame ? null : { url: 'margin://app/index.html' } },
  });
  const ipcMain = {
    handle(channel: string, handler: (event: unknown, input: unknown) => unknown) {
      record(`ipcMain.handle ${channel}`);
      handlers.set(channel, handler);
    },
    on(channel: string, listener: (event: unknown, input: unknown) => void) {
      record(`ipcMain.on ${channel}`);
      listeners.set(channel, listener);
    },
  };
  /** A page calls a handler, as ipcRenderer.invoke does, from the given frame. */
  const invoke = async (channel: string, input: unknown, frame: Frame | null = APP_FRAME): Promise<unknown> => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(ipcEvent(frame), input);
  };
  /** A page sends a message, as ipcRenderer.send does, from the given frame. */
  const send = (channel: string, input: unknown, frame: Frame | null = APP_FRAME) => {
    listeners.get(channel)?.(ipcEvent(frame), input);
  };

  let schemeHandler: ((request: { url: string }) => Promise<Response>) | null = null;
  const protocol = {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
      // Electron honours this only before ready.
      record(`protocol.registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}${ready ? ' (after ready: ignored)' : ''}`);
      privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
      record(`protocol.handle ${scheme}`);
      schemeHandler = handler;
    },
  };
  const privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  /** A request the window makes on the app's scheme. */
  const request = (url: string): Promise<Response> => {
    if (schemeHandler === null) throw new Error('no protocol handler');
    return schemeHandler({ url });
  };

  const shown: ShownDialog[] = [];
  const dialogWaiters: ((dialog: ShownDialog) => void)[] = [];
  let answered = 0;
  const showDialog = (kind: ShownDialog['kind'], args: unknown[]): Promise<unknown> => {
    // Electron's dialogs take an optional parent window first.
    const dialogOptions = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
    record(`dialog.${kind}${typeof dialogOptions.message === 'string' ? ` ${dialogOptions.message}` : ''}`);
    return new Promise((resolve) => {
      let closedByApp = false;
      let settled = false;
      const settle = (result: unknown) => {
        if (settled) return;
        settled = true;
        answered += 1;
        resolve(result);
      };
      const signal = dialogOptions.signal as AbortSignal | undefined;
      signal?.addEventListener('abort', () => {
        closedByApp = true;
        record(`dialog closed by the app`);
        settle({ response: dialogOptions.cancelId ?? 0, checkboxChecked: false });
      });
      const dialog: ShownDialog = {
        kind,
        options: dialogOptions,
        get closedByApp() {
          return closedByApp;
        },
        answer: settle,
      };
      shown.push(dialog);
      dialogWaiters.splice(0).forEach((waiter) => waiter(dialog));
    });
  };
  let seen = 0;
  /** The next dialog the glue shows (in order), once it is shown. */
  const nextDialog = (): Promise<ShownDialog> => {
    const index = seen;
    seen += 1;
    const already = shown[index];
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve) => {
      const wait = (dialog: ShownDialog) => (shown.indexOf(dialog) === index ? resolve(dialog) : dialogWaiters.push(wait));
      dialogWaiters.push(wait);
    });
  };
  const errorBoxes: { title: string; content: string }[] = [];
  const dialog = {
    showMessageBox: (...args: unknown[]) => showDialog('showMessageBox', args),
    showOpenDialog: (...args: unknown[]) => showDialog('showOpenDialog', args),
    showSaveDialog: (...args: unknown[]) => showDialog('showSaveDialog', args),
    showErrorBox(title: string, content: string) {
      record(`dialog.showErrorBox ${title}: ${content}`);
      errorBoxes.push({ title, content });
    },
  };

  let applicationMenu: MenuItemOptions[] | null = null;
  const popups: MenuItemOptions[][] = [];
  const Menu = {
    buildFromTemplate(template: MenuItemOptions[]) {
      return {
        template,
        popup() {
          record('menu.popup');
          popups.push(template);
        },
      };
    },
    setApplicationMenu(menu: { template: MenuItemOptions[] } | null) {
      record('Menu.setApplicationMenu');
      applicationMenu = menu?.template ?? null;
    },
  };
  const menuItems = (items: MenuItemOptions[]): MenuItemOptions[] => items.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);
  /** The application menu's item with this label. */
  const menuItem = (label: string): MenuItemOptions => {
    const item = menuItems(applicationMenu ?? []).find((candidate) => candidate.label === label);
    if (item === undefined) throw new Error(`no menu item "${label}"`);
    return item;
  };

  const opened: string[] = [];
  const shell = {
    openExternal(url: string) {
      record(`shell.openExternal ${url}`);
      opened.push(url);
      return Promise.resolve();
    },
    openPath(path: string) {
      record(`shell.openPath ${path}`);
      opened.push(path);
      return Promise.resolve('');
    },
  };

  const sessionState = {
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((contents: unknown, permission: string) => boolean),
    spellCheckerEnabled: null as boolean | null,
    dictionaryUrl: null as string | null,
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler(handler: typeof sessionState.permissionRequest) {
        record('session.setPermissionRequestHandler');
        sessionState.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: typeof sessionState.permissionCheck) {
        record('session.setPermissionCheckHandler');
        sessionState.permissionCheck = handler;
      },
      setSpellCheckerEnabled(enabled: boolean) {
        sessionState.spellCheckerEnabled = enabled;
      },
      setSpellCheckerDictionaryDownloadURL(url: string) {
        sessionState.dictionaryUrl = url;
      },
    },
  };

  // The preload's side: what it exposes to the page, and the ipcRenderer it talks through, wired
  // to the handlers ipcMain holds as the app's own page would reach them.
  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld(name: string, api: unknown) {
      record(`contextBridge.exposeInMainWorld ${name}`);
      exposed.set(name, api);
    },
  };
  const rendererListeners = new EventEmitter();
  const ipcRenderer = {
    invoke(channel: string, input: unknown) {
      record(`ipcRenderer.invoke ${channel}`);
      return invoke(channel, input);
    },
    send(channel: string, input: unknown) {
      record(`ipcRenderer.send ${channel}`);
      send(channel, input);
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      rendererListeners.on(channel, listener);
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      rendererListeners.removeListener(channel, listener);
    },
  };
  /** Main sends the page a message (webContents.send), as the preload receives it. */
  const toRenderer = (channel: string, value: unknown) => rendererListeners.emit(channel, {}, value);
  const webUtils = {
    getPathForFile(file: { path?: string }) {
      return file.path ?? '';
    },
  };

  const module = { app, BrowserWindow: StandInWindow, ipcMain, protocol, dialog, Menu, shell, session, contextBridge, ipcRenderer, webUtils };

  return {
    module: { ...module, default: module },
    log,
    until,
    app,
    windows,
    contents,
    /** Electron has started its display: app.whenReady resolves. */
    emitReady() {
      record('ready');
      ready = true;
      app.emit('ready');
      readyResolve();
    },
    /** Finder, the dock or a file manager hands the running app a file (macOS). */
    openFile(path: string) {
      const event = preventable();
      app.emit('open-file', event, path);
      return event;
    },
    /** The person launches Margin again; its argv and working folder reach this one. */
    secondInstance(argv: string[], workingDirectory: string) {
      app.emit('second-instance', preventable(), argv, workingDirectory);
    },
    /** macOS: the person clicks the dock icon. */
    activate() {
      app.emit('activate', preventable(), windows.length > 0);
    },
    invoke,
    send,
    request,
    privilegedSchemes,
    nextDialog,
    dialogsShown: shown,
    dialogsAnswered: () => answered,
    errorBoxes,
    menuItem,
    popups,
    aboutPanel: () => aboutPanel,
    opened,
    sessionState,
    exposed,
    toRenderer,
  };
}

export type StandInElectron = ReturnType<typeof createStandInElectron>;
