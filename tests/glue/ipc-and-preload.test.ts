// The IPC door under a stand-in Electron: the preload's window.margin reaches the handlers the app
// registered, only the app's own page in its main frame is answered, input is checked, and a
// file the person drops may be imported while a path the page names may not.
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NOT_CHOSEN_MESSAGE } from '../../electron/core/security/chosen-paths';
import { API_METHODS, DROPPED_PATHS_CHANNEL, IMPORT_REQUEST_CHANNEL, MENU_COMMAND_CHANNEL } from '../../electron/shared/channels';
import { tempDir } from '../unit/support/temp-dir';
import { loadPreload, startedApp } from './support/main-under-stand-in';

const REFUSED = { ok: false, error: 'Margin refused a request from outside the app.' };

describe('glue under a stand-in Electron: IPC and the preload', () => {
  it('answers the app page, and refuses another origin, a frame inside the app page, and a sender with no frame', async () => {
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    const listed = (await electron.invoke('library:list', {})) as { ok: boolean };
    expect(listed.ok).toBe(true);
    expect(await electron.invoke('library:list', {}, { url: 'https://example.com/', isMainFrame: true })).toEqual(REFUSED);
    expect(await electron.invoke('library:list', {}, { url: 'margin://app/index.html', isMainFrame: false })).toEqual(REFUSED);
    expect(await electron.invoke('library:list', {}, { url: 'file:///home/ann/index.html', isMainFrame: true })).toEqual(REFUSED);
    expect(await electron.invoke('library:list', {}, null)).toEqual(REFUSED);
  });

  it('registers a handler for every channel, each refusing input of the wrong shape in one sentence', async () => {
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    for (const channel of Object.values(API_METHODS)) expect(electron.log).toContain(`ipcMain.handle ${channel}`);
    const answer = (await electron.invoke('article:open', { id: 42, extra: '../../etc/passwd' })) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error.trim().split(/(?<=\.) /u)).toHaveLength(1);
  });

  it('window.margin has one method per channel plus the three subscriptions, and each method calls its own channel', async () => {
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    const { api } = await loadPreload(electron);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), 'onImportRequest', 'onMenuCommand', 'pathForFile'].sort());
    const listed = (await (api.listArticles as (input: unknown) => Promise<{ ok: boolean }>)({})).ok;
    expect(listed).toBe(true);
    expect(electron.log).toContain('ipcRenderer.invoke library:list');
  });

  it('the page hears menu commands and import requests it knows, nothing else, and stops hearing once it unsubscribes', async () => {
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    const { api } = await loadPreload(electron);
    const heard: unknown[] = [];
    const stop = (api.onMenuCommand as (listener: (command: unknown) => void) => () => void)((command) => heard.push(command));
    (api.onImportRequest as (listener: (sources: unknown) => void) => () => void)((sources) => heard.push(sources));
    electron.toRenderer(MENU_COMMAND_CHANNEL, 'export-article');
    electron.toRenderer(MENU_COMMAND_CHANNEL, 'format-disk');
    electron.toRenderer(IMPORT_REQUEST_CHANNEL, ['/home/ann/essay.md']);
    electron.toRenderer(IMPORT_REQUEST_CHANNEL, 'not a list');
    stop();
    electron.toRenderer(MENU_COMMAND_CHANNEL, 'export-library');
    expect(heard).toEqual(['export-article', ['/home/ann/essay.md']]);
  });

  it('a file the person drops on the window can be imported; a path the page names, or a drop it makes up, cannot', async () => {
    const folder = await tempDir();
    const dropped = join(folder, 'dropped.txt');
    const named = join(folder, 'named.txt');
    for (const file of [dropped, named]) await writeFile(file, 'A Title\n\nA paragraph of an article the person saved as plain text, long enough to read.\n');
    const electron = await startedApp({ env: { MARGIN_DATA_DIR: await tempDir() } });
    const { api, drop } = await loadPreload(electron);
    const importArticle = api.importArticle as (input: unknown) => Promise<{ ok: boolean; error?: string }>;

    drop({ isTrusted: false, dataTransfer: { files: [{ path: named }] } });
    electron.send(DROPPED_PATHS_CHANNEL, [named], { url: 'https://example.com/', isMainFrame: true });
    expect(await importArticle({ source: named })).toEqual({ ok: false, error: NOT_CHOSEN_MESSAGE });

    drop({ isTrusted: true, dataTransfer: { files: [{ path: dropped }] } });
    expect(electron.log).toContain(`ipcRenderer.send ${DROPPED_PATHS_CHANNEL}`);
    expect((await importArticle({ source: dropped })).ok).toBe(true);
    expect(await importArticle({ source: named })).toEqual({ ok: false, error: NOT_CHOSEN_MESSAGE });
  });
});
