// What a backup archive may hold. A .tar.gz can name any path and any kind of entry, and a
// restore writes what it names, so before anything is written every entry is checked: only plain
// files and folders, only relative paths that stay inside the target folder. tar's own guards
// (stripping `/`, skipping `..`) would quietly restore a different tree; Margin refuses instead.
import { UserError } from '../errors';

export class BackupError extends UserError {
  override name = 'BackupError';
}

const ALLOWED_TYPES = new Set(['File', 'OldFile', 'Directory']);

/** Why an entry may not be restored, or null when it may. */
export function entryProblem(path: string, type: string): string | null {
  if (!ALLOWED_TYPES.has(type)) return `${path}: a ${type} entry (only files and folders are restored)`;
  if (path === '' || path.includes('\0')) return `${JSON.stringify(path)}: an empty or NUL-containing path`;
  if (path.includes('\\')) return `${path}: a backslash, which Windows would read as a folder separator`;
  if (path.startsWith('/') || /^[a-z]:/iu.test(path)) return `${path}: an absolute path`;
  if (path.split('/').includes('..')) return `${path}: a path leading out of the folder (..)`;
  return null;
}

/** An archive path with `./` steps and trailing slashes removed, for comparing names. */
export function normalEntryPath(path: string): string {
  return path
    .split('/')
    .filter((step) => step !== '' && step !== '.')
    .join('/');
}

/** The one file that marks a folder as a Margin library (DESIGN.md, "Data on disk"). */
export const LIBRARY_MARKER = 'library.json';
