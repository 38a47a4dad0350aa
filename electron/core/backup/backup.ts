// `margin backup FILE` / File > Back up library: the library, images included, as one .tar.gz.
// tar (node-tar) does the format; this module decides what goes in: Margin's own files and
// nothing else (library-layout.ts). The folder may be one Electron also writes into, whose
// Singleton links and caches are not the person's library and would make the archive
// unrestorable. The archive is written beside its destination and renamed into place, so a
// failed backup never leaves a half archive under the chosen name.
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { create } from 'tar';
import { checkOutputFile, isInsideFolder } from '../files/output-target';
import { isLibraryPath } from '../library/library-layout';
import { BackupError, LIBRARY_MARKER } from './archive-rules';

export interface BackupReport {
  archiveFile: string;
  /** Files in the archive (folders not counted). */
  files: number;
  /** Bytes of those files before compression. */
  bytes: number;
}

interface Listing {
  /** Archive paths (`/`-separated, relative), folders before their contents. */
  paths: string[];
  files: number;
  bytes: number;
}

async function listDataDir(dataDir: string, skip: string): Promise<Listing> {
  const listing: Listing = { paths: [], files: 0, bytes: 0 };
  const odd: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(folder, entry.name);
      const path = relative(dataDir, full).split(sep).join('/');
      const steps = path.split('/');
      // A link under one of Margin's own names is judged below; anything else is not looked at.
      const ours = entry.isDirectory() || entry.isFile() ? isLibraryPath(steps, entry.isDirectory()) : isLibraryPath(steps, true) || isLibraryPath(steps, false);
      if (full === skip || !ours) continue;
      if (entry.isDirectory()) {
        listing.paths.push(path);
        await walk(full);
      } else if (entry.isFile()) {
        listing.paths.push(path);
        listing.files++;
        listing.bytes += (await stat(full)).size;
      } else {
        odd.push(path);
      }
    }
  };
  await walk(dataDir);
  if (odd.length > 0) {
    // A restore refuses links and devices, so a backup holding them could never come back.
    throw new BackupError(`The library folder holds entries that are not plain files or folders (links?): ${odd.slice(0, 10).join(', ')}`);
  }
  return listing;
}

export async function backupDataDir(dataDir: string, archiveFile: string): Promise<BackupReport> {
  const root = resolve(dataDir);
  const target = resolve(archiveFile);
  const marker = await stat(join(root, LIBRARY_MARKER)).catch(() => null);
  if (marker === null || !marker.isFile()) throw new BackupError(`${root} is not a Margin library (no ${LIBRARY_MARKER}).`);
  if (await isInsideFolder(dirname(target), root)) {
    throw new BackupError('The backup cannot be written inside the library folder it backs up; choose another place.');
  }
  // The archive is renamed over its target: that must be a plain file, never a device or a pipe.
  await checkOutputFile(target);
  const listing = await listDataDir(root, target);
  const partial = join(dirname(target), `.${randomBytes(6).toString('hex')}.margin-backup.partial`);
  try {
    await create({ gzip: true, file: partial, cwd: root, portable: true, noDirRecurse: true, strict: true }, listing.paths);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { archiveFile: target, files: listing.files, bytes: listing.bytes };
}
