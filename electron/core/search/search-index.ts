// Full-text search over a library: article titles, bylines and sites, article text (and so the
// highlighted passages in it), notes and tags, kept in step with the library one change at a
// time and persisted beside it, so opening Margin does not re-read every article. This is the
// index's public face; the work is done by its parts:
// - index-state.ts: the articles and highlights held, and how each change reaches the word index;
// - ranking.ts: which articles a query finds, best first (MiniSearch's BM25 over engine.ts);
// - match-places.ts: where in each article shown the matches are, with their snippets;
// - query-search.ts: queries with syntax ("a phrase", -word, tag:, color:);
// - index-persistence.ts and index-file.ts: the file on disk and reading it back.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Engine } from './engine';
import { INDEX_FILE_NAME, TEXT_DIR_NAME, readIndexFile, writeIndexFile, type FileWriter } from './index-file';
import type { ArticleEntry } from './index-entries';
import { adoptFile, toFile } from './index-persistence';
import { IndexState } from './index-state';
import { describe } from './match-places';
import { MAX_QUERY_CHARS, rank } from './ranking';
import { parseSearchQuery, usesSyntax } from '../../shared/search-query';
import { searchQuery, type QuerySource } from './query-search';
import { TextStore } from './text-store';
import type { SearchAnnotation, SearchArticle, SearchArticleMeta, SearchOptions, SearchResult } from './types';

export type IndexLoadState = 'loaded' | 'missing' | 'damaged';

export interface SearchIndexOptions {
  /** How the index file is written; tests pass one that fails. Durable (durable-write.ts) by default. */
  writeFile?: FileWriter;
}

const MAX_LIMIT = 500;

export class SearchIndex {
  private readonly state: IndexState;
  private savedGeneration = 0;
  /** After a rebuild, text files of articles no longer indexed are removed at the next save. */
  private sweepTexts = false;
  private rebuilt = false;
  private saving: Promise<unknown> = Promise.resolve();
  private load: IndexLoadState = 'missing';
  private problem: string | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly writeFile: FileWriter | undefined,
  ) {
    this.state = new IndexState(new TextStore(join(dataDir, TEXT_DIR_NAME)));
  }

  /** Loads `<dataDir>/search-index.json` when it is there and sound; otherwise starts empty. */
  static async open(dataDir: string, options: SearchIndexOptions = {}): Promise<SearchIndex> {
    const index = new SearchIndex(dataDir, options.writeFile);
    const read = await readIndexFile(index.path);
    if (read.state === 'loaded') {
      const problem = adoptFile(index.state, read.file);
      if (problem === null) index.load = 'loaded';
      else index.fail(problem);
    } else if (read.state === 'damaged') {
      index.fail(read.problem);
    }
    index.sweepTexts = index.load !== 'loaded';
    const listed = await index.state.texts.listed();
    for (const id of index.state.articles.keys()) if (!listed.has(id)) index.state.textMissing.add(id);
    return index;
  }

  get path(): string {
    return join(this.dataDir, INDEX_FILE_NAME);
  }

  /** How the file on disk was found when the index was opened. */
  get loadState(): IndexLoadState {
    return this.load;
  }

  /** Why a damaged index file was set aside, for a log line. */
  get loadProblem(): string | null {
    return this.problem;
  }

  /** True until `rebuild` runs when there was no sound index file to load. */
  get needsRebuild(): boolean {
    return this.load !== 'loaded' && !this.rebuilt;
  }

  /** Whether something changed since the last save (or load). */
  get changed(): boolean {
    return this.state.generation !== this.savedGeneration;
  }

  get articleCount(): number {
    return this.state.articles.size;
  }

  has(articleId: string): boolean {
    return this.state.articles.has(articleId);
  }

  articleIds(): string[] {
    return [...this.state.articles.keys()];
  }

  /**
   * Whether the index is behind this article as the library has it, judged without its text:
   * unknown article; different title, byline, site or tags; another `revision` (or, for a meta
   * without one, another `updatedAt`); a highlight added, removed or changed (by its
   * `updatedAt`); or its text file lost. For reconciling at start-up without reading every
   * article's text.
   */
  needsUpdate(article: { meta: SearchArticleMeta; annotations: readonly Pick<SearchAnnotation, 'id' | 'updatedAt'>[] }): boolean {
    return this.state.needsUpdate(article);
  }

  /**
   * Whether the index holds this article as it is, judged from its metadata and a fingerprint of
   * its annotations (anything that changes when they do, such as their file's signature) given
   * when it was last upserted or stamped: nothing is read. False means only "cannot tell without
   * reading them": `needsUpdate` then decides.
   */
  isCurrent(meta: SearchArticleMeta, annotationsStamp: string): boolean {
    return this.state.isCurrent(meta, annotationsStamp);
  }

  /** Records the fingerprint of annotations found already indexed (`needsUpdate` said so), for `isCurrent`. */
  stampAnnotations(articleId: string, annotationsStamp: string | null): void {
    this.state.stampAnnotations(articleId, annotationsStamp);
  }

  /** Indexes an article with its highlights, or brings an indexed one up to date (only what changed). */
  upsertArticle(article: SearchArticle): void {
    this.state.upsertArticle(article);
  }

  /** Forgets an article and its highlights. False if it was not indexed. */
  removeArticle(articleId: string): boolean {
    return this.state.removeArticle(articleId);
  }

  /**
   * Indexes a new or edited highlight of an indexed article; its position should be the library's
   * current one. False (and nothing done) if the article is not indexed: upsert the article.
   */
  upsertAnnotation(annotation: SearchAnnotation): boolean {
    return this.state.upsertAnnotation(annotation);
  }

  /** Forgets a highlight and its note. False if it was not indexed. */
  removeAnnotation(annotationId: string): boolean {
    return this.state.removeAnnotation(annotationId);
  }

  /**
   * Starts over from the library: for a missing or damaged index, or on request. Articles may be
   * streamed (an async iterable), so the caller need not hold every article's text at once.
   */
  async rebuild(articles: Iterable<SearchArticle> | AsyncIterable<SearchArticle>): Promise<void> {
    this.state.clear();
    this.state.texts.discardPending();
    this.sweepTexts = true;
    for await (const article of articles) this.state.upsertArticle(article);
    this.rebuilt = true;
    this.state.touch();
  }

  /**
   * Writes the index if it changed: article texts first, then the index file durably, so the
   * index never names a text that was not written. Saves run one after another. True if written.
   * The index is serialised in one go on the calling thread (see the benchmark for how long), so
   * call it when idle or after a burst of edits, not after every keystroke.
   */
  save(): Promise<boolean> {
    const run = this.saving.then(() => this.write());
    this.saving = run.catch(() => undefined);
    return run;
  }

  /** Writes the article texts waiting for the next save, so a long build holds none of them in memory. */
  flushTexts(): Promise<void> {
    const run = this.saving.then(() => this.state.texts.flush());
    this.saving = run.catch(() => undefined);
    return run;
  }

  /**
   * Articles holding every word of `query` (in their title, byline, site, text, notes or tags),
   * best first, each with its best few places and their snippets. When no article holds them
   * all, those holding the most of them. Words match by prefix and with a typo, accents and case
   * aside. A query with "phrases", -left-out words, tag: or color: (search-query.ts) is answered
   * by query-search.ts, which checks the candidates against their text.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? 20)));
    const perArticle = Math.max(1, Math.min(50, Math.floor(options.matchesPerArticle ?? 3)));
    const parsed = parseSearchQuery(query.slice(0, MAX_QUERY_CHARS));
    if (usesSyntax(parsed)) return searchQuery(this.querySource(perArticle), parsed, { limit, perArticle, filter: options.filter, colorLabels: options.colorLabels });
    const found = rank(this.state.engine, this.state.articles, query, options.filter).slice(0, limit);
    return Promise.all(found.map((hits) => describe(hits, perArticle, this.text)));
  }

  /** What query-search.ts checks a query with syntax against: candidates, every article, their texts. */
  private querySource(perArticle: number): QuerySource {
    const text = this.text;
    return {
      rank: (words, filter) =>
        rank(this.state.engine, this.state.articles, words, filter).map((hits) => ({ article: hits.article, score: hits.score, describe: () => describe(hits, perArticle, text) })),
      articles: () => this.state.articles.values(),
      text: async (articleId) => {
        const article = this.state.articles.get(articleId);
        return article === undefined ? null : this.state.text(article);
      },
    };
  }

  private readonly text = (article: ArticleEntry): Promise<string | null> => this.state.text(article);

  private fail(problem: string): void {
    this.state.clear();
    this.load = 'damaged';
    this.problem = problem;
  }

  private async write(): Promise<boolean> {
    if (!this.changed) return false;
    const generation = this.state.generation;
    const sweep = this.sweepTexts;
    const file = toFile(this.state);
    await this.state.texts.flush(sweep ? new Set(this.state.articles.keys()) : undefined);
    await mkdir(this.dataDir, { recursive: true });
    await writeIndexFile(this.path, file, this.writeFile);
    this.savedGeneration = generation;
    if (sweep) {
      this.sweepTexts = false;
      // An index just built holds every word's documents as open maps, several times what the
      // file form takes; the app would keep them for as long as it runs. If nothing changed
      // while saving, the engine is swapped for the file form just written, as a later start
      // would load it.
      if (this.state.generation === generation) this.state.engine = Engine.fromCompact(file.engine);
    }
    return true;
  }
}
