// One JSON file of the library held in memory by a lowdb `Low` over the validating adapter:
// loaded once, refreshed when another writer replaced it, changed only through read-modify-write
// steps that run one at a time, and put back from its newest good backup (with one sentence for
// the person) when it is found damaged.
import { relative } from 'node:path';
import { Low } from 'lowdb';
import { UserError } from '../errors';
import { fileStamp, type BackupSet } from './backups';
import type { FileWriter } from './durable-write';
import { DamagedFileError } from './json-codec';
import { saveFailure } from './store-errors';
import type { Signature, ValidatedJsonAdapter } from './validated-json-adapter';
import { SerialQueue } from './write-queue';

/** Runs a step while holding the data dir's write lock. */
export type WriteGuard = <R>(step: () => Promise<R>) => Promise<R>;

export interface DocumentOptions<T> {
  file: ValidatedJsonAdapter<T>;
  backups: BackupSet;
  empty: () => T;
  dataDir: string;
  /** How the person knows this file, at the start of a sentence: "library.json", "The highlights file of “Title”". */
  label: string;
  guard: WriteGuard;
  writer: FileWriter;
  notify: (sentence: string) => void;
  clock?: () => Date;
  /** For a file that can be rebuilt from other files (library.json from the article folders): preferred to its backups, which are only older copies. */
  rebuild?: Rebuilder<T>;
}

export interface Rebuilder<T> {
  /** Whether there is anything to rebuild from, when the file is missing. */
  available(): Promise<boolean>;
  /** The rebuilt value and how, as the end of a sentence ("rebuilt the list ..."), or null when there is nothing to rebuild from. */
  build(backup: { value: T; when: string } | null): Promise<{ value: T; how: string } | null>;
}

function localTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

export class StoredDocument<T> {
  private readonly db: Low<T>;
  private readonly queue = new SerialQueue();

  private constructor(private readonly options: DocumentOptions<T>) {
    this.db = new Low(options.file, options.empty());
  }

  static async open<T>(options: DocumentOptions<T>): Promise<StoredDocument<T>> {
    const document = new StoredDocument(options);
    await document.queue.run(() => document.load());
    return document;
  }

  /** The value as last read or durably written. */
  get data(): T {
    return this.db.data;
  }

  /** Which version of the file `data` is (null: there was no file), comparable with `signatureOnDisk`. */
  get signature(): Signature | null {
    return this.options.file.lastSignature;
  }

  /** Reads the file again if another writer replaced it. */
  refresh(): Promise<void> {
    return this.queue.run(() => this.reloadIfChanged());
  }

  /**
   * Applies change to the newest contents and saves the result durably; resolves once it is on
   * disk. The caller holds the write lock. If the save fails, memory and file stay as they were.
   */
  update(change: (current: T) => T): Promise<T> {
    return this.queue.run(async () => {
      await this.reloadIfChanged();
      const next = change(this.db.data);
      await this.save(next);
      return next;
    });
  }

  /**
   * lowdb's `write` saves `data` as it is; here the new value goes to the adapter first and
   * becomes `data` only once it is on disk, so a failed save leaves memory as it was and nothing
   * reads a change that may yet be refused.
   */
  private async save(next: T): Promise<void> {
    try {
      await this.db.adapter.write(next);
    } catch (error) {
      throw saveFailure(error, this.options.dataDir);
    }
    this.db.data = next;
  }

  private async reloadIfChanged(): Promise<void> {
    if (await this.options.file.changedOnDisk()) await this.load();
  }

  private async load(): Promise<void> {
    let damaged = false;
    try {
      await this.db.read();
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      damaged = true;
    }
    // lowdb keeps the data it had when there is no file; here a file removed means empty.
    const missing = !damaged && this.options.file.lastSignature === null;
    // Only a missing file with backups, or a damaged one, needs repair; repair writes, so it runs
    // under the lock and looks again first, in case another writer repaired it meanwhile.
    if (damaged || (missing && (await this.repairable()))) this.db.data = await this.options.guard(() => this.repair());
    else if (missing) this.db.data = this.options.empty();
  }

  private async repairable(): Promise<boolean> {
    return (await this.options.backups.list()).length > 0 || ((await this.options.rebuild?.available()) ?? false);
  }

  private async repair(): Promise<T> {
    const { file, backups, label } = this.options;
    let damage: DamagedFileError | null = null;
    try {
      const value = await file.read();
      if (value !== null) return value;
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      damage = error;
    }
    // Backups are decoded with the file's schema: a backup cut short is skipped, never put back.
    const good = await backups.newestGood((text, path) => file.decode(text, path));
    const rebuilt = (await this.options.rebuild?.build(good === null ? null : { value: good.value, when: localTime(good.backup.takenAt) })) ?? null;
    if (rebuilt !== null) {
      await this.replace(damage, rebuilt.how, rebuilt.value);
      return rebuilt.value;
    }
    if (good === null) {
      if (damage === null) return this.options.empty();
      throw new UserError(`${label} is damaged (${damage.damage}) and Margin has no good backup of it, so it left the file as it was.`);
    }
    const since = `restored the backup from ${localTime(good.backup.takenAt)}, so changes made after that time are missing`;
    await this.replace(damage, since, good.value);
    return good.value;
  }

  /** Puts a repaired file in place and tells the person, keeping the damaged one aside first. */
  private async replace(damage: DamagedFileError | null, how: string, value: T): Promise<void> {
    const { file, label, dataDir } = this.options;
    try {
      let sentence = `${label} was missing; Margin ${how}.`;
      if (damage !== null) {
        // The damaged file is copied aside before it is replaced, so nothing is lost even if this
        // is interrupted.
        const bytes = await file.readBytes();
        const aside = `${file.path}.damaged-${fileStamp((this.options.clock ?? (() => new Date()))())}`;
        if (bytes !== null) await this.options.writer(aside, bytes);
        sentence = `${label} was damaged (${damage.damage}); Margin kept it as ${relative(dataDir, aside)} and ${how}.`;
      }
      await file.write(value);
      this.options.notify(sentence);
    } catch (error) {
      throw saveFailure(error, dataDir);
    }
  }
}
