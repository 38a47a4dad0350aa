// The application menu. Items that act on "the open article" are sent to the renderer, which
// knows which one that is.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/channels';

export function installMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Article…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { type: 'separator' },
        { label: 'Export Article Notes as Markdown…', accelerator: 'CmdOrCtrl+E', click: send('export-article') },
        { label: 'Export Library Notes as Markdown…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export-library') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
