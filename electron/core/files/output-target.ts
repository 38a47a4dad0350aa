// Where Margin writes what a person asked for (a backup, an export, the images beside an export):
// plain files only. A write that replaces its target by renaming a new file over it would replace
// a device (run as root, `margin backup /dev/full` turned the device into a file), a named pipe
// would make an export that first reads the file it merges into wait forever, and a socket is some
// program's. Neither may an export or a backup land inside the library folder itself, where a
// file named library.json would take the library's place; the folder is compared by its real path,
// so a link that leads into the library is seen for what it is.
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { UserError } from '../errors';
import { oddKind } from './file-kind';

async function statOrNull(path: string, follow: boolean) {
  return (follow ? stat(path) : lstat(path)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
}

/** Refuses a file target that exists and is not a plain file (a link to a plain file is fine). */
export async function checkOutputFile(path: string): Promise<void> {
  const info = await statOrNull(path, true);
  const kind = info === null ? null : oddKind(info);
  if (kind !== null) throw new UserError(`Margin will not write to ${path}: it is ${kind}, not a file.`);
}

/** Refuses a folder target that exists and is not a folder. */
export async function checkOutputFolder(path: string): Promise<void> {
  const info = await statOrNull(path, true);
  if (info === null || info.isDirectory()) return;
  const kind = oddKind(info) ?? 'a file';
  throw new UserError(`Margin will not write into ${path}: it is ${kind}, not a folder.`);
}

/** The real path a path would have: the nearest part that exists, resolved, and the rest as named. */
async function realPathOf(path: string): Promise<string> {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(existing).catch(() => null);
    if (real !== null) return join(real, ...rest.reverse());
    const parent = dirname(existing);
    if (parent === existing) return resolve(path);
    rest.push(basename(existing));
    existing = parent;
  }
}

/** Whether `folder` is the library folder or inside it, comparing real paths. */
export async function isInsideFolder(folder: string, libraryDir: string): Promise<boolean> {
  const [inner, outer] = await Promise.all([realPathOf(folder), realPathOf(libraryDir)]);
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path));
}

export const EXPORT_INSIDE_LIBRARY = 'Margin will not write an export inside its own library folder; choose another place.';
