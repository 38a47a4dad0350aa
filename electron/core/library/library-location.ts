// The app's library lives in <userData>/Library, a folder of its own: Electron's userData also
// holds Chromium's lock links, caches and cookies. Margin 0.1 kept the library at the top of
// userData; the first start of a later version moves it in, entry by entry, each a rename on the
// same disk (nothing is copied, so nothing is ever in two places at once), only Margin's own
// entries (library-layout.ts) and never Chromium's.
//
// Crash safety: before the first rename a marker (MOVE_MARKER, in userData) names the entries to
// move; it goes only once every entry is in its new place. A start that finds the marker finishes
// the move. A move that fails puts back what it had moved and opens the library where it was,
// saying so; if even that fails the marker stays and the person is told that starting again
// finishes the move. Both folders' write locks are held throughout, so no app or command writes
// to either side meanwhile. No well-kept package makes a resumable move of chosen entries, so
// the steps are written out here.
import * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors';
import { durableWrite, syncFolder } from './durable-write';
import { libraryEntries } from './library-layout';
import { LockBusyError, acquireWriteLock, type WriteLock } from './write-lock';

export const LIBRARY_FOLDER_NAME = 'Library';
export const MOVE_MARKER = 'library-move.json';

export const libraryFolderIn = (userData: string) => join(userData, LIBRARY_FOLDER_NAME);

/** The file operations the move makes, so tests can make one fail midway. */
export interface MoveFs {
  rename(from: string, to: string): Promise<void>;
}

export interface LibraryLocation {
  /** The folder to open the library in. */
  dataDir: string;
  /** One sentence for the person about what happened to their library, or null. */
  notice: string | null;
}

export interface LocateOptions {
  fs?: MoveFs;
  /** How long to wait for a running writer before saying "Margin is open". */
  waitMs?: number;
}

const MarkerSchema = z.object({ moving: z.array(z.string().refine((name) => libraryEntries([name]).length === 1)) }).strict();

const exists = (path: string) =>
  fsPromises.lstat(path).then(
    () => true,
    () => false,
  );

/** Whether userData holds a library of the old shape: its list or its article folders. */
const holdsOldLibrary = async (userData: string) => (await exists(join(userData, 'library.json'))) || (await exists(join(userData, 'articles')));

/** Margin's own entries at the top of a folder, in the order a move takes them. */
const entriesIn = async (folder: string) => libraryEntries(await fsPromises.readdir(folder).catch(() => []));

async function readMarker(userData: string): Promise<string[] | null> {
  let text: string;
  try {
    text = await fsPromises.readFile(join(userData, MOVE_MARKER), 'utf8');
  } catch {
    return null;
  }
  try {
    return MarkerSchema.parse(JSON.parse(text)).moving;
  } catch {
    // The marker is written whole or not at all; one that does not read still means a move
    // began, and what it moves is every entry of Margin's on either side.
    return libraryEntries([...new Set([...(await entriesIn(userData)), ...(await entriesIn(libraryFolderIn(userData)))])]);
  }
}

async function removeMarker(userData: string): Promise<void> {
  await fsPromises.rm(join(userData, MOVE_MARKER), { force: true });
  await syncFolder(userData);
}

const inBoth = (name: string, from: string, to: string) => new UserError(`${name} is in both ${from} and ${to}`);

/**
 * Moves each entry still at `from` to `to`. An entry found in both places stops the move forward;
 * moving back it is left where it is (it was not this move's to take back).
 */
async function moveEntries(entries: readonly string[], from: string, to: string, fs: MoveFs, direction: 'forward' | 'back'): Promise<void> {
  for (const name of entries) {
    const source = join(from, name);
    const target = join(to, name);
    if (!(await exists(source))) continue;
    if (await exists(target)) {
      if (direction === 'back') continue;
      throw inBoth(name, from, to);
    }
    await fs.rename(source, target);
  }
  await syncFolder(to);
  await syncFolder(from);
}

const reasonFor = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/u, '');

/**
 * Where the app's library is, given Electron's userData: <userData>/Library, after moving a
 * library of Margin 0.1 there (or finishing a move that stopped). Throws a UserError only when
 * the library is left split between the two folders, with the marker kept to finish it later.
 */
export async function locateLibrary(userData: string, options: LocateOptions = {}): Promise<LibraryLocation> {
  const library = libraryFolderIn(userData);
  if ((await readMarker(userData)) === null && !(await holdsOldLibrary(userData))) return { dataDir: library, notice: null };
  const waitMs = options.waitMs ?? 0;
  const oldLock = await acquireWriteLock(userData, { waitMs });
  let location: LibraryLocation;
  try {
    let newLock: WriteLock;
    try {
      newLock = await acquireWriteLock(library, { waitMs });
    } catch (error) {
      if (error instanceof LockBusyError) throw error;
      // The new folder cannot be made or written: the library stays where it is, as it is.
      return { dataDir: userData, notice: notMoved(library, reasonFor(error)) };
    }
    try {
      location = await moveUnderLocks(userData, library, options.fs ?? { rename: fsPromises.rename });
    } finally {
      await newLock.release();
    }
  } finally {
    await oldLock.release();
  }
  // A move that did not happen leaves no empty folder behind (rmdir takes only an empty one).
  if (location.dataDir === userData) await fsPromises.rmdir(library).catch(() => undefined);
  return location;
}

const notMoved = (library: string, reason: string) => `Margin could not move your library into ${library} (${reason}), so it opened it where it was.`;

async function moveUnderLocks(userData: string, library: string, fs: MoveFs): Promise<LibraryLocation> {
  // Looked at again under the locks: another process may have moved it meanwhile.
  let moving = await readMarker(userData);
  if (moving === null) {
    if (!(await holdsOldLibrary(userData))) return { dataDir: library, notice: null };
    if (await holdsOldLibrary(library)) {
      return { dataDir: library, notice: `An older Margin library is still in ${userData}; Margin opened the one in ${library} and left the older one as it was.` };
    }
    moving = await entriesIn(userData);
    for (const name of moving) if (await exists(join(library, name))) return { dataDir: userData, notice: notMoved(library, inBoth(name, userData, library).message) };
    try {
      await durableWrite(join(userData, MOVE_MARKER), JSON.stringify({ moving }));
    } catch (error) {
      await fsPromises.rm(join(userData, MOVE_MARKER), { force: true }).catch(() => undefined);
      return { dataDir: userData, notice: notMoved(library, reasonFor(error)) };
    }
  }
  try {
    await moveEntries(moving, userData, library, fs, 'forward');
    await removeMarker(userData);
    return { dataDir: library, notice: `Margin moved your library into its own folder, ${library}.` };
  } catch (error) {
    const reason = reasonFor(error);
    try {
      await moveEntries([...moving].reverse(), library, userData, fs, 'back');
      await removeMarker(userData);
    } catch {
      throw new UserError(`Margin could not finish moving your library into ${library} (${reason}); nothing was deleted, and starting Margin again finishes the move.`);
    }
    return { dataDir: userData, notice: notMoved(library, reason) };
  }
}
