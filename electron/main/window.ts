import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../core/protocol/app-files';

/** `spellcheck` comes from the spell checking plan: off on Linux unless the person turned it on. */
export function createReaderWindow(preloadPath: string, spellcheck: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Margin',
    show: false,
    backgroundColor: '#fbf9f4',
    webPreferences: {
      // The preload exposes one narrow, typed object through contextBridge (electron/preload/index.ts).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // Middle-click would otherwise ask for a new window; the open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
