// `margin restore FILE`: a backup archive back into a library folder. The archive is read once
// before anything is written (archive-check.ts): every entry's kind and path, the total it
// unpacks to against the room on the disk, and the library's own records checked with the
// store's schemas, so a damaged or crafted backup is refused while the current library stays.
// Only Margin's own files are unpacked (library-layout.ts), with plain modes whatever the archive
// says: a backup made by Margin 0.1 may hold the whole of Electron's folder, whose
// caches are left out and named in the report. The archive is unpacked into a staging folder
// beside the target and only then renamed into place, so a bad or truncated archive leaves the
// target as it was. Restoring replaces the library, so it holds the library's write lock like
// every other change: a running app or command makes it refuse. A folder that is not empty is
// refused unless forced, and even then it is moved aside, never deleted: restoring the wrong
// backup must not cost the library.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { extract } from 'tar';
import { openInputFile, type InputRule } from '../files/input-file';
import { acquireWriteLock, writeLockFolder } from '../library/write-lock';
import { archiveBytes, checkArchive, isRestored } from './archive-check';
import { BackupError, entryProblem, normalEntryPath } from './archive-rules';
import { unpackRoom } from './unpack-room';

export interface RestoreOptions {
  /** Restore over a data dir that is not empty, moving its contents aside first. */
  force?: boolean;
  /** The clock for the aside folder's name; a parameter so tests can fix it. */
  now?: () => Date;
  /** How long to wait for another writer (the app, a command) to finish; 0 tries once. */
  waitMs?: number;
}

/** A backup is read as it is, however large: what it unpacks to is what is checked. */
export const BACKUP_INPUT: InputRule = { maxBytes: null, tooLarge: (name) => `${name} is too large.` };

// Whatever modes the archive names, restored files are plain: readable by their owner's programs,
// never set-user-id, set-group-id or sticky (the process umask narrows them further).
const FILE_MODE = 0o644;
const FOLDER_MODE = 0o755;

export interface RestoreReport {
  dataDir: string;
  files: number;
  /** Where the previous contents went, when there were any. */
  previousDataDir: string | null;
  /** Top-level names in the archive that are not part of a Margin library, left out. */
  leftOut: string[];
  /** Derived files (the search index, highlight counts) that did not check: left out, rebuilt by the library. */
  rebuilt: string[];
}

type TargetState = 'missing' | 'empty' | 'full';

async function targetState(dataDir: string): Promise<TargetState> {
  const info = await stat(dataDir).catch(() => null);
  if (info === null) return 'missing';
  if (!info.isDirectory()) throw new BackupError(`${dataDir} exists and is not a folder.`);
  // proper-lockfile's folders (the one this restore holds, a takeover's) are not contents.
  return (await readdir(dataDir)).every((name) => name.endsWith('.lock')) ? 'empty' : 'full';
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

/** Unpacks the checked archive into the (new, empty) staging folder, with plain modes. */
async function unpackInto(archive: FileHandle, archiveFile: string, staging: string, rebuilt: ReadonlySet<string>): Promise<void> {
  const unpack = extract({
    cwd: staging,
    strict: true,
    preserveOwner: false,
    dmode: FOLDER_MODE,
    fmode: FILE_MODE,
    // Checked again while unpacking: the file could have changed since it was read.
    filter: (path, entry) => 'type' in entry && entryProblem(path, entry.type) === null && isRestored(path, entry.type) && !rebuilt.has(normalEntryPath(path)),
    onReadEntry: (entry) => {
      entry.mode = entry.type === 'Directory' ? FOLDER_MODE : FILE_MODE;
    },
  });
  const stream = archiveBytes(archive);
  try {
    await new Promise<void>((resolve, reject) => {
      unpack.on('close', resolve).on('error', reject);
      stream.on('error', reject);
      stream.pipe(unpack);
    });
  } catch (error) {
    throw new BackupError(`Could not unpack ${archiveFile}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
  }
}

export async function restoreDataDir(archiveFile: string, dataDir: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  // Opened first and read only through this handle: a named pipe or a device is refused at once,
  // and the file checked is the file unpacked.
  const { handle } = await openInputFile(archiveFile, BACKUP_INPUT);
  try {
    return await restoreFrom(handle, archiveFile, resolve(dataDir), options);
  } finally {
    await handle.close();
  }
}

async function restoreFrom(archive: FileHandle, archiveFile: string, target: string, options: RestoreOptions): Promise<RestoreReport> {
  const refuseFull = (state: TargetState) => {
    if (state === 'full' && options.force !== true) {
      throw new BackupError(`${target} is not empty. Restore into an empty folder, or force it to move the current contents aside.`);
    }
  };
  const before = await targetState(target);
  refuseFull(before);
  const { files, leftOut, rebuilt } = await checkArchive(archive, archiveFile, await unpackRoom(target));
  const lock = await acquireWriteLock(target, { waitMs: options.waitMs ?? 0 });
  let previousDataDir: string | null = null;
  try {
    // Looked at again under the lock: another writer may have changed it meanwhile.
    const state = await targetState(target);
    refuseFull(state);
    const parent = dirname(target);
    const staging = join(parent, `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
    await mkdir(staging, { mode: FOLDER_MODE });
    try {
      await unpackInto(archive, archiveFile, staging, new Set(rebuilt));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
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
  return { dataDir: target, files, previousDataDir, leftOut, rebuilt };
}
