// The reader's window, its guards, the menus, the margin:// protocol and the file dialogs, under a
// stand-in Electron.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
// Types only: the modules themselves are imported under the stand-in, below.
import type { electronPlatform } from '../../electron/main/dialogs';
import type { handleAppProtocol } from '../../electron/main/protocol';
import { MENU_COMMAND_CHANNEL } from '../../electron/shared/channels';
import { ExportFormatSchema } from '../../electron/shared/contract';
import { EXPORT_FORMATS, EXPORT_MENU_FORMATS } from '../../electron/shared/export-formats';
import { tempDir } from '../unit/support/temp-dir';
import { createStandInElectron } from './support/electron-stand-in';
import { startedApp } from './support/main-under-stand-in';

describe('glue under a stand-in Electron: the window and its guards', () => {
  it('opens the reader sandboxed, isolated and without Node, on margin://app/, shown once ready', async () => {
    const electron = await startedApp({ platform: 'linux', env: { MARGIN_DATA_DIR: await tempDir() } });
    const window = electron.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, spellcheck: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/u);
    expect(window.loadedUrl).toBe('margin://app/index.html');
    expect(window.shown).toBe(true);
    // Linux: no spell checking (and so no dictionary download) unless the person turns it on.
    expect(electron.sessionState.spellCheckerEnabled).toBe(false);
  });

  it('stays on margin://app/: navigation elsewhere and new windows are refused; web links go to the browser, others nowhere', async () => {
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    const contents = electron.windows[0]!.webContents;
    expect(contents.navigate('margin://app/index.html#article')).toBe(true);
    expect(contents.navigate('https://example.com/')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    for (const url of ['https://example.com/story', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share']) expect(contents.openWindow(url)).toBe('deny');
    expect(electron.opened).toEqual(['https://example.com/story']);
  });

  it('grants no permission the page asks for', async () => {
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      electron.sessionState.permissionRequest!(electron.windows[0]!.webContents, permission, (granted) => answers.push(granted));
      answers.push(electron.sessionState.permissionCheck!(electron.windows[0]!.webContents, permission));
    }
    expect(answers).toEqual(Array(8).fill(false));
  });
});

describe('glue under a stand-in Electron: menus', () => {
  it('each File and Help item sends its command to the page; Reveal Library Folder opens the library', async () => {
    const dataDir = await tempDir();
    const electron = await startedApp({ platform: 'linux', env: { MARGIN_DATA_DIR: dataDir } });
    const items: [string, string][] = [
      ['Open Article…', 'import-files'],
      [`Export Article Notes (${EXPORT_MENU_FORMATS})…`, 'export-article'],
      [`Export Library Notes (${EXPORT_MENU_FORMATS})…`, 'export-library'],
      ['Import Annotations (W3C JSON-LD)…', 'import-annotations'],
      ['Back Up Library…', 'backup-library'],
      ['Review Highlights', 'review-highlights'],
      ['Keyboard Shortcuts', 'show-shortcuts'],
    ];
    for (const [label] of items) electron.menuItem(label).click!();
    expect(electron.windows[0]!.webContents.sent.filter((m) => m.channel === MENU_COMMAND_CHANNEL).map((m) => m.args[0])).toEqual(items.map(([, command]) => command));
    electron.menuItem('Reveal Library Folder').click!();
    expect(electron.opened).toEqual([dataDir]);
    electron.menuItem('About Margin').click!();
    expect(electron.log).toContain('app.showAboutPanel');
    expect(electron.aboutPanel()).toMatchObject({ applicationName: 'Margin', credits: `Your library: ${dataDir}` });
  });

  it('the File menu names every format the export dialog offers, from the one list both read', async () => {
    const electron = await startedApp({ platform: 'linux', env: { MARGIN_DATA_DIR: await tempDir() } });
    for (const scope of ['Article', 'Library']) {
      const label = `Export ${scope} Notes (Markdown, Readwise CSV, JSON-LD, HTML, Margin JSON)…`;
      expect(electron.menuItem(label).accelerator).toBe(scope === 'Article' ? 'CmdOrCtrl+E' : 'CmdOrCtrl+Shift+E');
    }
    expect(EXPORT_FORMATS.map((format) => format.value)).toEqual(ExportFormatSchema.options);
  });

  it('the context menu on a selection highlights it; on a web link it opens the browser, on a javascript: link it offers nothing', async () => {
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    const contents = electron.windows[0]!.webContents;
    contents.emit('context-menu', {}, { selectionText: 'some words', isEditable: false, linkURL: '' });
    const selectionMenu = electron.popups.at(-1)!;
    selectionMenu.find((item) => item.label === 'Highlight')!.click!();
    expect(contents.sent.at(-1)).toEqual({ channel: MENU_COMMAND_CHANNEL, args: ['highlight-selection'] });
    contents.emit('context-menu', {}, { selectionText: '', isEditable: false, linkURL: 'https://example.com/source' });
    electron.popups.at(-1)!.find((item) => item.label === 'Open Link in Browser')!.click!();
    expect(electron.opened).toEqual(['https://example.com/source']);
    const popups = electron.popups.length;
    contents.emit('context-menu', {}, { selectionText: '', isEditable: false, linkURL: 'javascript:alert(1)' });
    expect(electron.popups).toHaveLength(popups);
  });
});

describe('glue under a stand-in Electron: margin:// and the file dialogs', () => {
  it('serves the built renderer with its CSP, and nothing outside it however the path is spelled', async () => {
    const root = await tempDir();
    const rendererDir = join(root, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Margin</title>');
    await writeFile(join(root, 'secret.html'), 'outside');
    const electron = createStandInElectron();
    vi.resetModules();
    vi.doMock('electron', () => electron.module);
    const { handleAppProtocol: handle } = (await import('../../electron/main/protocol')) as { handleAppProtocol: typeof handleAppProtocol };
    handle({ rendererDir, dataDir: join(root, 'library') });
    const page = await electron.request('margin://app/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Margin</title>');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    for (const url of ['margin://app/../secret.html', 'margin://app/%2e%2e/secret.html', 'margin://app/%2e%2e%2fsecret.html', 'margin://other/index.html']) {
      expect((await electron.request(url)).status, url).toBe(404);
    }
  });

  it('the dialogs answer with what the person chose, nothing when they cancel, and open over the window', async () => {
    const electron = createStandInElectron();
    vi.resetModules();
    vi.doMock('electron', () => electron.module);
    const { electronPlatform: platformFor } = (await import('../../electron/main/dialogs')) as { electronPlatform: typeof electronPlatform };
    const window = new electron.module.BrowserWindow({});
    const platform = platformFor(() => window as never);
    const chosen = platform.chooseImportFiles();
    const open = await electron.nextDialog();
    expect(open.kind).toBe('showOpenDialog');
    expect(open.options.properties).toEqual(['openFile', 'multiSelections']);
    open.answer({ canceled: false, filePaths: ['/home/ann/a.html', '/home/ann/b.md'] });
    expect(await chosen).toEqual(['/home/ann/a.html', '/home/ann/b.md']);
    const cancelled = platform.chooseSavePath({ title: 'Export', defaultName: 'notes.md', extension: 'md' });
    (await electron.nextDialog()).answer({ canceled: true, filePath: '' });
    expect(await cancelled).toBeNull();
    const folder = platform.chooseFolder({ title: 'Back Up' });
    (await electron.nextDialog()).answer({ canceled: false, filePaths: ['/media/usb'] });
    expect(await folder).toBe('/media/usb');
  });
});
