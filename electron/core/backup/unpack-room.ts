// How much a restore may unpack: a backup names the size of each file in its headers, and an
// archive can claim (or, compressed, really hold) far more than the disk has, filling it and
// leaving a half-written staging folder beside the library. The total is checked against a fixed
// cap and against the free space of the disk the library is on, before anything is written.
import { statfs, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** More than any library Margin keeps (10,000 articles and their images) would need. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024 * 1024;

export interface UnpackRoom {
  bytes: number;
  /** What sets the limit, for the sentence that refuses an archive over it. */
  reason: 'cap' | 'disk';
}

/** The nearest folder that exists at or above a path (the library folder may not exist yet). */
async function existingFolder(path: string): Promise<string> {
  for (let folder = path; ; folder = dirname(folder)) {
    const info = await stat(folder).catch(() => null);
    if (info?.isDirectory() === true || dirname(folder) === folder) return folder;
  }
}

/** The room for unpacking into the folder `target` (which the restore creates or replaces). */
export async function unpackRoom(target: string, cap = MAX_UNPACKED_BYTES): Promise<UnpackRoom> {
  const folder = await existingFolder(dirname(target));
  // Some file systems cannot say (statfs unsupported): the cap alone then applies.
  const info = await statfs(folder).catch(() => null);
  const free = info === null ? Number.POSITIVE_INFINITY : info.bavail * info.bsize;
  return free < cap ? { bytes: free, reason: 'disk' } : { bytes: cap, reason: 'cap' };
}

export function sizeText(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  if (gb >= 1) return `${gb >= 10 ? Math.round(gb) : gb.toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}
