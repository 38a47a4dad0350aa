// Runs in the page before the renderer: builds `window.margin` with the same buildInvokeApi the
// preload uses, over the Playwright binding that stands in for ipcRenderer.invoke.
import { buildInvokeApi, type MarginApi } from '../../../electron/shared/api';
import { isMenuCommand, isSourceList } from '../../../electron/shared/channels';

interface TestWindow {
  /** Answers as JSON text (see the harness). */
  __marginInvoke(channel: string, input: unknown): Promise<string>;
  /** Where the test put the files it drops on the window (the app asks Electron instead). */
  __marginDropDir?: string;
}

/** Tests play main's messages by dispatching DOM events with the same payloads. */
function subscribe<T>(type: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const forward = (event: Event) => {
    const value = (event as CustomEvent<unknown>).detail;
    if (accept(value)) listener(value);
  };
  window.addEventListener(type, forward);
  return () => window.removeEventListener(type, forward);
}

const host = window as unknown as TestWindow;

const api: MarginApi = {
  ...buildInvokeApi(async (channel, input) => JSON.parse(await host.__marginInvoke(channel, input)) as unknown),
  onMenuCommand: (listener) => subscribe('margin:menu-command', isMenuCommand, listener),
  onImportRequest: (listener) => subscribe('margin:import-request', isSourceList, listener),
  pathForFile: (file) => (host.__marginDropDir === undefined ? null : `${host.__marginDropDir}/${file.name}`),
};

Object.defineProperty(window, 'margin', { value: Object.freeze(api), enumerable: true });
