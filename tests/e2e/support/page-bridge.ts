// Runs in the page before the renderer: builds `window.margin` with the same buildInvokeApi the
// preload uses, over the Playwright binding that stands in for ipcRenderer.invoke. It also plays
// main's and the preload's part in what the person chose: files handed over as an import request
// (the command line, a second launch) and files dropped on the window are granted before the
// renderer sees them, as main grants them in the app.
import { buildInvokeApi, type MarginApi } from '../../../electron/shared/api';
import { isMenuCommand, isSourceList } from '../../../electron/shared/channels';

interface TestWindow {
  /** Answers as JSON text (see the harness). */
  __marginInvoke(channel: string, input: unknown): Promise<string>;
  /** Grants paths as main does for the command line and for the preload's report of a drop. */
  __marginGrant(paths: string[]): Promise<void>;
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

const pathOf = (file: File) => (host.__marginDropDir === undefined ? null : `${host.__marginDropDir}/${file.name}`);

/** Grants in flight: a request waits for them, as Electron delivers the preload's message before the page's next one. */
let granting: Promise<void> = Promise.resolve();
const grant = (paths: string[]) => {
  const next = granting.then(() => host.__marginGrant(paths));
  granting = next;
  return next;
};

// As the preload does: a drop's files are granted before the page hears of the drop.
window.addEventListener(
  'drop',
  (event) => {
    const paths = [...(event.dataTransfer?.files ?? [])].map(pathOf).filter((path) => path !== null);
    if (paths.length > 0) void grant(paths);
  },
  true,
);

const api: MarginApi = {
  ...buildInvokeApi(async (channel, input) => {
    await granting;
    return JSON.parse(await host.__marginInvoke(channel, input)) as unknown;
  }),
  onMenuCommand: (listener) => subscribe('margin:menu-command', isMenuCommand, listener),
  // As main does before it sends them: sources handed to the app are the person's choice.
  onImportRequest: (listener) => subscribe('margin:import-request', isSourceList, (sources) => void grant(sources).then(() => listener(sources))),
  pathForFile: pathOf,
};

Object.defineProperty(window, 'margin', { value: Object.freeze(api), enumerable: true });
