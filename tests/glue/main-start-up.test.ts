// The app's start-up (electron/main/index.ts) under a stand-in Electron: what it asks of Electron,
// and in which order, when the person starts Margin, starts it twice, or runs a `margin` command.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeLockFolder } from '../../electron/core/library/write-lock';
import { tempDir } from '../unit/support/temp-dir';
import { startMain } from './support/main-under-stand-in';

/** The log lines that name one of these calls, in the order the glue made them. */
const callsOf = (log: string[], names: string[]) => log.filter((line) => names.some((name) => line.startsWith(name)));

describe('glue under a stand-in Electron: start-up', () => {
  it('takes the single-instance lock, registers margin:// before ready, and opens the window only once the library and its handlers are ready', async () => {
    const dataDir = await tempDir();
    const electron = await startMain({ env: { MARGIN_DATA_DIR: dataDir } });
    expect(electron.log.slice(0, 3)).toEqual(['app.setPath userData', 'app.requestSingleInstanceLock', 'protocol.registerSchemesAsPrivileged margin']);
    expect(electron.windows).toHaveLength(0);
    electron.emitReady();
    await electron.until((line) => line.startsWith('window.loadURL'));
    expect(
      callsOf(electron.log, ['ready', 'session.setPermission', 'protocol.handle', 'ipcMain.handle library:list', 'Menu.setApplicationMenu', 'new BrowserWindow', 'window.loadURL']),
    ).toEqual([
      'ready',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'protocol.handle margin',
      'ipcMain.handle library:list',
      'Menu.setApplicationMenu',
      'new BrowserWindow',
      'window.loadURL margin://app/index.html',
    ]);
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'margin', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);
    // The app holds the library's write lock while it runs, and says so in the lock.
    expect(JSON.parse(await readFile(join(writeLockFolder(dataDir), 'owner.json'), 'utf8'))).toMatchObject({ pid: process.pid });
    electron.app.quit();
    await vi.waitFor(() => expect(existsSync(writeLockFolder(dataDir))).toBe(false));
  });

  it('a second Margin hands over to the first and quits, without a window or the library', async () => {
    const dataDir = await tempDir();
    const electron = await startMain({ env: { MARGIN_DATA_DIR: dataDir }, singleInstanceLock: false });
    expect(electron.log).toContain('app.quit');
    expect(electron.log).not.toContain('app.whenReady');
    electron.emitReady();
    await Promise.resolve();
    expect(electron.windows).toHaveLength(0);
    expect(existsSync(writeLockFolder(dataDir))).toBe(false);
  });

  it('`margin list` runs the command and exits, never asking for the single-instance lock, a window or the library lock', async () => {
    const dataDir = await tempDir();
    let printed = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      printed += String(chunk);
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    });
    try {
      const electron = await startMain({ env: { MARGIN_DATA_DIR: dataDir }, args: ['list', '--json'] });
      electron.emitReady();
      await Promise.resolve();
      expect(electron.app.exitCode).toBe(0);
      expect(JSON.parse(printed)).toEqual(expect.any(Array));
      expect(electron.log.filter((line) => line !== 'ready')).toEqual(['app.exit 0']);
    } finally {
      write.mockRestore();
    }
  });

  it('a library it cannot open stops the start with one sentence in an error box, and exit code 1', async () => {
    const notAFolder = join(await tempDir(), 'library');
    await writeFile(notAFolder, 'a file where the library folder should be');
    const electron = await startMain({ env: { MARGIN_DATA_DIR: notAFolder } });
    electron.emitReady();
    await electron.until((line) => line.startsWith('app.exit'));
    expect(electron.errorBoxes).toHaveLength(1);
    expect(electron.errorBoxes[0]!.title).toBe('Margin could not start');
    expect(electron.errorBoxes[0]!.content.split(/(?<=\.) /u)).toHaveLength(1);
    expect(electron.app.exitCode).toBe(1);
    expect(electron.windows).toHaveLength(0);
  });
});
