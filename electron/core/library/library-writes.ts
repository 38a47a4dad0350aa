// The one path every change to the library takes: one change at a time, under the data dir's
// write lock, a disk that refuses it told in one sentence, and, once every file it wrote is on
// disk (each durable write renames and syncs the folder before it resolves), the records it
// changed announced on the change feed. A change that throws announces nothing.
//
// A change from elsewhere (sync) takes the same path with origin 'remote', so its listeners can
// tell it from the person's own and nothing bypasses the lock, the queue or the feed.
import type { ArticleList } from './article-list';
import { ChangeFeed, type ChangeOrigin, type LibraryChange, type RecordedChange } from './change-feed';
import type { LibraryFile } from './schemas';
import { saveFailure } from './store-errors';
import type { StoredDocument } from './stored-document';
import type { WriteLease } from './write-lease';
import { SerialQueue } from './write-queue';

/** Given to each change: it records each record it wrote, right after that write resolves. */
export interface ChangeLog {
  record(change: RecordedChange): void;
}

export class LibraryWrites {
  readonly feed = new ChangeFeed();
  // One change at a time: each reads what it changes and writes it back, so two at once (the
  // reading position saved while the article goes to the trash) would write back each other's
  // old values. Repairs take the lock without this queue (the lease), so a change that finds a
  // damaged file can repair it without waiting for itself.
  private readonly queue = new SerialQueue();

  constructor(
    private readonly dataDir: string,
    private readonly lease: WriteLease,
    private readonly libraryDoc: StoredDocument<LibraryFile>,
    private readonly list: ArticleList,
  ) {}

  /** Runs a change and announces what it recorded once it is all on disk. */
  async run<R>(change: (log: ChangeLog) => Promise<R>, origin: ChangeOrigin = 'local'): Promise<R> {
    const changes: LibraryChange[] = [];
    const log: ChangeLog = { record: (recorded) => changes.push({ ...recorded, origin }) };
    return this.queue.run(async () => {
      const result = await this.locked(() => change(log));
      this.feed.emit(changes);
      return result;
    });
  }

  /**
   * Runs a change to a file outside the library's records (the highlight review's), in turn with
   * the library's own changes; it announces nothing.
   */
  runUnannounced<R>(change: () => Promise<R>): Promise<R> {
    return this.queue.run(() => this.locked(change));
  }

  /**
   * Holding the lock: a library from before meta.json gets those first, so its list can be
   * rebuilt from the folders from then on.
   */
  private locked<R>(change: () => Promise<R>): Promise<R> {
    return this.lease.run(async () => {
      try {
        if (!this.libraryDoc.data.foldersHoldMeta) await this.list.recordInFolders();
        return await change();
      } catch (error) {
        throw saveFailure(error, this.dataDir);
      }
    });
  }
}
