// Keeps each indexed article's text in a file of its own beside the index, for snippets only.
// The index file then holds no article text: it loads faster and stays small, and a search reads
// just the few texts its top results need. A text file is a cache of the library's article
// (its textContent), so it is checked against the hash the index recorded and is never trusted
// blindly; a lost or stale one costs a snippet, not a wrong answer.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { createDurableWriter, nodeDurableFs } from '../library/durable-write';

/** Enough of a text's identity to tell its file is the one the index was built from. */
export interface TextStamp {
  hash: string;
  length: number;
}

export function stampOf(text: string): TextStamp {
  return { hash: createHash('sha1').update(text).digest('base64url').slice(0, 16), length: text.length };
}

// Article ids become file names, so only plain ones are accepted (the model's ids are UUIDs).
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/u;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

// Whole files only, never a cut one in place of a good one; no fsync, as flush() explains.
const writeUnsynced = createDurableWriter(nodeDurableFs, { sync: false });

// Recently read texts stay in memory, so typing a query letter by letter does not re-read the
// same files; bounded by characters, as one book-length article can outweigh many short ones.
const CACHE_CHARS = 8_000_000;
// Writes run a few at a time: a rebuild writes one file per article.
const WRITE_BATCH = 16;

export class TextStore {
  /** Texts (or removals, as null) not yet on disk; they are also what `get` sees first. */
  private readonly pending = new Map<string, string | null>();
  // A text longer than the whole allowance is not kept at all.
  private readonly cache = new LRUCache<string, string>({ maxSize: CACHE_CHARS, maxEntrySize: CACHE_CHARS, sizeCalculation: (text) => Math.max(1, text.length) });

  constructor(readonly dir: string) {}

  private path(id: string): string {
    return join(this.dir, `${id}.txt`);
  }

  put(id: string, text: string): void {
    this.forget(id);
    this.pending.set(id, text);
  }

  remove(id: string): void {
    this.forget(id);
    this.pending.set(id, null);
  }

  /** Drops everything not yet written (a rebuild starts over). */
  discardPending(): void {
    this.pending.clear();
  }

  /** The text the index was built from, or null if its file is missing or is not that text. */
  async get(id: string, stamp: TextStamp): Promise<string | null> {
    const waiting = this.pending.get(id);
    if (waiting !== undefined) return waiting;
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    let text: string;
    try {
      text = await readFile(this.path(id), 'utf8');
    } catch {
      return null;
    }
    const read = stampOf(text);
    if (read.length !== stamp.length || read.hash !== stamp.hash) return null;
    this.remember(id, text);
    return text;
  }

  /** Ids whose text file exists, to notice at load which ones went missing. */
  async listed(): Promise<Set<string>> {
    try {
      const names = await readdir(this.dir);
      return new Set(names.filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)));
    } catch {
      return new Set();
    }
  }

  /**
   * Writes what is pending. Files need no fsync: the index is written after them and records each
   * text's hash, so a file a crash left short is recognised and ignored. With `keep`, files of
   * articles no longer indexed are removed too (after a rebuild).
   */
  async flush(keep?: ReadonlySet<string>): Promise<void> {
    const batch = [...this.pending];
    if (batch.length > 0 || keep !== undefined) await mkdir(this.dir, { recursive: true });
    for (let i = 0; i < batch.length; i += WRITE_BATCH) {
      await Promise.all(
        batch.slice(i, i + WRITE_BATCH).map(([id, text]) =>
          text === null ? rm(this.path(id), { force: true }) : writeUnsynced(this.path(id), text),
        ),
      );
    }
    for (const [id, text] of batch) {
      // A newer put or remove made while writing stays pending for the next flush.
      if (this.pending.get(id) !== text) continue;
      this.pending.delete(id);
      if (text !== null) this.remember(id, text);
    }
    if (keep !== undefined) {
      const stale = [...(await this.listed())].filter((id) => !keep.has(id) && !this.pending.has(id));
      await Promise.all(stale.map((id) => rm(this.path(id), { force: true })));
    }
  }

  private forget(id: string): void {
    this.cache.delete(id);
  }

  private remember(id: string, text: string): void {
    this.forget(id);
    this.cache.set(id, text);
  }
}
