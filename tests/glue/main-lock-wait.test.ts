// Starting Margin while a `margin` command writes to the library, under a stand-in Electron: the
// app waits, says so in a message naming the command, and starts once the command is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockHolder } from '../../electron/core/library/write-lock';
import { buildLockHolder, holdLock } from '../unit/support/lock-holders';
import type { BuiltScript } from '../unit/support/node-script';
import { tempDir } from '../unit/support/temp-dir';
import { startMain } from './support/main-under-stand-in';

let holderScript: BuiltScript;
beforeAll(async () => {
  holderScript = await buildLockHolder();
});
afterAll(async () => {
  await holderScript.remove();
});

describe('glue under a stand-in Electron: a margin command holds the library', () => {
  it('the app says it is waiting for the margin command (pid N), closes that message and opens its window once the command is done', async () => {
    const dataDir = await tempDir();
    const command = await holdLock(holderScript, dataDir);
    const electron = await startMain({ env: { MARGIN_DATA_DIR: dataDir } });
    electron.emitReady();
    const waiting = await electron.nextDialog();
    expect(waiting.options).toMatchObject({
      message: `Margin is waiting for the margin command (pid ${command.pid}) to finish writing to this library.`,
      buttons: ['Quit'],
    });
    expect(electron.windows).toHaveLength(0);
    await command.release();
    await electron.until((line) => line.startsWith('window.loadURL'));
    expect(waiting.closedByApp).toBe(true);
    expect(electron.errorBoxes).toEqual([]);
    expect((await lockHolder(dataDir))?.program).toBe('app');
  });

  it('Quit in the waiting message quits without a window, leaving the command its lock', async () => {
    const dataDir = await tempDir();
    const command = await holdLock(holderScript, dataDir);
    const electron = await startMain({ env: { MARGIN_DATA_DIR: dataDir } });
    electron.emitReady();
    (await electron.nextDialog()).answer({ response: 0, checkboxChecked: false });
    await electron.until('app.quit');
    expect(electron.windows).toHaveLength(0);
    expect(electron.errorBoxes).toEqual([]);
    expect((await lockHolder(dataDir))?.pid).toBe(command.pid);
    await command.release();
  });
});
