// The write lock's two promises about time, which its tests check without a clock
// (tests/unit/store-lock.test.ts): a second writer gives up when the time it was given is over,
// neither early nor late; and a lock whose holder process is gone is taken over at once.
// Subject beside baseline: the busy wait beside a plain sleep of the same length (ratio near 1),
// and taking a dead holder's lock over beside taking a free lock.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe } from 'vitest';
import { acquireWriteLock, writeLockFolder, type WriteLock } from '../../electron/core/library/write-lock';
import { pairedBench, QUICK, TINY } from './support/paired';

const WAIT_MS = 150;
const ROUNDS = TINY ? 2 : QUICK ? 5 : 20;

let scratch: string;
let held: WriteLock;
let busyDir: string;
let deadPid: number;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'margin-lock-bench-'));
  busyDir = join(scratch, 'busy');
  held = await acquireWriteLock(busyDir);
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  deadPid = child.pid;
});

afterAll(async () => {
  await held.release();
  await rm(scratch, { recursive: true, force: true });
});

let round = 0;
/** A fresh data dir whose lock was left by a process that has ended. */
async function abandonedLock(): Promise<string> {
  const dataDir = join(scratch, `abandoned-${round++}`);
  await mkdir(writeLockFolder(dataDir), { recursive: true });
  await writeFile(join(writeLockFolder(dataDir), 'owner.json'), JSON.stringify({ pid: deadPid, host: hostname() }));
  return dataDir;
}

describe('the write lock', () => {
  pairedBench(`a second writer gives up after its ${WAIT_MS} ms`, 'lock', {
    name: `acquireWriteLock, busy, waitMs ${WAIT_MS}`,
    run: () => acquireWriteLock(busyDir, { waitMs: WAIT_MS }).then(
      () => {
        throw new Error('took a lock that is held');
      },
      () => undefined,
    ),
  }, { name: `sleep ${WAIT_MS} ms`, run: () => sleep(WAIT_MS) }, { warmup: 1, rounds: ROUNDS, target: 'ratio near 1' });

  pairedBench('take over the lock of a process that has ended', 'lock', {
    name: 'acquireWriteLock over a dead holder',
    run: async () => (await acquireWriteLock(await abandonedLock(), { waitMs: 0 })).release(),
  }, {
    name: 'acquireWriteLock, free',
    run: async () => (await acquireWriteLock(join(scratch, `free-${round++}`), { waitMs: 0 })).release(),
  }, { warmup: 1, rounds: ROUNDS });
});
