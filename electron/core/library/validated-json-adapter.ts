// Margin's lowdb adapter, through which every store file is read and written (library.json, each
// article's annotations.json and meta.json, annotation-stats.json, search-index.json, review.json), each held
// by a lowdb `Low`. lowdb's JSONFile writes through steno (temp file and rename, no fsync) and lets
// JSON.parse throw on a damaged file; this one checks (and migrates) what it reads, refuses to
// write what it would not read back, and acknowledges a write only once it is on disk
// (durable-write.ts: every byte, fsync, rename, fsync of the folder). Writes to one file run one
// at a time, and with a backup set the file's earlier good versions are kept.
import { open, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { UserError } from '../errors';
import type { BackupSet } from './backups';
import { durableWrite, isLeftoverTemp, type FileWriter } from './durable-write';
import { DamagedFileError, decodeJson, encodeJson, type JsonFormat } from './json-codec';
import { SerialQueue } from './write-queue';

export interface AdapterOptions {
  writer?: FileWriter;
  /** Where earlier versions go: the one found on disk before this session's first save, and every `backupEvery` saves. */
  backups?: BackupSet | null;
  backupEvery?: number;
  /** Files larger than this are refused on write, and read as damaged (Margin never wrote them). */
  maxBytes?: number;
  tooLargeMessage?: string;
}

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** Identifies one version of a file: a durable write replaces the file, so each gets a new inode. */
export type Signature = string;
const signatureOf = (info: { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint }): Signature =>
  `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`;

/** The signature of the file now on disk, or null when there is none: equal to a `signature` read or written earlier only if nobody has replaced the file since. */
export async function signatureOnDisk(path: string): Promise<Signature | null> {
  try {
    return signatureOf(await stat(path, { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function openIfThere(path: string) {
  return open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

export class ValidatedJsonAdapter<T> implements Adapter<T> {
  readonly fileName: string;
  private readonly queue = new SerialQueue();
  private readonly writer: FileWriter;
  /** Saves since the last backup; null until this session's first save. */
  private savesSinceBackup: number | null = null;
  private signature: Signature | null = null;
  private swept = false;

  constructor(
    readonly path: string,
    readonly format: JsonFormat<T>,
    private readonly options: AdapterOptions = {},
  ) {
    this.fileName = basename(path);
    this.writer = options.writer ?? durableWrite;
  }

  /** The version last read or written here (null: there was no file). */
  get lastSignature(): Signature | null {
    return this.signature;
  }

  decode(text: string, path = this.path): T {
    return decodeJson(path, this.fileName, text, this.format);
  }

  /** The checked contents, or null when there is no file. Throws DamagedFileError when it cannot be used. */
  async read(): Promise<T | null> {
    const found = await this.readText();
    if (found === null) {
      this.signature = null;
      return null;
    }
    const value = this.decode(found.text);
    this.signature = found.signature;
    return value;
  }

  /** The raw bytes on disk (to keep a damaged file aside), or null when there is none. */
  async readBytes(): Promise<Uint8Array | null> {
    const handle = await openIfThere(this.path);
    if (handle === null) return null;
    try {
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  }

  /**
   * Saves data durably, after checking it with the schema the file is read with: what would not
   * read back is refused, never written. It is checked at the call, and what is written is zod's
   * checked copy, so a change made to data meanwhile is not half-written and the file holds
   * exactly what a read gives back.
   */
  async write(data: T): Promise<void> {
    const checked = this.checkReadable(data);
    // For the search index (100,000 highlights) checking and serialising each take a few hundred
    // milliseconds; other work runs between them rather than waiting for both.
    await new Promise((resolve) => setImmediate(resolve));
    const text = encodeJson(checked, this.format.compact);
    await this.queue.run(() => this.save(text));
  }

  /** Whether someone else replaced the file since it was last read or written here. */
  async changedOnDisk(): Promise<boolean> {
    return (await signatureOnDisk(this.path)) !== this.signature;
  }

  private async readText(): Promise<{ text: string; signature: Signature } | null> {
    const handle = await openIfThere(this.path);
    if (handle === null) return null;
    try {
      // The signature comes from the open file, so it names exactly the version read.
      const info = await handle.stat({ bigint: true });
      if (info.size > BigInt(this.options.maxBytes ?? NO_LIMIT)) throw new DamagedFileError(this.path, 'too large');
      return { text: await handle.readFile('utf8'), signature: signatureOf(info) };
    } finally {
      await handle.close();
    }
  }

  /**
   * Removes temp files a killed writer left beside this file. Saves run under the write lock, so
   * no other process is writing one now.
   */
  private async sweepTempFiles(): Promise<void> {
    this.swept = true;
    const names = await readdir(dirname(this.path)).catch(() => []);
    const leftover = (name: string) => isLeftoverTemp(this.fileName, name);
    await Promise.all(names.filter(leftover).map((name) => rm(join(dirname(this.path), name), { force: true })));
  }

  private checkReadable(data: T): T {
    const parsed = this.format.schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new UserError(`Margin refused to save ${this.fileName} because part of it${where} would not read back (${issue?.message ?? 'unexpected contents'}), so nothing was changed.`);
  }

  /**
   * Keeps the version about to be replaced as a backup, when it is the one last read or written
   * here (so known to be good); it is read again rather than held, since the Low holds its data.
   */
  private async backUpVersionOnDisk(backups: BackupSet): Promise<void> {
    if (this.signature === null) return;
    const found = await this.readText();
    if (found !== null && found.signature === this.signature) await backups.save(found.text);
  }

  private async save(text: string): Promise<void> {
    if (Buffer.byteLength(text) > (this.options.maxBytes ?? NO_LIMIT)) {
      throw new UserError(this.options.tooLargeMessage ?? `${this.fileName} would be larger than Margin allows, so it was not saved.`);
    }
    if (!this.swept) await this.sweepTempFiles();
    const backups = this.options.backups ?? null;
    if (backups !== null && this.savesSinceBackup === null) {
      await this.backUpVersionOnDisk(backups);
      this.savesSinceBackup = 0;
    }
    await this.writer(this.path, text);
    this.signature = await signatureOnDisk(this.path);
    this.savesSinceBackup = (this.savesSinceBackup ?? 0) + 1;
    if (backups !== null && this.savesSinceBackup >= (this.options.backupEvery ?? NO_LIMIT)) {
      await backups.save(text);
      this.savesSinceBackup = 0;
    }
  }
}
