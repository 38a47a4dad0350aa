// The Platform the handler table needs, made of Electron's native dialogs.
import { dialog, type BrowserWindow } from 'electron';
import type { Platform } from '../core/handlers';

export function electronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    async chooseSavePath({ title, defaultName, extension }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
      return result.canceled || result.filePath === undefined ? null : result.filePath;
    },
    async chooseImportFiles() {
      const window = getWindow();
      const options = {
        title: 'Open Article',
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [
          { name: 'Articles', extensions: ['html', 'htm', 'xhtml', 'md', 'markdown', 'txt', 'text'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
      return result.canceled ? [] : result.filePaths;
    },
  };
}
