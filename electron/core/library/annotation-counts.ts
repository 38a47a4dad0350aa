// Each listed article's highlight count and tags as the library list shows them, kept in step with
// every read and save of an annotations file and saved for the next start (annotation-stats.ts
// holds the file and why it can be trusted).
import { UserError } from '../errors';
import { readAnnotationStats, statsOf, writeAnnotationStats, type AnnotationStats } from './annotation-stats';
import type { FileWriter } from './durable-write';
import { annotationsFile } from './files';
import type { AnnotationsFile } from './schemas';
import type { StoredDocument } from './stored-document';
import { signatureOnDisk } from './validated-json-adapter';
import type { WriteLock } from './write-lock';
import { SerialQueue } from './write-queue';

// Annotations files read at once when the list must recount them.
const COUNT_BATCH = 8;

export interface AnnotationCountsOptions {
  dataDir: string;
  writer: FileWriter;
  /** The lock the library holds for its lifetime (the app), if any: only then are counts trusted between checks and saved. */
  lock: WriteLock | undefined;
  /** Reads the article's annotations file (which calls `note`); a UserError says it is damaged beyond repair. */
  read: (articleId: string) => Promise<void>;
  notify: (sentence: string) => void;
}

export class AnnotationCounts {
  /** Per article, its count and tags as of one version of its annotations file; null until first needed. */
  private stats: Map<string, AnnotationStats> | null = null;
  private loading: Promise<Map<string, AnnotationStats>> | null = null;
  private changed = false;
  /** Whether every listed article's count has been checked against its file in this session. */
  private verified = false;
  private readonly saves = new SerialQueue();

  constructor(private readonly options: AnnotationCountsOptions) {}

  /**
   * The counts of the articles listed (`ids`), each checked against the signature of its file,
   * which changes whenever its annotations do. Only files changed since they were last counted
   * are read, a few at a time and not kept. An article whose file is damaged beyond repair is
   * reported once and left out.
   */
  async of(ids: readonly string[]): Promise<ReadonlyMap<string, AnnotationStats>> {
    const stats = await this.load();
    // Under the lifetime write lock (the app) no other Margin writes, and every save here updates
    // its count, so once all were checked against the disk only articles without one need a look
    // (a file changed by hand is seen when its article is next opened). Otherwise each check
    // costs a stat per article: about 15 ms at 1,000, on every listing and search.
    const trusted = this.verified && this.options.lock?.held === true;
    const unsure = trusted ? ids.filter((id) => !stats.has(id)) : ids;
    const onDisk = await Promise.all(unsure.map((id) => signatureOnDisk(annotationsFile(this.options.dataDir, id))));
    const stale = unsure.filter((id, i) => stats.get(id)?.signature !== onDisk[i]);
    for (let i = 0; i < stale.length; i += COUNT_BATCH) {
      await Promise.all(stale.slice(i, i + COUNT_BATCH).map((id) => this.recount(id)));
    }
    const listed = new Set(ids);
    for (const id of stats.keys()) if (!listed.has(id)) this.forget(id);
    this.verified = true;
    await this.save();
    return stats;
  }

  /** Records what an annotations document holds now, after any read or save of it. */
  note(articleId: string, doc: StoredDocument<AnnotationsFile>): void {
    this.stats ??= new Map();
    const previous = this.stats.get(articleId);
    const signature = doc.signature;
    if (previous?.signature === signature && previous.count === doc.data.annotations.length) return;
    this.stats.set(articleId, statsOf(signature, doc.data.annotations));
    this.changed = true;
  }

  forget(articleId: string): void {
    if (this.stats?.delete(articleId) === true) this.changed = true;
  }

  /** A damaged highlights file without a backup must not hide the whole library: it is reported and counted as none. */
  private async recount(articleId: string): Promise<void> {
    try {
      await this.options.read(articleId);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.options.notify(error.message);
      this.forget(articleId);
    }
  }

  private load(): Promise<Map<string, AnnotationStats>> {
    this.loading ??= readAnnotationStats(this.options.dataDir).then((saved) => {
      // Counts taken in this session (a save before the first listing) are newer than the file's.
      for (const [id, entry] of this.stats ?? []) saved.set(id, entry);
      this.stats = saved;
      return saved;
    });
    return this.loading;
  }

  /**
   * Saves the counts for the next start, when they changed. Only under the lifetime write lock
   * (the app): a library opened to read writes nothing. The file is derived and checked against
   * each annotations file, so a failed save costs a recount at the next start, not an error.
   */
  private save(): Promise<void> {
    const { lock, dataDir, writer } = this.options;
    if (!this.changed || this.stats === null || lock === undefined || !lock.held) return Promise.resolve();
    const stats = this.stats;
    return this.saves.run(async () => {
      if (!this.changed) return;
      this.changed = false;
      try {
        await writeAnnotationStats(dataDir, stats, writer);
      } catch {
        this.changed = true;
      }
    });
  }
}
