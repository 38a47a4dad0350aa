// Runs ./lock-holder.ts as a separate process: a `margin` command holding a library's write lock.
import { join } from 'node:path';
import { buildNodeScript, runNodeScript, type BuiltScript, type RunningScript } from './node-script';
import { repoRoot } from './paths';

export const buildLockHolder = (): Promise<BuiltScript> => buildNodeScript(join(repoRoot, 'tests/unit/support/lock-holder.ts'));

export interface LockHolderProcess {
  pid: number;
  running: RunningScript;
  /** Lets go of the lock; resolves once it has. */
  release(): Promise<void>;
}

/** Starts a holder and resolves once it holds the lock. */
export async function holdLock(script: BuiltScript, dataDir: string): Promise<LockHolderProcess> {
  const running = runNodeScript(script.path, [dataDir]);
  await running.waitForLine((line) => line === 'held');
  return {
    pid: running.child.pid!,
    running,
    async release() {
      running.child.stdin?.write('release\n');
      await running.waitForLine((line) => line === 'released');
      running.child.stdin?.end();
      await running.exited;
    },
  };
}
