// One writer per data dir, across processes: the app and the CLI both take this lock before they
// change the library, so two of them never save over each other's changes. proper-lockfile does
// the locking (an atomic mkdir, kept fresh by touching its mtime; a lock left untouched for
// STALE_MS is stale). It cannot tell that the holder is gone until then, so the holder's pid is
// kept inside the lock folder, and a lock whose holder process no longer exists is taken over at
// once, under a second short lock so that two processes never take over the same lock.
import * as fs from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { UserError } from '../errors';
import { isNotWritable, saveFailure } from './store-errors';

export const LOCK_BUSY_MESSAGE = 'Margin is open; close it or retry.';

/** The lock stayed held for as long as the caller would wait; says who holds it when the lock says so. */
export class LockBusyError extends UserError {
  constructor(readonly holder: LockHolder | null) {
    super(holder?.program === 'command' && holder.host === hostname() ? `Another margin command (pid ${holder.pid}) is writing to this library; try again when it has finished.` : LOCK_BUSY_MESSAGE);
  }
}

/** A lock not kept fresh for this long belongs to a process that stopped (proper-lockfile's rule). */
const STALE_MS = 10_000;
const OWNER_FILE = 'owner.json';

export const writeLockFolder = (dataDir: string) => join(dataDir, 'writer.lock');
const takeoverFolder = (dataDir: string) => join(dataDir, 'writer-takeover.lock');

export interface WriteLock {
  readonly dataDir: string;
  /** False once released, or once another process took the lock over because this one stalled. */
  readonly held: boolean;
  release(): Promise<void>;
}

/** Which of Margin's programs holds a lock: the app, or a `margin` command. */
export type LockProgram = 'app' | 'command';

export interface AcquireOptions {
  /** How long to wait for another writer to finish before giving up; 0 tries once. */
  waitMs?: number;
  /** Recorded in the lock so that whoever waits for it can be told who holds it; a command by default. */
  program?: LockProgram;
  /** Stops the wait early (the person gave up waiting): the lock is then busy. */
  signal?: AbortSignal;
  /** Told once, when another writer holds the lock and this call starts to wait for it. */
  onWait?: () => void;
}

// A lock made by an older Margin has no program.
const ownerSchema = z.object({ pid: z.number().int().positive(), host: z.string(), program: z.enum(['app', 'command']).optional() });
export type LockHolder = z.infer<typeof ownerSchema>;
type Owner = LockHolder;

// proper-lockfile's folder operations, with the owner file written into the folder as it is made
// (so its mtime, which proper-lockfile remembers, already includes it) and removed before it goes.
const lockFsFor = (program: LockProgram) => ({
  stat: fs.stat,
  utimes: fs.utimes,
  realpath: fs.realpath,
  mkdir(path: string, done: (error: NodeJS.ErrnoException | null) => void) {
    fs.mkdir(path, (error) => {
      if (error) return done(error);
      const owner: Owner = { pid: process.pid, host: hostname(), program };
      fs.writeFile(join(path, OWNER_FILE), JSON.stringify(owner), (writeError) => {
        if (!writeError) return done(null);
        fs.rm(path, { recursive: true, force: true }, () => done(writeError));
      });
    });
  },
  rmdir(path: string, done: (error: NodeJS.ErrnoException | null) => void) {
    fs.rm(join(path, OWNER_FILE), { force: true }, () => fs.rmdir(path, done));
  },
  rmdirSync(path: string) {
    fs.rmSync(join(path, OWNER_FILE), { force: true });
    fs.rmdirSync(path);
  },
});

async function readOwner(lockFolder: string): Promise<Owner | null> {
  try {
    const owner = ownerSchema.safeParse(JSON.parse(await readFile(join(lockFolder, OWNER_FILE), 'utf8')));
    return owner.success ? owner.data : null;
  } catch {
    return null;
  }
}

/** Who holds the data dir's write lock, as far as its lock says; null when free or not saying. */
export function lockHolder(dataDir: string): Promise<LockHolder | null> {
  return readOwner(writeLockFolder(dataDir));
}

/** Whether a holder is a process on this machine (its pid means something here). */
export const holderIsLocal = (holder: LockHolder) => holder.host === hostname();

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock's holder is a process on this machine that has ended. */
async function holderIsGone(lockFolder: string): Promise<boolean> {
  const owner = await readOwner(lockFolder);
  return owner !== null && owner.host === hostname() && owner.pid !== process.pid && !processExists(owner.pid);
}

/** Removes a lock whose holder is gone, unless someone else is doing so or it changed hands meanwhile. */
async function takeOver(dataDir: string): Promise<boolean> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(join(dataDir, 'writer-takeover'), { lockfilePath: takeoverFolder(dataDir), realpath: false, stale: 2_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return false;
    throw error;
  }
  try {
    const folder = writeLockFolder(dataDir);
    if (!(await holderIsGone(folder))) return false;
    await rm(join(folder, OWNER_FILE), { force: true });
    await rm(folder, { recursive: true, force: true });
    return true;
  } finally {
    await release();
  }
}

function busyOrUnwritable(error: unknown, dataDir: string): unknown {
  return isNotWritable(error) ? saveFailure(error, dataDir) : error;
}

/**
 * Takes the data dir's write lock, waiting up to waitMs for another writer; then throws
 * a LockBusyError naming who holds it. Reading needs no lock.
 */
export async function acquireWriteLock(dataDir: string, options: AcquireOptions = {}): Promise<WriteLock> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw busyOrUnwritable(error, dataDir);
  }
  let pause = 5;
  let waiting = false;
  for (;;) {
    let compromised = false;
    try {
      const release = await lockfile.lock(join(dataDir, 'writer'), {
        lockfilePath: writeLockFolder(dataDir),
        realpath: false,
        stale: STALE_MS,
        fs: lockFsFor(options.program ?? 'command'),
        // This process stalled past STALE_MS (a sleeping laptop) and another took the lock over;
        // the store checks `held` before each save and refuses from then on.
        onCompromised: () => {
          compromised = true;
        },
      });
      let released = false;
      return {
        dataDir,
        get held() {
          return !released && !compromised;
        },
        async release() {
          if (released) return;
          released = true;
          if (!compromised) await release();
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw busyOrUnwritable(error, dataDir);
    }
    if ((await holderIsGone(writeLockFolder(dataDir))) && (await takeOver(dataDir))) continue;
    const left = deadline - Date.now();
    if (left <= 0 || options.signal?.aborted === true) throw new LockBusyError(await readOwner(writeLockFolder(dataDir)));
    if (!waiting) {
      waiting = true;
      options.onWait?.();
    }
    await sleep(Math.min(pause, left), undefined, { signal: options.signal }).catch(() => undefined);
    pause = Math.min(pause * 2, 100);
  }
}
