// The renderer's only door to the main process: `window.margin`, one method per contract
// channel plus the menu-command subscription. Runs sandboxed, so it requires nothing but electron.
import { contextBridge, ipcRenderer } from 'electron';
import { buildInvokeApi, type MarginApi } from '../shared/api';
import { MENU_COMMAND_CHANNEL, isMenuCommand } from '../shared/channels';

const api: MarginApi = {
  ...buildInvokeApi((channel, input) => ipcRenderer.invoke(channel, input)),
  onMenuCommand(listener) {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('margin', api);
