// The last few good versions of one file, kept beside it in a backups/ folder, so a file found
// damaged can be put back as it was instead of starting over empty. Written by hand: rotation
// packages rotate logs by renaming the live file, which would leave a moment with no file at all;
// here each version is a new durable copy and the live file is never moved.
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileWriter } from './durable-write';

export interface BackupPolicy {
  /** How many versions to keep. */
  keep: number;
  /** A version is also kept after every this many saves of the file. */
  every: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { keep: 5, every: 20 };

export interface Backup {
  path: string;
  takenAt: Date;
}

// 2025-11-25T16:08:44.123Z <-> 20251125T160844123Z: sorts by time and is a valid name everywhere.
const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/u;
export const fileStamp = (date: Date) => date.toISOString().replace(/[-:.]/gu, '');

function parseStamp(stamp: string): Date | null {
  const m = STAMP.exec(stamp);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export class BackupSet {
  readonly folder: string;
  private readonly prefix: string;

  constructor(
    readonly file: string,
    private readonly writer: FileWriter,
    private readonly keep: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.folder = join(dirname(file), 'backups');
    this.prefix = `${basename(file, '.json')}-`;
  }

  /** Backups, newest first. */
  async list(): Promise<Backup[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: Backup[] = [];
    for (const name of names) {
      if (!name.startsWith(this.prefix) || !name.endsWith('.json')) continue;
      const takenAt = parseStamp(name.slice(this.prefix.length, -'.json'.length));
      if (takenAt !== null) found.push({ path: join(this.folder, name), takenAt });
    }
    return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  }

  /** Keeps text as the newest version, unless it is the newest already; drops the oldest beyond `keep`. */
  async save(text: string): Promise<void> {
    const existing = await this.list();
    const newest = existing[0];
    if (newest !== undefined && (await readFile(newest.path, 'utf8').catch(() => null)) === text) return;
    // Names must keep sorting by time even when two saves fall in the same millisecond.
    const now = this.clock().getTime();
    const takenAt = new Date(newest === undefined ? now : Math.max(now, newest.takenAt.getTime() + 1));
    await mkdir(this.folder, { recursive: true });
    await this.writer(join(this.folder, `${this.prefix}${fileStamp(takenAt)}.json`), text);
    await Promise.all(existing.slice(Math.max(0, this.keep - 1)).map((old) => rm(old.path, { force: true })));
  }

  /** The newest backup that decodes, with its value; damaged backups are skipped. */
  async newestGood<T>(decode: (text: string, path: string) => T): Promise<{ backup: Backup; text: string; value: T } | null> {
    for (const backup of await this.list()) {
      try {
        const text = await readFile(backup.path, 'utf8');
        return { backup, text, value: decode(text, backup.path) };
      } catch {
        // Try the next older one.
      }
    }
    return null;
  }
}
