// The file-system calls of a durable write (durable-write.ts), wrapped so a test can make the disk
// fail at one step, take short writes, or record the order of the steps a save makes.
import { basename } from 'node:path';
import { nodeDurableFs, type DurableFs, type WriteHandle } from '../../../electron/core/library/durable-write';

export type Step = 'open' | 'write' | 'sync' | 'stat' | 'rename' | 'folder-sync';

export interface Fault {
  /** The step that fails. */
  at: Step;
  code: 'ENOSPC' | 'EDQUOT' | 'EIO';
  /** Only writes to files whose target name passes (default: every file). */
  target?: (path: string) => boolean;
  /** How many of these steps succeed before the fault (default 0: the first fails). */
  after?: number;
}

export interface DiskEvent {
  step: Step;
  /** The file's or folder's name (temp files keep their target's name before `.xxxx.tmp`). */
  name: string;
  /** The same, as a full path. */
  path: string;
}

export interface FaultyDisk {
  fs: DurableFs;
  /** The fault that will happen, or null for a working disk. */
  fault: Fault | null;
  /** At most this many bytes are taken per write call (a short write), when set. */
  shortWrites: number | null;
  /** Claim the file holds fewer bytes than it does (a disk that lost some). */
  lieAboutSize: boolean;
  events: DiskEvent[];
}

const targetOf = (path: string) => path.replace(/\.[0-9a-f]{12}\.tmp$/u, '');

export function faultyDisk(): FaultyDisk {
  const disk: FaultyDisk = {
    fault: null,
    shortWrites: null,
    lieAboutSize: false,
    events: [],
    fs: {
      lstat: (path) => nodeDurableFs.lstat(path),
      async open(path, flags, mode) {
        step('open', path);
        const real = await nodeDurableFs.open(path, flags, mode);
        const handle: WriteHandle = {
          async write(buffer, offset, length, position) {
            step('write', path);
            const take = disk.shortWrites === null ? length : Math.min(length, disk.shortWrites);
            return real.write(buffer, offset, take, position);
          },
          chmod: (m) => real.chmod(m),
          async sync() {
            step('sync', path);
            return real.sync();
          },
          async stat() {
            step('stat', path);
            const info = await real.stat();
            return { size: disk.lieAboutSize ? Math.max(0, info.size - 1) : info.size };
          },
          close: () => real.close(),
        };
        return handle;
      },
      async rename(from, to) {
        step('rename', to);
        return nodeDurableFs.rename(from, to);
      },
      unlink: (path) => nodeDurableFs.unlink(path),
      async openFolder(path) {
        const real = await nodeDurableFs.openFolder(path);
        return {
          async sync() {
            step('folder-sync', path);
            return real.sync();
          },
          close: () => real.close(),
        };
      },
    },
  };
  let passed = 0;
  let counted: Fault | null = null;
  function step(name: Step, path: string): void {
    disk.events.push({ step: name, name: basename(targetOf(path)), path: targetOf(path) });
    const { fault } = disk;
    if (fault === null || fault.at !== name || !(fault.target?.(targetOf(path)) ?? true)) return;
    if (counted !== fault) {
      counted = fault;
      passed = 0;
    }
    passed += 1;
    if (passed <= (fault.after ?? 0)) return;
    throw Object.assign(new Error(`${fault.code}: simulated at ${name} of ${path}`), { code: fault.code });
  }
  return disk;
}
