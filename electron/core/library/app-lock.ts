// The app takes the library's write lock as it starts, and a `margin` command may hold it for the
// moment it writes. The app waits for the command rather than refusing to start: quietly for a
// moment, then saying what it waits for (with a way to quit), and if the holder keeps the lock,
// saying who holds it and letting the person retry or quit.
import { LockBusyError, acquireWriteLock, holderIsLocal, lockHolder, type LockHolder, type WriteLock } from './write-lock';

export interface LockWaitUi {
  /**
   * Tells the person what the app waits for, until the signal closes the message; resolves
   * 'quit' when the person asked to quit instead, 'closed' when the signal closed it.
   */
  showWaiting(sentence: string, signal: AbortSignal): Promise<'quit' | 'closed'>;
  /** The holder kept the lock: the person retries or quits. */
  askRetry(sentence: string): Promise<'retry' | 'quit'>;
}

export interface LockWaitTimes {
  /** How long the app waits before it says that it waits (most commands are done by then). */
  quietMs: number;
  /** How long it then waits before it asks the person what to do. */
  waitMs: number;
}

export const APP_LOCK_WAIT: LockWaitTimes = { quietMs: 1_000, waitMs: 30_000 };

function holderName(holder: LockHolder | null): string {
  if (holder === null) return 'another program';
  if (!holderIsLocal(holder)) return `Margin on ${holder.host}`;
  if (holder.program === 'app') return `another Margin (pid ${holder.pid})`;
  return `the margin command (pid ${holder.pid})`;
}

export function waitingSentence(holder: LockHolder | null): string {
  return `Margin is waiting for ${holderName(holder)} to finish writing to this library.`;
}

export function heldSentence(holder: LockHolder | null): string {
  const name = holderName(holder);
  return `${name[0]!.toUpperCase()}${name.slice(1)} is writing to this library.`;
}

async function lockOrNull(dataDir: string, waitMs: number, signal?: AbortSignal): Promise<WriteLock | null> {
  try {
    return await acquireWriteLock(dataDir, { waitMs, program: 'app', ...(signal === undefined ? {} : { signal }) });
  } catch (error) {
    if (error instanceof LockBusyError) return null;
    throw error;
  }
}

/** The app's write lock, once the library is free; null when the person chose to quit. */
export async function takeAppLock(dataDir: string, ui: LockWaitUi, times: LockWaitTimes = APP_LOCK_WAIT): Promise<WriteLock | null> {
  for (;;) {
    const quick = await lockOrNull(dataDir, times.quietMs);
    if (quick !== null) return quick;
    const closeMessage = new AbortController();
    const giveUp = new AbortController();
    const shown = ui.showWaiting(waitingSentence(await lockHolder(dataDir)), closeMessage.signal).then((answer) => {
      if (answer === 'quit') giveUp.abort();
    });
    const lock = await lockOrNull(dataDir, times.waitMs, giveUp.signal);
    closeMessage.abort();
    await shown;
    if (giveUp.signal.aborted) {
      await lock?.release();
      return null;
    }
    if (lock !== null) return lock;
    if ((await ui.askRetry(heldSentence(await lockHolder(dataDir)))) === 'quit') return null;
  }
}
