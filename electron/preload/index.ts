// The renderer's only door to the main process: `window.margin`, one method per contract
// channel plus the menu-command subscription. Runs sandboxed, so it requires nothing but electron.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildInvokeApi, type MarginApi } from '../shared/api';
import { DROPPED_PATHS_CHANNEL, IMPORT_REQUEST_CHANNEL, MENU_COMMAND_CHANNEL, isMenuCommand, isSourceList } from '../shared/channels';

function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const forward = (_event: Electron.IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const api: MarginApi = {
  ...buildInvokeApi((channel, input) => ipcRenderer.invoke(channel, input)),
  onMenuCommand: (listener) => subscribe(MENU_COMMAND_CHANNEL, isMenuCommand, listener),
  onImportRequest: (listener) => subscribe(IMPORT_REQUEST_CHANNEL, isSourceList, listener),
  // A File in the page carries no path (Electron keeps paths from web content); only the preload may ask for it.
  pathForFile: (file) => webUtils.getPathForFile(file) || null,
};

contextBridge.exposeInMainWorld('margin', api);

// A file the person drops may be imported: main is told its path here, out of the page's reach,
// before the page asks. A drop the page makes up is not trusted, and a File it builds has no path.
window.addEventListener(
  'drop',
  (event) => {
    if (!event.isTrusted || event.dataTransfer === null) return;
    const paths = [...event.dataTransfer.files].map((file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    if (paths.length > 0) ipcRenderer.send(DROPPED_PATHS_CHANNEL, paths);
  },
  true,
);
