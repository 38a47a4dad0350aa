// Articles handed to the running app from outside (macOS's open-file from Finder or the dock, a
// second launch elsewhere) under a stand-in Electron: each reaches a window that shows it.
import { describe, expect, it } from 'vitest';
import { IMPORT_REQUEST_CHANNEL } from '../../electron/shared/channels';
import { tempDir } from '../unit/support/temp-dir';
import { startMain } from './support/main-under-stand-in';
import type { StandInElectron } from './support/electron-stand-in';

const importRequests = (electron: StandInElectron, index: number) =>
  electron.windows[index]!.webContents.sent.filter((message) => message.channel === IMPORT_REQUEST_CHANNEL).map((message) => message.args[0]);

async function windowCount(electron: StandInElectron, count: number): Promise<void> {
  await electron.until(() => electron.log.filter((line) => line.startsWith('window.loadURL')).length >= count);
}

describe('glue under a stand-in Electron: articles opened from outside', () => {
  it('macOS: an article opened from Finder before Margin is ready is shown once its window has loaded', async () => {
    const electron = await startMain({ platform: 'darwin', env: { MARGIN_DATA_DIR: await tempDir() } });
    expect(electron.openFile('/Users/ann/Downloads/essay.html').defaultPrevented).toBe(true);
    electron.emitReady();
    electron.openFile('/Users/ann/Downloads/second.md');
    await windowCount(electron, 1);
    expect(importRequests(electron, 0)).toEqual([]);
    electron.windows[0]!.finishLoad();
    expect(importRequests(electron, 0)).toEqual([['/Users/ann/Downloads/essay.html', '/Users/ann/Downloads/second.md']]);
    expect(electron.windows).toHaveLength(1);
  });

  it('macOS: with every window closed Margin stays open, and an article opened from Finder opens a window showing it', async () => {
    const electron = await startMain({ platform: 'darwin', env: { MARGIN_DATA_DIR: await tempDir() } });
    electron.emitReady();
    await windowCount(electron, 1);
    electron.windows[0]!.finishLoad();
    electron.windows[0]!.close();
    expect(electron.log).not.toContain('app.quit');
    expect(electron.windows).toHaveLength(0);

    electron.openFile('/Users/ann/Downloads/essay.html');
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.loadedUrl).toBe('margin://app/index.html');
    electron.openFile('/Users/ann/Downloads/while-loading.md');
    expect(electron.windows).toHaveLength(1);
    electron.windows[0]!.finishLoad();
    expect(importRequests(electron, 0)).toEqual([['/Users/ann/Downloads/essay.html', '/Users/ann/Downloads/while-loading.md']]);
    electron.openFile('/Users/ann/Downloads/later.txt');
    expect(importRequests(electron, 0)).toEqual([['/Users/ann/Downloads/essay.html', '/Users/ann/Downloads/while-loading.md'], ['/Users/ann/Downloads/later.txt']]);
  });

  it('macOS: a click on the dock icon with no window open opens one, with nothing to import', async () => {
    const electron = await startMain({ platform: 'darwin', env: { MARGIN_DATA_DIR: await tempDir() } });
    electron.emitReady();
    await windowCount(electron, 1);
    electron.windows[0]!.finishLoad();
    electron.windows[0]!.close();
    electron.activate();
    expect(electron.windows).toHaveLength(1);
    electron.windows[0]!.finishLoad();
    expect(importRequests(electron, 0)).toEqual([]);
  });

  it('Linux: closing the last window quits, and a second launch with a file hands it to the open window, brought to the front', async () => {
    const electron = await startMain({ platform: 'linux', env: { MARGIN_DATA_DIR: await tempDir() } });
    electron.emitReady();
    await windowCount(electron, 1);
    const window = electron.windows[0]!;
    window.finishLoad();
    window.minimized = true;
    electron.secondInstance(['/usr/bin/margin', '/home/ann/repo', 'notes/essay.md'], '/home/ann');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(importRequests(electron, 0)).toEqual([['/home/ann/notes/essay.md']]);
    window.close();
    expect(electron.log).toContain('app.quit');
  });
});
