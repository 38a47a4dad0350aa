// Writes a file so that, once the promise resolves, it survives a crash or a power cut:
// write-file-atomic writes a temp file, fsyncs it and renames it over the old one, but it does not
// fsync the folder, and until the folder is synced the rename itself can be lost. No package we
// use does that last step, so it is here.
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Replaces a file's contents durably; the store takes one so tests can make the disk fail. */
export type FileWriter = (path: string, data: string | Uint8Array) => Promise<void>;

// Some systems (Windows) cannot open or fsync a folder; there the rename is as durable as the
// system lets it be, so those refusals are not errors.
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

export const durableWrite: FileWriter = async (path, data) => {
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fsync: true });
  await syncFolder(dirname(path));
};
