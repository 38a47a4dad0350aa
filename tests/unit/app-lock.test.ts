// The app starting while a `margin` command holds the library's write lock: it waits, says what
// it waits for, and if the command keeps the lock says who holds it and lets the person retry or quit.
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldSentence, takeAppLock, waitingSentence, type LockWaitUi } from '../../electron/core/library/app-lock';
import { acquireWriteLock, lockHolder } from '../../electron/core/library/write-lock';
import { buildLockHolder, holdLock } from './support/lock-holders';
import type { BuiltScript } from './support/node-script';
import { tempDir } from './support/temp-dir';

interface Said {
  kind: 'waiting' | 'ask';
  sentence: string;
}

/** A person in front of the messages: answers them as the test scripts, and notes what they saw. */
function person(onWaiting: (sentence: string, signal: AbortSignal) => Promise<'quit' | 'closed'>, answers: (() => Promise<'retry' | 'quit'>)[] = []) {
  const said: Said[] = [];
  const ui: LockWaitUi = {
    showWaiting(sentence, signal) {
      said.push({ kind: 'waiting', sentence });
      return onWaiting(sentence, signal);
    },
    askRetry(sentence) {
      said.push({ kind: 'ask', sentence });
      return answers.shift()?.() ?? Promise.resolve('quit');
    },
  };
  return { ui, said };
}

/** The waiting message stays until the app closes it. */
const untilClosed = (_sentence: string, signal: AbortSignal) =>
  new Promise<'closed'>((resolve) => (signal.aborted ? resolve('closed') : signal.addEventListener('abort', () => resolve('closed'))));

let holderScript: BuiltScript;
beforeAll(async () => {
  holderScript = await buildLockHolder();
});
afterAll(async () => {
  await holderScript.remove();
});

describe('the app waits for a margin command that holds the library', () => {
  it('says it waits for the margin command by its pid, and takes the lock as soon as the command is done', async () => {
    const dataDir = await tempDir();
    const command = await holdLock(holderScript, dataDir);
    const { ui, said } = person((sentence, signal) => {
      void command.release();
      return untilClosed(sentence, signal);
    });
    const lock = await takeAppLock(dataDir, ui, { quietMs: 0, waitMs: 10_000 });
    expect(said).toEqual([{ kind: 'waiting', sentence: `Margin is waiting for the margin command (pid ${command.pid}) to finish writing to this library.` }]);
    expect(lock?.held).toBe(true);
    expect(await lockHolder(dataDir)).toEqual({ pid: process.pid, host: hostname(), program: 'app' });
    await lock?.release();
  });

  it('when the command keeps the lock: "The margin command (pid N) is writing to this library."; Retry once it is done, and the app starts', async () => {
    const dataDir = await tempDir();
    const command = await holdLock(holderScript, dataDir);
    const { ui, said } = person(untilClosed, [
      async () => {
        await command.release();
        return 'retry';
      },
    ]);
    const lock = await takeAppLock(dataDir, ui, { quietMs: 0, waitMs: 100 });
    expect(said.map((s) => s.kind)).toEqual(['waiting', 'ask']);
    expect(said[1]!.sentence).toBe(`The margin command (pid ${command.pid}) is writing to this library.`);
    expect(lock?.held).toBe(true);
    await lock?.release();
  });

  it('Quit on "still held" gives up without the lock, and the command keeps it', async () => {
    const dataDir = await tempDir();
    const command = await holdLock(holderScript, dataDir);
    const { ui, said } = person(untilClosed, [() => Promise.resolve('quit')]);
    expect(await takeAppLock(dataDir, ui, { quietMs: 0, waitMs: 50 })).toBeNull();
    expect(said.map((s) => s.kind)).toEqual(['waiting', 'ask']);
    expect((await lockHolder(dataDir))?.pid).toBe(command.pid);
    await command.release();
  });

  it('Quit while waiting stops the wait at once, and the app never takes the lock', async () => {
    const dataDir = await tempDir();
    const command = await holdLock(holderScript, dataDir);
    const { ui } = person(() => Promise.resolve('quit'));
    expect(await takeAppLock(dataDir, ui, { quietMs: 0, waitMs: 60_000 })).toBeNull();
    await command.release();
    expect(await lockHolder(dataDir)).toBeNull();
  });

  it('a free library is taken without a word', async () => {
    const dataDir = await tempDir();
    const { ui, said } = person(untilClosed);
    const lock = await takeAppLock(dataDir, ui, { quietMs: 0, waitMs: 0 });
    expect(said).toEqual([]);
    await lock?.release();
  });

  it('names each kind of holder in one sentence', async () => {
    const here = hostname();
    expect(heldSentence({ pid: 42, host: here, program: 'command' })).toBe('The margin command (pid 42) is writing to this library.');
    expect(heldSentence({ pid: 42, host: here, program: 'app' })).toBe('Another Margin (pid 42) is writing to this library.');
    expect(heldSentence({ pid: 42, host: 'the-other-laptop', program: 'command' })).toBe('Margin on the-other-laptop is writing to this library.');
    expect(heldSentence(null)).toBe('Another program is writing to this library.');
    // A lock from an older Margin does not say which program made it.
    expect(waitingSentence({ pid: 42, host: here })).toBe('Margin is waiting for the margin command (pid 42) to finish writing to this library.');
  });

  it('a lock the app took says it is the app; one a command took, or an older Margin, says so too', async () => {
    const dataDir = await tempDir();
    const app = await acquireWriteLock(dataDir, { program: 'app' });
    expect((await lockHolder(dataDir))?.program).toBe('app');
    await app.release();
    const command = await acquireWriteLock(dataDir);
    expect((await lockHolder(dataDir))?.program).toBe('command');
    await command.release();
    expect(await lockHolder(dataDir)).toBeNull();
  });
});
