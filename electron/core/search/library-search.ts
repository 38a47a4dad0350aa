// Keeps the search index in step with the library and answers queries. Rather than hooking every
// change, it catches up: an article whose metadata or annotations differ from what the index
// holds is re-indexed, removed articles are dropped, and the index is saved afterwards only if
// something changed. Whether an article's annotations changed is told by their file's signature,
// which the library knows without reading the file, so a catch-up reads only the articles changed
// since the last one, one at a time, and keeps none of them.
//
// A catch-up with many articles to read (the first start over a library without an index) runs
// in the background: one article at a time, yielding to the event loop between them so the app's
// other requests are answered meanwhile, and writing the texts it indexed every few articles so
// none of them are held until the save. Until the first catch-up of this process has finished,
// `searchSoFar` answers from what is indexed with how far indexing has got; `search` waits for it
// (the CLI, which must give every result). A change made while it runs is seen by the pass after
// it: a catch-up goes round again until a pass finds nothing to read.
import type { ArticleMeta } from '../../shared/model';
import type { Library } from '../library/library';
import { SearchIndex, type SearchIndexOptions } from './search-index';
import type { SearchResult } from './types';

/** How far the index has got: `done` of the `total` articles it had to read. */
export interface IndexingProgress {
  done: number;
  total: number;
}

export interface SearchSoFar {
  results: SearchResult[];
  /** Null when the index holds the whole library; otherwise the results may miss articles. */
  indexing: IndexingProgress | null;
}

export interface LibrarySearchOptions extends SearchIndexOptions {
  /** Awaited between two articles of a catch-up; tests pass one they release step by step. */
  pace?: () => Promise<void>;
}

// Article texts written to their files every this many indexed articles, instead of all at the save.
const TEXT_FLUSH_EVERY = 50;
// Up to this many articles to read, a search catches up before answering: too few to be worth a progress line.
const INLINE_LIMIT = 20;

interface Stale {
  meta: ArticleMeta;
  /** Its annotations file's signature when the pass began ('no file' when it has none), null when uncounted. */
  stamp: string | null;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class LibrarySearch {
  /** The catch-up under way, if any; one at a time. */
  private running: Promise<void> | null = null;
  private progress: IndexingProgress | null = null;
  /** Set once a catch-up has finished in this process: the index then holds the whole library. */
  private complete = false;
  private readonly waiting = new Set<() => void>();

  private constructor(
    private readonly library: Library,
    private readonly index: SearchIndex,
    private readonly pace: () => Promise<void>,
  ) {}

  static async open(library: Library, options: LibrarySearchOptions = {}): Promise<LibrarySearch> {
    return new LibrarySearch(library, await SearchIndex.open(library.dataDir, options), options.pace ?? nextTurn);
  }

  /** How far a catch-up under way has got, or null when none is (or it is yet to count its work). */
  get indexing(): IndexingProgress | null {
    return this.progress === null ? null : { ...this.progress };
  }

  /** Starts catching up in the background (at start-up); a failure is kept for the next search to report. */
  startIndexing(): Promise<void> {
    const run = this.catchUp();
    run.catch(() => undefined);
    return run;
  }

  /** Resolves when the index holds the library as it is (after any catch-up under way, and one more pass). */
  async whenIndexed(): Promise<void> {
    if (this.running !== null) await this.running;
    await this.catchUp();
  }

  /** Resolves at the next step of the catch-up under way (an article indexed, or its end). */
  nextProgress(): Promise<void> {
    return new Promise((resolve) => this.waiting.add(resolve));
  }

  /** Every result: waits for the index to hold the whole library first. */
  async search(query: string, limit = 20): Promise<SearchResult[]> {
    await this.whenIndexed();
    return this.query(query, limit);
  }

  /**
   * Answers at once while the first catch-up is still reading the library (what is indexed, and
   * how far it has got); once it has finished, as `search`, catching up with recent changes first.
   */
  async searchSoFar(query: string, limit = 20): Promise<SearchSoFar> {
    if (!this.complete) {
      const run = this.running ?? this.startIndexing();
      // Counting the work reads no article: wait for it, so a short catch-up needs no progress line.
      while (this.running !== null && this.progress === null) await Promise.race([run, this.nextProgress()]);
      if (this.progress !== null && !this.complete) return { results: await this.query(query, limit), indexing: this.indexing };
    }
    return { results: await this.search(query, limit), indexing: null };
  }

  private query(query: string, limit: number): Promise<SearchResult[]> {
    // Trashed articles stay out of results until restored.
    const visible = new Set(this.library.articles().filter((meta) => meta.state !== 'trash').map((meta) => meta.id));
    return this.index.search(query, { limit, filter: (id) => visible.has(id), colorLabels: this.library.colorLabels });
  }

  private catchUp(): Promise<void> {
    this.running ??= this.passes().finally(() => {
      this.running = null;
      this.progress = null;
      this.announce();
    });
    return this.running;
  }

  private announce(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const resolve of waiting) resolve();
  }

  /** Passes until one finds nothing to read, then one save. */
  private async passes(): Promise<void> {
    let background = false;
    for (;;) {
      const stale = await this.stale();
      if (stale.length === 0) break;
      background ||= stale.length > INLINE_LIMIT;
      if (background) {
        this.progress = { done: 0, total: stale.length };
        this.announce();
      }
      for (const [i, article] of stale.entries()) {
        await this.reindex(article);
        if (this.progress !== null) {
          this.progress.done = i + 1;
          this.announce();
          if ((i + 1) % TEXT_FLUSH_EVERY === 0) await this.index.flushTexts();
          await this.pace();
        }
      }
    }
    if (this.index.changed) await this.index.save();
    this.complete = true;
  }

  /**
   * Drops articles the library no longer has; returns those whose entry may be out of date, each
   * with the fingerprint of its annotations, taken before they are read, so a change made
   * meanwhile is seen by the next pass.
   */
  private async stale(): Promise<Stale[]> {
    const stats = await this.library.annotationStats();
    const articles = this.library.articles();
    const present = new Set(articles.map((meta) => meta.id));
    for (const id of this.index.articleIds()) if (!present.has(id)) this.index.removeArticle(id);
    const stale: Stale[] = [];
    for (const meta of articles) {
      const counted = stats.get(meta.id);
      const stamp = counted === undefined ? null : (counted.signature ?? 'no file');
      if (stamp === null || !this.index.isCurrent(meta, stamp)) stale.push({ meta, stamp });
    }
    return stale;
  }

  /** Brings one article's entry up to date, reading its annotations and, if they or it changed, its text. */
  private async reindex({ meta, stamp }: Stale): Promise<void> {
    const { id } = meta;
    // Removed from the library since the pass began: the next pass drops it from the index.
    if (!this.library.articles().some((article) => article.id === id)) return;
    try {
      const annotations = await this.library.annotations(id);
      if (!this.index.needsUpdate({ meta, annotations })) {
        this.index.stampAnnotations(id, stamp);
        return;
      }
      this.index.upsertArticle({ meta, annotations, text: (await this.library.content(id)).text, annotationsStamp: stamp });
    } catch (error) {
      if (this.library.articles().some((article) => article.id === id)) throw error;
    }
  }
}
