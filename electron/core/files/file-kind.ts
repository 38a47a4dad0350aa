// What a path names when it is not a plain file, in the words a person knows, so a refusal can say
// what Margin found there ("a named pipe", "a device") rather than an error code.
import type { Stats } from 'node:fs';

/** The kind of a non-regular file, or null for a regular file. */
export function oddKind(info: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSymbolicLink()) return 'a link';
  return 'not a regular file';
}
