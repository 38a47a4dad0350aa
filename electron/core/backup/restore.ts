// `margin restore FILE`: a backup archive back into a library folder. Every entry is checked
// before anything is written (archive-rules.ts), and only Margin's own files are unpacked
// (library-layout.ts): a backup made by Margin 0.1 may hold the whole of Electron's folder, whose
// caches are left out and named in the report. The archive is unpacked into a staging folder
// beside the target and only then renamed into place, so a bad or truncated archive leaves the
// target as it was. Restoring replaces the library, so it holds the library's write lock like
// every other change: a running app or command makes it refuse. A folder that is not empty is
// refused unless forced, and even then it is moved aside, never deleted: restoring the wrong
// backup must not cost the library.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { extract, list } from 'tar';
import { isLibraryPath } from '../library/library-layout';
import { acquireWriteLock, writeLockFolder } from '../library/write-lock';
import { BackupError, LIBRARY_MARKER, entryProblem, normalEntryPath } from './archive-rules';

export interface RestoreOptions {
  /** Restore over a data dir that is not empty, moving its contents aside first. */
  force?: boolean;
  /** The clock for the aside folder's name; a parameter so tests can fix it. */
  now?: () => Date;
  /** How long to wait for another writer (the app, a command) to finish; 0 tries once. */
  waitMs?: number;
}

export interface RestoreReport {
  dataDir: string;
  files: number;
  /** Where the previous contents went, when there were any. */
  previousDataDir: string | null;
  /** Top-level names in the archive that are not part of a Margin library, left out. */
  leftOut: string[];
}

type TargetState = 'missing' | 'empty' | 'full';

async function targetState(dataDir: string): Promise<TargetState> {
  const info = await stat(dataDir).catch(() => null);
  if (info === null) return 'missing';
  if (!info.isDirectory()) throw new BackupError(`${dataDir} exists and is not a folder.`);
  // proper-lockfile's folders (the one this restore holds, a takeover's) are not contents.
  return (await readdir(dataDir)).every((name) => name.endsWith('.lock')) ? 'empty' : 'full';
}

const isRestored = (path: string, type: string) => isLibraryPath(normalEntryPath(path).split('/'), type === 'Directory');

interface ArchiveCheck {
  files: number;
  leftOut: string[];
}

/** Reads the archive's headers only; throws listing what makes it unsafe or not a backup. */
async function checkArchive(archiveFile: string): Promise<ArchiveCheck> {
  const problems: string[] = [];
  const leftOut = new Set<string>();
  let files = 0;
  let hasLibrary = false;
  try {
    await list({
      file: archiveFile,
      strict: true,
      onReadEntry: (entry) => {
        const problem = entryProblem(entry.path, entry.type);
        if (problem !== null) problems.push(problem);
        if (!isRestored(entry.path, entry.type)) leftOut.add(normalEntryPath(entry.path).split('/')[0] ?? entry.path);
        else if (entry.type !== 'Directory') files++;
        if (normalEntryPath(entry.path) === LIBRARY_MARKER && entry.type !== 'Directory') hasLibrary = true;
      },
    });
  } catch (error) {
    throw new BackupError(`${archiveFile} is not a readable .tar.gz backup: ${(error as Error).message}`);
  }
  if (problems.length > 0) {
    throw new BackupError(`Refusing to restore ${archiveFile}; it holds unsafe entries:\n${problems.slice(0, 10).join('\n')}`);
  }
  if (!hasLibrary) throw new BackupError(`${archiveFile} is not a Margin backup (no ${LIBRARY_MARKER}).`);
  return { files, leftOut: [...leftOut].sort() };
}

async function freeName(base: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    if ((await stat(candidate).catch(() => null)) === null) return candidate;
  }
}

/**
 * Takes this restore's lock folder out of a folder it was moved with; with `andFolder`, the folder
 * held nothing but lock folders, and goes too. Best effort: the restore itself is done by then.
 */
async function removeLockLeftovers(folder: string, andFolder: boolean): Promise<void> {
  const locks = andFolder ? (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.lock')).map((name) => join(folder, name)) : [writeLockFolder(folder)];
  for (const lock of locks) await rm(lock, { recursive: true, force: true }).catch(() => undefined);
  if (andFolder) await rmdir(folder).catch(() => undefined);
}

export async function restoreDataDir(archiveFile: string, dataDir: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const target = resolve(dataDir);
  const refuseFull = (state: TargetState) => {
    if (state === 'full' && options.force !== true) {
      throw new BackupError(`${target} is not empty. Restore into an empty folder, or force it to move the current contents aside.`);
    }
  };
  const before = await targetState(target);
  refuseFull(before);
  const { files, leftOut } = await checkArchive(archiveFile);
  const lock = await acquireWriteLock(target, { waitMs: options.waitMs ?? 0 });
  let previousDataDir: string | null = null;
  try {
    // Looked at again under the lock: another writer may have changed it meanwhile.
    const state = await targetState(target);
    refuseFull(state);
    const parent = dirname(target);
    const staging = join(parent, `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
    await mkdir(staging);
    try {
      await extract({
        file: archiveFile,
        cwd: staging,
        strict: true,
        preserveOwner: false,
        // Checked again while unpacking: the file could have changed since it was read.
        filter: (path, entry) => 'type' in entry && entryProblem(path, entry.type) === null && isRestored(path, entry.type),
      });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw new BackupError(`Could not unpack ${archiveFile}: ${(error as Error).message}`);
    }
    // The folder goes aside whole, this restore's lock inside it, and the unpacked one takes its
    // name; the lock comes out of the aside folder once the swap is done.
    const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/gu, '-');
    const aside = await freeName(state === 'full' ? `${target}.before-restore-${stamp}` : `${staging}-lock`);
    await rename(target, aside);
    try {
      await rename(staging, target);
    } catch (error) {
      await rename(aside, target).catch(() => undefined);
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    await removeLockLeftovers(aside, state !== 'full');
    if (state === 'full') previousDataDir = aside;
  } catch (error) {
    await lock.release();
    // The lock made the folder; with the lock gone it is empty again, unless someone else came in.
    if (before === 'missing') await rmdir(target).catch(() => undefined);
    throw error;
  }
  await lock.release();
  return { dataDir: target, files, previousDataDir, leftOut };
}
