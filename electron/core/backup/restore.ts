// `margin restore FILE` (issue 5, item 6): a backup archive back into a data dir. Every entry is
// checked before anything is written (archive-rules.ts); the archive is unpacked into a staging
// folder beside the target and only then renamed into place, so a bad or truncated archive leaves
// the target as it was. A data dir that is not empty is refused unless forced, and even then it
// is moved aside, never deleted: restoring the wrong backup must not cost the library.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { extract, list } from 'tar';
import { BackupError, LIBRARY_MARKER, entryProblem, normalEntryPath } from './archive-rules';

export interface RestoreOptions {
  /** Restore over a data dir that is not empty, moving its contents aside first. */
  force?: boolean;
  /** The clock for the aside folder's name; a parameter so tests can fix it. */
  now?: () => Date;
}

export interface RestoreReport {
  dataDir: string;
  files: number;
  /** Where the previous contents went, when there were any. */
  previousDataDir: string | null;
}

type TargetState = 'missing' | 'empty' | 'full';

async function targetState(dataDir: string): Promise<TargetState> {
  const info = await stat(dataDir).catch(() => null);
  if (info === null) return 'missing';
  if (!info.isDirectory()) throw new BackupError(`${dataDir} exists and is not a folder.`);
  return (await readdir(dataDir)).length === 0 ? 'empty' : 'full';
}

/** Reads the archive's headers only; throws listing what makes it unsafe or not a backup. */
async function checkArchive(archiveFile: string): Promise<number> {
  const problems: string[] = [];
  let files = 0;
  let hasLibrary = false;
  try {
    await list({
      file: archiveFile,
      strict: true,
      onReadEntry: (entry) => {
        const problem = entryProblem(entry.path, entry.type);
        if (problem !== null) problems.push(problem);
        if (entry.type !== 'Directory') files++;
        if (normalEntryPath(entry.path) === LIBRARY_MARKER && entry.type !== 'Directory') hasLibrary = true;
      },
    });
  } catch (error) {
    throw new BackupError(`${archiveFile} is not a readable .tar.gz backup: ${(error as Error).message}`);
  }
  if (problems.length > 0) {
    throw new BackupError(`Refusing to restore ${archiveFile}; it holds unsafe entries:\n${problems.slice(0, 10).join('\n')}`);
  }
  if (!hasLibrary) throw new BackupError(`${archiveFile} is not a Margin backup (no ${LIBRARY_MARKER}).`);
  return files;
}

async function freeName(base: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    if ((await stat(candidate).catch(() => null)) === null) return candidate;
  }
}

export async function restoreDataDir(archiveFile: string, dataDir: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const target = resolve(dataDir);
  const state = await targetState(target);
  if (state === 'full' && options.force !== true) {
    throw new BackupError(`${target} is not empty. Restore into an empty folder, or force it to move the current contents aside.`);
  }
  const files = await checkArchive(archiveFile);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  try {
    await extract({
      file: archiveFile,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      // Checked again while unpacking: the file could have changed since it was read.
      filter: (path, entry) => 'type' in entry && entryProblem(path, entry.type) === null,
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new BackupError(`Could not unpack ${archiveFile}: ${(error as Error).message}`);
  }
  let previousDataDir: string | null = null;
  if (state === 'full') {
    const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/gu, '-');
    previousDataDir = await freeName(`${target}.before-restore-${stamp}`);
    await rename(target, previousDataDir);
  } else if (state === 'empty') {
    await rmdir(target);
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (previousDataDir !== null) await rename(previousDataDir, target).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { dataDir: target, files, previousDataDir };
}
