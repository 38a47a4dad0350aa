// The application menu (each platform's conventions: the macOS app menu, the standard Edit roles
// so copy and paste work) and the reader's context menu. Items that act on "the open article"
// or the selection are sent to the renderer, which knows what they are.
import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/channels';
import { EXPORT_MENU_FORMATS } from '../shared/export-formats';
import { contextMenuEntries } from '../core/context-menu';
import { isExternalWebUrl } from '../core/security/trusted-sender';

export function installMenu(getWindow: () => BrowserWindow | null, dataDir: string): void {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  app.setAboutPanelOptions({
    applicationName: 'Margin',
    applicationVersion: app.getVersion(),
    credits: `Your library: ${dataDir}`,
  });
  const reveal = { label: 'Reveal Library Folder', click: () => void shell.openPath(dataDir) };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Article…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { type: 'separator' },
        { label: `Export Article Notes (${EXPORT_MENU_FORMATS})…`, accelerator: 'CmdOrCtrl+E', click: send('export-article') },
        { label: `Export Library Notes (${EXPORT_MENU_FORMATS})…`, accelerator: 'CmdOrCtrl+Shift+E', click: send('export-library') },
        { label: 'Import Annotations (W3C JSON-LD)…', click: send('import-annotations') },
        { label: 'Back Up Library…', click: send('backup-library') },
        { type: 'separator' },
        { label: 'Review Highlights', click: send('review-highlights') },
        { type: 'separator' },
        reveal,
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', registerAccelerator: false, click: send('show-shortcuts') },
        ...(isMac ? [] : [{ type: 'separator' as const }, { label: 'About Margin', click: () => app.showAboutPanel() }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const entries = contextMenuEntries(
      { selectionText: params.selectionText, isEditable: params.isEditable, linkURL: params.linkURL },
      isExternalWebUrl,
    );
    if (entries.length === 0) return;
    const items: MenuItemConstructorOptions[] = entries.map((entry) => {
      if (entry.kind === 'separator') return { type: 'separator' };
      if (entry.kind === 'role') return { role: entry.role };
      if (entry.kind === 'open-link') return { label: entry.label, click: () => void shell.openExternal(entry.url) }; // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { label: entry.label, click: () => contents.send(MENU_COMMAND_CHANNEL, entry.command) };
    });
    Menu.buildFromTemplate(items).popup();
  });
}
