// Replaces a file so that, once the promise resolves, every byte is on disk under its name, and
// until then the previous file stays whole. Hand-written because no well-kept package does all of
// it: write-file-atomic issues one write and ignores a short one (on a nearly full disk it renamed
// a cut-off file over a good one and reported success), and neither it nor steno fsyncs the
// folder, without which the rename itself can be lost in a power cut.
//
// The steps, in this order: open a temp file beside the target exclusively and without following
// links; write until every byte is written; fsync it; check its size; close; rename it over the
// target; fsync the folder. Any failure removes the temp file and rejects, so nothing reports a
// save that did not happen. The file-system calls come through a small interface so that tests can
// make the disk fail at any step and record the order of the steps.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors';

/** Replaces a file's contents durably; the store takes one so tests can make the disk fail. */
export type FileWriter = (path: string, data: string | Uint8Array) => Promise<void>;

/** An open file being written; node's FileHandle is one. */
export interface WriteHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** An open folder, to fsync the renames made in it. */
export interface FolderHandle {
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls a durable write makes. */
export interface DurableFs {
  /** Rejects with ENOENT when there is nothing at path; never follows a link. */
  lstat(path: string): Promise<{ mode: number; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }>;
  open(path: string, flags: number, mode: number): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  openFolder(path: string): Promise<FolderHandle>;
}

export const nodeDurableFs: DurableFs = {
  lstat: (path) => fsp.lstat(path),
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  openFolder: (path) => fsp.open(path, 'r'),
};

// O_NOFOLLOW does not exist on Windows, where a temp name that is a link is not a threat we can
// refuse at open; elsewhere a link planted at the temp name makes the open fail instead of
// writing through it.
export const TEMP_FLAGS = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

// Some systems (Windows) cannot open or fsync a folder; there the rename is as durable as the
// system lets it be, so those refusals are not errors. An I/O error is.
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

const errorWithCode = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** The temp file a write to `path` uses; unique per write, beside the target so the rename stays on one disk. */
export const tempPathFor = (path: string) => join(dirname(path), `${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Whether `name` is a temp file left beside `fileName` by a write that was killed midway: this
 * writer's `<file>.<12 hex>.tmp`, or `<file>.<digits>` from the writer older libraries used.
 */
export function isLeftoverTemp(fileName: string, name: string): boolean {
  if (!name.startsWith(`${fileName}.`)) return false;
  const rest = name.slice(fileName.length + 1);
  return /^[0-9a-f]{12}\.tmp$/u.test(rest) || /^\d+$/u.test(rest);
}

function kindOf(info: { isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isSymbolicLink()) return 'a link';
  return 'a device, pipe or socket';
}

/** The sentence for a target that is there but is not a regular file (exported for outputs that check first). */
export const notRegularFileMessage = (path: string, kind: string) => `${path} is ${kind}, not a regular file, so Margin did not replace it.`;

/** The target's permissions to keep, or null when there is no file yet; refuses anything but a regular file. */
export async function existingMode(fs: DurableFs, path: string): Promise<number | null> {
  let info;
  try {
    info = await fs.lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!info.isFile()) throw new UserError(notRegularFileMessage(path, kindOf(info)));
  return info.mode & 0o777;
}

export async function syncFolderWith(fs: DurableFs, folder: string): Promise<void> {
  let handle: FolderHandle | undefined;
  try {
    handle = await fs.openFolder(folder);
    await handle.sync();
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

export const syncFolder = (folder: string): Promise<void> => syncFolderWith(nodeDurableFs, folder);

async function writeAll(handle: WriteHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
    // A regular file never takes zero bytes of a non-empty write without an error; looping would hang.
    if (bytesWritten <= 0) throw errorWithCode('EIO', `the disk took none of the last ${bytes.byteLength - offset} bytes`);
    offset += bytesWritten;
  }
}

const asBytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

export interface DurableWriteOptions {
  /**
   * Whether to fsync the file and its folder. Only files that are checked when read and rebuilt
   * when wrong (the search index's texts) skip it; they still never replace a file with a cut one.
   */
  sync?: boolean;
}

/** A FileWriter over the given file system calls (tests pass a failing or recording one). */
export function createDurableWriter(fs: DurableFs, options: DurableWriteOptions = {}): FileWriter {
  const sync = options.sync ?? true;
  return async (path, data) => {
    const bytes = asBytes(data);
    const mode = await existingMode(fs, path);
    const temp = tempPathFor(path);
    let handle: WriteHandle | null = null;
    let created = false;
    let renamed = false;
    try {
      handle = await fs.open(temp, TEMP_FLAGS, 0o666);
      created = true;
      if (mode !== null) await handle.chmod(mode);
      await writeAll(handle, bytes);
      if (sync) await handle.sync();
      const { size } = await handle.stat();
      if (size !== bytes.byteLength) throw errorWithCode('EIO', `${temp} holds ${size} of the ${bytes.byteLength} bytes written`);
      const closing = handle;
      handle = null;
      await closing.close();
      await fs.rename(temp, path);
      renamed = true;
      if (sync) await syncFolderWith(fs, dirname(path));
    } catch (error) {
      await handle?.close().catch(() => undefined);
      if (created && !renamed) await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  };
}

export const durableWrite: FileWriter = createDurableWriter(nodeDurableFs);
