// The Platform the handler table needs, made of Electron's native dialogs.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Platform } from '../core/handlers';

export function electronPlatform(getWindow: () => BrowserWindow | null): Platform {
  const save = (options: SaveDialogOptions) => {
    const window = getWindow();
    return window === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options);
  };
  const open = (options: OpenDialogOptions) => {
    const window = getWindow();
    return window === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options);
  };
  return {
    async chooseSavePath({ title, defaultName, extension }) {
      const result = await save({ title, defaultPath: defaultName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
      return result.canceled || result.filePath === undefined ? null : result.filePath;
    },
    async chooseFolder({ title }) {
      const result = await open({ title, properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImportFiles() {
      const result = await open({
        title: 'Open Article',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Articles', extensions: ['html', 'htm', 'xhtml', 'md', 'markdown', 'txt', 'text'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return result.canceled ? [] : result.filePaths;
    },
    async chooseOpenFile({ title, extensions }) {
      const result = await open({ title, properties: ['openFile'], filters: [{ name: 'Annotations', extensions }] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
