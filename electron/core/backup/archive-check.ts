// The first reading of a backup archive, before anything is written: every entry's kind and path
// (archive-rules.ts), the total it unpacks to against the room there is (unpack-room.ts), and the
// files the store reads with a schema, read out of the archive one at a time and checked
// (archive-store-files.ts). Reading stops as soon as the declared sizes pass the room, so an
// archive claiming terabytes is refused from its headers alone.
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { list, type ReadEntry } from 'tar';
import { isLibraryPath } from '../library/library-layout';
import { BackupError, LIBRARY_MARKER, entryProblem, normalEntryPath } from './archive-rules';
import { MAX_STORE_FILE_BYTES, judgeStoreFile, storeFileAt } from './archive-store-files';
import { sizeText, type UnpackRoom } from './unpack-room';

export interface ArchiveCheck {
  files: number;
  /** Top-level names in the archive that are not part of a Margin library, left out. */
  leftOut: string[];
  /** Derived files (search index, counts) that did not check: left out, the library rebuilds them. */
  rebuilt: string[];
}

export const isRestored = (path: string, type: string) => isLibraryPath(normalEntryPath(path).split('/'), type === 'Directory');

class TooLarge extends Error {}

const CHUNK_BYTES = 1024 * 1024;

/**
 * The archive's bytes from its start, read from the open file by position, so it can be read twice
 * (checked, then unpacked) and the stream destroyed early without closing the file (fs read
 * streams close their descriptor when destroyed).
 */
export function archiveBytes(archive: FileHandle): Readable {
  return Readable.from(
    (async function* () {
      for (let position = 0; ; ) {
        const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        const { bytesRead } = await archive.read(chunk, 0, CHUNK_BYTES, position);
        if (bytesRead === 0) return;
        position += bytesRead;
        yield chunk.subarray(0, bytesRead);
      }
    })(),
    { objectMode: false },
  );
}

/** Collects a store file's text as the parser reads it, then judges it. */
function checkStoreFile(entry: ReadEntry, path: string, verdict: (text: string | null) => void): void {
  const chunks: Buffer[] = [];
  let length = 0;
  let overCap = entry.size > MAX_STORE_FILE_BYTES;
  entry.on('data', (chunk: Buffer) => {
    if (overCap) return;
    length += chunk.length;
    if (length > MAX_STORE_FILE_BYTES) overCap = true;
    else chunks.push(chunk);
  });
  entry.on('end', () => verdict(overCap ? null : Buffer.concat(chunks).toString('utf8')));
}

/** Reads the archive from the open file; throws BackupError in one sentence (or a list of unsafe entries). */
export async function checkArchive(archive: FileHandle, archiveFile: string, room: UnpackRoom): Promise<ArchiveCheck> {
  const name = basename(archiveFile);
  const problems: string[] = [];
  const refusals: string[] = [];
  const leftOut = new Set<string>();
  const rebuilt: string[] = [];
  let files = 0;
  let bytes = 0;
  let hasLibrary = false;
  const parser = list({
    strict: true,
    onReadEntry: (entry) => {
      const problem = entryProblem(entry.path, entry.type);
      if (problem !== null) problems.push(problem);
      const path = normalEntryPath(entry.path);
      if (!isRestored(entry.path, entry.type)) leftOut.add(path.split('/')[0] ?? entry.path);
      else if (entry.type !== 'Directory') {
        files++;
        bytes += entry.size ?? 0;
        if (bytes > room.bytes) parser.abort(new TooLarge());
        const storeFile = problem === null ? storeFileAt(path) : null;
        if (storeFile !== null) {
          checkStoreFile(entry, path, (text) => {
            const verdict = judgeStoreFile(storeFile, path, text);
            if (verdict.status === 'refused') refusals.push(verdict.why);
            if (verdict.status === 'left out') rebuilt.push(path);
          });
        }
      }
      if (path === LIBRARY_MARKER && entry.type !== 'Directory') hasLibrary = true;
    },
  });
  const stream = archiveBytes(archive);
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('end', resolve).on('error', reject).on('abort', reject);
      stream.on('error', reject);
      stream.pipe(parser);
    });
  } catch (error) {
    if (bytes > room.bytes) {
      const limit = room.reason === 'disk' ? `the ${sizeText(room.bytes)} free on the disk it would go to` : `the ${sizeText(room.bytes)} Margin restores at most`;
      throw new BackupError(`${name} was not restored: it unpacks to more than ${limit}, so nothing was written.`);
    }
    throw new BackupError(`${name} is not a readable .tar.gz backup (${(error as Error).message}).`);
  } finally {
    stream.destroy();
  }
  if (problems.length > 0) {
    throw new BackupError(`Refusing to restore ${archiveFile}; it holds unsafe entries:\n${problems.slice(0, 10).join('\n')}`);
  }
  if (!hasLibrary) throw new BackupError(`${archiveFile} is not a Margin backup (no ${LIBRARY_MARKER}).`);
  const [first] = refusals;
  if (first !== undefined) {
    const more = refusals.length > 1 ? ` (and ${refusals.length - 1} more file${refusals.length === 2 ? '' : 's'})` : '';
    throw new BackupError(`${name} was not restored, and the current library stays as it is: ${first}${more}.`);
  }
  return { files, leftOut: [...leftOut].sort(), rebuilt: rebuilt.sort() };
}
