// The library: article metadata in library.json, each article's body and annotations in its own
// folder, so saving a highlight rewrites only that article's annotations.json. Every save is on
// disk before it is acknowledged, happens under the data dir's write lock, and starts from the
// file as it is on disk, so a second writer (another process) loses nothing.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { carryToRevision } from '../../shared/anchoring/carry-revision';
import { quoteIsAt } from '../../shared/anchoring';
import type { RevisionSummary } from '../../shared/contract';
import {
  newArticleState,
  type Annotation,
  type ArticleMeta,
  type ArticleState,
  type ArticleSummary,
  type ColorLabels,
  type HighlightColor,
  type Review,
  type Selectors,
} from '../../shared/model';
import { UserError } from '../errors';
import type { ImportedArticle } from '../import/import-file';
import type { ArticleContent } from '../sanitize/article-text';
import { readAnnotationStats, statsOf, writeAnnotationStats, type AnnotationStats } from './annotation-stats';
import { UnreadableBodyError, readArticleBody } from './article-body';
import { ArticleList, noSuchArticle } from './article-list';
import { ContentCache } from './content-cache';
import { BackupSet, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import { durableWrite, type FileWriter } from './durable-write';
import { annotationsFile, articleDir, articleHtmlFile, libraryFile } from './files';
import { DEFAULT_LIMITS, limitMessages, type StoreLimits } from './limits';
import { libraryRebuilder } from './library-rebuild';
import {
  ANNOTATIONS_MIGRATIONS,
  LIBRARY_MIGRATIONS,
  LibraryFileSchema,
  annotationsFileSchemaFor,
  emptyAnnotations,
  emptyLibrary,
  type AnnotationsFile,
  type LibraryFile,
} from './schemas';
import { isNotWritable, saveFailure } from './store-errors';
import { readStoredContent } from './stored-content';
import { StoredDocument, type Rebuilder, type WriteGuard } from './stored-document';
import { unlistedArticlesNotice, unlistedArticlesWithNotes } from './unlisted-articles';
import { ValidatedJsonAdapter, signatureOnDisk } from './validated-json-adapter';
import { WriteLease } from './write-lease';
import type { WriteLock } from './write-lock';
import { SerialQueue } from './write-queue';

export interface NewAnnotation {
  /** Chosen by the renderer, which shows the highlight before the store answers; else a new one. */
  id?: string | undefined;
  color: HighlightColor;
  note: string;
  tags?: string[];
  target: Selectors;
}

export interface AnnotationPatch {
  color?: HighlightColor | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
  /** Re-attaches the highlight to other text (a person choosing new words after a revision). */
  target?: Selectors | undefined;
  /** null marks a highlight's review as done; a review puts it back under review (undoing an accept). */
  review?: Review | null | undefined;
}

export interface ArticlePatch {
  state?: ArticleState | undefined;
  tags?: string[] | undefined;
  progress?: number | undefined;
  lastReadAt?: string | undefined;
}

/** How a new revision left the article's highlights (the same shape the app receives). */
export type RevisionReport = RevisionSummary;

export interface LibraryOptions {
  /**
   * The data dir's write lock, held by the caller for as long as it uses the library (the app;
   * a CLI command that writes). Without one, each change takes the lock for its own duration.
   */
  lock?: WriteLock;
  /** Without `lock`: how long a change waits for another writer before "Margin is open; close it or retry." */
  waitMs?: number;
  /** Called with each sentence the person should read (a file put back from its backup...), as it arises. */
  onNotice?: (sentence: string) => void;
  writer?: FileWriter;
  limits?: Partial<StoreLimits>;
  backups?: Partial<BackupPolicy>;
  clock?: () => Date;
}


const GONE_MESSAGE = 'That highlight no longer exists.';

const now = () => new Date().toISOString();

function checkTarget(text: string, target: Selectors): void {
  if (!quoteIsAt(target, text)) {
    throw new UserError('The highlighted text is not in this article.');
  }
}

/** What a new revision changes in the article's entry, besides the time. */
const revisedMeta = (article: ImportedArticle, wordCount: number, revision: number) => ({
  title: article.meta.title,
  byline: article.meta.byline,
  siteName: article.meta.siteName,
  publishedAt: article.meta.publishedAt,
  excerpt: article.meta.excerpt,
  wordCount,
  revision,
});

const byReadingOrder = (a: Annotation, b: Annotation) =>
  a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;

interface OpenDocument {
  doc: Promise<StoredDocument<AnnotationsFile>>;
  /** Steps using it now: a document in use is never dropped, or a second copy of the file could be opened and a save lost. */
  users: number;
  /** Highlights it held after its last use. */
  highlights: number;
}

// Annotations files kept in memory after use (texts: content-cache.ts), the most recent first to
// stay: enough for the article being read and the ones switched between, not the whole library (at
// a thousand articles that was most of the main process's memory). They are bounded by count and
// by the highlights they hold together. Eight were too few for a person moving between ten
// articles: every save read its article's file again, and the garbage that left behind made saves
// wait on collections.
const KEPT_DOCUMENTS = 32;
const KEPT_HIGHLIGHTS = 20_000;
// Annotations files read at once when the list must recount them.
const COUNT_BATCH = 8;

export class Library {
  /** Recently used annotations files, least recently used first. */
  private readonly annotationDocs = new Map<string, OpenDocument>();
  private readonly contents = new ContentCache();
  /** Per article, its highlight count and tags as of one version of its annotations file; null until first needed. */
  private stats: Map<string, AnnotationStats> | null = null;
  private statsLoading: Promise<Map<string, AnnotationStats>> | null = null;
  private statsChanged = false;
  /** Whether every listed article's count has been checked against its file in this session. */
  private statsVerified = false;
  private readonly statsSaves = new SerialQueue();
  private readonly writes = new SerialQueue();
  private readonly noticeList: string[] = [];
  private readonly writer: FileWriter;
  private readonly limits: StoreLimits;
  private readonly backupPolicy: BackupPolicy;
  private readonly clock: () => Date;
  // Without a lock from the caller: one lock shared by the changes that overlap in time.
  private readonly lease: WriteLease;
  private libraryDoc!: StoredDocument<LibraryFile>;
  private list!: ArticleList;

  private constructor(
    readonly dataDir: string,
    private readonly options: LibraryOptions,
  ) {
    this.writer = options.writer ?? durableWrite;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.backupPolicy = { ...DEFAULT_BACKUP_POLICY, ...options.backups };
    this.clock = options.clock ?? (() => new Date());
    this.lease = new WriteLease(dataDir, options);
  }

  /**
   * Opens the library in dataDir, creating it if needed. A damaged library.json is put back from
   * its newest good backup (see `notices`); with no good backup this throws a UserError and
   * leaves the file as it was.
   */
  static async open(dataDir: string, options: LibraryOptions = {}): Promise<Library> {
    if (options.lock !== undefined && resolve(options.lock.dataDir) !== resolve(dataDir)) {
      throw new Error(`The write lock given is for ${options.lock.dataDir}, not ${dataDir}.`);
    }
    try {
      await mkdir(dataDir, { recursive: true });
    } catch (error) {
      if (isNotWritable(error)) throw new UserError(`Margin cannot create its data folder ${dataDir}: the folder it would go in is read-only.`);
      throw error;
    }
    const library = new Library(dataDir, options);
    library.libraryDoc = await library.openDocument(
      libraryFile(dataDir),
      { schema: LibraryFileSchema, migrations: LIBRARY_MIGRATIONS },
      emptyLibrary,
      'library.json',
      limitMessages.libraryFile(library.limits),
      libraryRebuilder(dataDir),
    );
    library.list = new ArticleList(library.libraryDoc, { dataDir, writer: library.writer });
    // Holding the lock for its lifetime (the app), a library from before meta.json gets them now;
    // otherwise at its first change (withWrite).
    // A failure here (a full disk) is not the person's concern yet: the first change retries and says so.
    if (options.lock?.held === true && !library.libraryDoc.data.foldersHoldMeta) await library.withWrite(() => Promise.resolve()).catch(() => undefined);
    const unlisted = await unlistedArticlesWithNotes(dataDir, new Set(library.articles().map((a) => a.id)));
    const notice = unlistedArticlesNotice(dataDir, unlisted);
    if (notice !== null) library.notify(notice);
    return library;
  }

  /** Sentences for the person, one per problem found and repaired so far (the app shows them; the CLI prints them on stderr). */
  get notices(): readonly string[] {
    return this.noticeList;
  }

  get settings(): Readonly<LibraryFile['settings']> {
    return this.libraryDoc.data.settings;
  }

  async markSampleAdded(): Promise<void> {
    await this.withWrite(() => this.libraryDoc.update((file) => ({ ...file, settings: { ...file.settings, sampleAdded: true } })));
  }

  articles(): readonly ArticleMeta[] {
    return this.libraryDoc.data.articles;
  }

  async summaries(): Promise<ArticleSummary[]> {
    const stats = await this.annotationStats();
    return this.articles().map((meta) => ({
      id: meta.id,
      title: meta.title,
      byline: meta.byline,
      siteName: meta.siteName,
      excerpt: meta.excerpt,
      importedAt: meta.importedAt,
      wordCount: meta.wordCount,
      highlightCount: stats.get(meta.id)?.count ?? 0,
      state: meta.state,
      trashedFrom: meta.trashedFrom,
      tags: meta.tags,
      lastReadAt: meta.lastReadAt,
      progress: meta.progress,
    }));
  }

  /** Every tag used on a highlight anywhere in the library, sorted. */
  async highlightTags(): Promise<string[]> {
    const tags = new Set<string>();
    for (const entry of (await this.annotationStats()).values()) for (const tag of entry.tags) tags.add(tag);
    return [...tags].sort();
  }

  /**
   * Each listed article's highlight count and tags, and the signature of the annotations file
   * they come from, which changes whenever its annotations do (for the search index to tell what
   * to re-read). Only files changed since they were last counted are read, a few at a time and
   * not kept. An article whose file is damaged beyond repair is reported once and left out.
   */
  async annotationStats(): Promise<ReadonlyMap<string, AnnotationStats>> {
    await this.libraryDoc.refresh();
    const stats = await this.loadStats();
    const ids = this.articles().map((meta) => meta.id);
    // Under the lifetime write lock (the app) no other Margin writes, and every save here updates
    // its count, so once all were checked against the disk only articles without one need a look
    // (a file changed by hand is seen when its article is next opened). Otherwise each check
    // costs a stat per article: about 15 ms at 1,000, on every listing and search.
    const trusted = this.statsVerified && this.options.lock?.held === true;
    const unsure = trusted ? ids.filter((id) => !stats.has(id)) : ids;
    const onDisk = await Promise.all(unsure.map((id) => signatureOnDisk(annotationsFile(this.dataDir, id))));
    const stale = unsure.filter((id, i) => stats.get(id)?.signature !== onDisk[i]);
    for (let i = 0; i < stale.length; i += COUNT_BATCH) {
      await Promise.all(stale.slice(i, i + COUNT_BATCH).map((id) => this.recount(id)));
    }
    const listed = new Set(ids);
    for (const id of stats.keys()) {
      if (listed.has(id)) continue;
      stats.delete(id);
      this.statsChanged = true;
    }
    this.statsVerified = true;
    await this.saveStats();
    return stats;
  }

  meta(id: string): ArticleMeta {
    const meta = this.libraryDoc.data.articles.find((article) => article.id === id);
    if (meta === undefined) throw new UserError(noSuchArticle(id));
    return meta;
  }

  /** The article's stored body; one sentence naming the article when it is missing or damaged. */
  html(id: string): Promise<string> {
    return readArticleBody(this.dataDir, this.meta(id));
  }

  /** The article's text and figures, read from its stored HTML (recently read ones are kept). */
  async content(id: string): Promise<ArticleContent> {
    const cached = this.contents.get(id);
    if (cached !== undefined) return cached;
    const content = readStoredContent(await this.html(id));
    this.contents.keep(id, content);
    return content;
  }

  async addArticle(article: ImportedArticle): Promise<ArticleMeta> {
    if (Buffer.byteLength(article.html) > this.limits.maxArticleBytes) throw new UserError(limitMessages.articleSize(this.limits));
    const id = randomUUID();
    const stamp = now();
    const content = readStoredContent(article.html);
    const meta: ArticleMeta = {
      ...newArticleState(),
      ...article.meta,
      id,
      wordCount: content.wordCount,
      importedAt: stamp,
      createdAt: stamp,
      updatedAt: stamp,
    };
    const dir = articleDir(this.dataDir, id);
    await this.withWrite(async () => {
      await this.libraryDoc.refresh();
      if (this.articles().length >= this.limits.maxArticles) throw new UserError(limitMessages.articles(this.limits));
      // The article's own files first; library.json last, so a crash in between leaves at most an
      // unlisted folder, never a listed article without its body.
      try {
        await mkdir(dir, { recursive: true });
        await this.writer(articleHtmlFile(this.dataDir, id), article.html);
        await this.useAnnotations(id, (doc) => doc.update((file) => file), meta.title);
        await this.list.add(meta);
      } catch (error) {
        this.annotationDocs.delete(id);
        this.stats?.delete(id);
        await rm(dir, { recursive: true, force: true }).catch(() => undefined);
        throw saveFailure(error, this.dataDir);
      }
    });
    this.contents.keep(id, content);
    return meta;
  }

  async annotations(articleId: string): Promise<Annotation[]> {
    await this.libraryDoc.refresh();
    this.meta(articleId);
    return this.useAnnotations(articleId, async (doc) => {
      await doc.refresh();
      return [...doc.data.annotations].sort(byReadingOrder);
    });
  }

  async addAnnotation(articleId: string, input: NewAnnotation): Promise<Annotation> {
    const { text } = await this.content(articleId);
    if (!quoteIsAt(input.target, text)) {
      throw new UserError('The highlighted text is not in this article.');
    }
    const stamp = now();
    const annotation: Annotation = {
      id: input.id ?? randomUUID(),
      articleId,
      color: input.color,
      note: input.note,
      tags: input.tags ?? [],
      target: input.target,
      review: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await this.changeAnnotations(articleId, (list) => {
      if (list.length >= this.limits.maxHighlightsPerArticle) throw new UserError(limitMessages.highlights(this.limits));
      if (list.some((a) => a.id === annotation.id)) throw new UserError('This highlight is already saved.');
      return [...list, annotation];
    });
    return annotation;
  }

  async updateAnnotation(articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    const text = patch.target === undefined ? '' : (await this.content(articleId)).text;
    let updated: Annotation | undefined;
    await this.changeAnnotations(articleId, (list) => {
      const found = list.find((annotation) => annotation.id === id);
      if (found === undefined) throw new UserError(GONE_MESSAGE);
      // A highlight going back under review keeps the words of the revision it was made on.
      if (patch.target !== undefined && (patch.review ?? null) === null) checkTarget(text, patch.target);
      const changed: Annotation = {
        ...found,
        color: patch.color ?? found.color,
        note: patch.note ?? found.note,
        tags: patch.tags ?? found.tags,
        target: patch.target ?? found.target,
        // Choosing new words settles the review too.
        review: patch.review !== undefined ? patch.review : patch.target !== undefined ? null : found.review,
        updatedAt: now(),
      };
      updated = changed;
      return list.map((annotation) => (annotation.id === id ? changed : annotation));
    });
    if (updated === undefined) throw new UserError(GONE_MESSAGE);
    return updated;
  }

  async deleteAnnotation(articleId: string, id: string): Promise<void> {
    await this.changeAnnotations(articleId, (list) => {
      if (!list.some((annotation) => annotation.id === id)) throw new UserError(GONE_MESSAGE);
      return list.filter((annotation) => annotation.id !== id);
    });
  }

  /** Puts back a highlight exactly as it was (undo of a delete, or an import of exported annotations). */
  async restoreAnnotation(articleId: string, annotation: Annotation): Promise<Annotation> {
    if (annotation.review === null) checkTarget((await this.content(articleId)).text, annotation.target);
    const restored: Annotation = { ...annotation, articleId };
    await this.changeAnnotations(articleId, (list) => {
      if (list.some((a) => a.id === annotation.id)) throw new UserError('That highlight is already in this article.');
      if (list.length >= this.limits.maxHighlightsPerArticle) throw new UserError(limitMessages.highlights(this.limits));
      return [...list, restored];
    });
    return restored;
  }

  async articleNote(articleId: string): Promise<string> {
    await this.libraryDoc.refresh();
    this.meta(articleId);
    return this.useAnnotations(articleId, async (doc) => {
      await doc.refresh();
      return doc.data.articleNote;
    });
  }

  async setArticleNote(articleId: string, note: string): Promise<void> {
    await this.withWrite(async () => {
      await this.libraryDoc.refresh();
      this.meta(articleId);
      await this.useAnnotations(articleId, (doc) => doc.update((file) => ({ ...file, articleNote: note })));
    });
  }

  get colorLabels(): ColorLabels {
    return this.libraryDoc.data.settings.colorLabels;
  }

  async setColorLabel(color: HighlightColor, label: string): Promise<ColorLabels> {
    await this.withWrite(() =>
      this.libraryDoc.update((file) => {
        const colorLabels = { ...file.settings.colorLabels };
        if (label.trim() === '') delete colorLabels[color];
        else colorLabels[color] = label.trim();
        return { ...file, settings: { ...file.settings, colorLabels } };
      }),
    );
    return this.colorLabels;
  }

  async setSpellcheck(on: boolean): Promise<void> {
    await this.withWrite(() => this.libraryDoc.update((file) => ({ ...file, settings: { ...file.settings, spellcheck: on } })));
  }

  /** Changes an article's place in the library (reading, archived, trash), its tags or reading progress. */
  async updateArticle(id: string, patch: ArticlePatch): Promise<ArticleMeta> {
    return this.withWrite(() =>
      this.list.change(id, (meta) => {
        const state = patch.state ?? meta.state;
        return {
          ...meta,
          state,
          tags: patch.tags ?? meta.tags,
          progress: patch.progress ?? meta.progress,
          lastReadAt: patch.lastReadAt ?? meta.lastReadAt,
          trashedAt: state === 'trash' ? (meta.state === 'trash' ? meta.trashedAt : now()) : null,
          trashedFrom: state === 'trash' ? (meta.state === 'trash' ? meta.trashedFrom : meta.state) : null,
          // Reading progress is not an edit of the article.
          updatedAt: patch.state !== undefined || patch.tags !== undefined ? now() : meta.updatedAt,
        };
      }),
    );
  }

  /** Deletes an article for good (emptying the trash): it leaves library.json first, then its folder. */
  async deleteArticle(id: string): Promise<void> {
    await this.withWrite(async () => {
      await this.list.remove(id);
      this.annotationDocs.delete(id);
      this.contents.forget(id);
      if (this.stats?.delete(id) === true) this.statsChanged = true;
      await rm(articleDir(this.dataDir, id), { recursive: true, force: true });
    });
  }

  /**
   * Stores a new revision of an article (a re-import): the old body is kept under revisions/,
   * and every highlight is carried to the new text by one diff of the two texts. Highlights the
   * diff cannot carry with confidence are kept and marked for review, never dropped.
   */
  async addRevision(id: string, article: ImportedArticle): Promise<RevisionReport> {
    if (Buffer.byteLength(article.html) > this.limits.maxArticleBytes) throw new UserError(limitMessages.articleSize(this.limits));
    const previous = this.meta(id);
    // A body gone or damaged is what a new import repairs: its highlights are carried from no text (kept, for review).
    const oldBody = () => this.html(id).catch((error: unknown) => (error instanceof UnreadableBodyError ? null : Promise.reject(error)));
    const oldText = (await oldBody()) === null ? '' : (await this.content(id)).text;
    const content = readStoredContent(article.html);
    const revision = previous.revision + 1;
    let report: RevisionReport = { revision, exact: 0, moved: 0, fuzzy: 0, orphaned: 0, needsReview: 0 };
    await this.withWrite(async () => {
      const oldHtml = await oldBody();
      const revisions = join(articleDir(this.dataDir, id), 'revisions');
      const kept = join(revisions, `${previous.revision}.html`);
      if (oldHtml !== null) {
        await mkdir(revisions, { recursive: true });
        await this.writer(kept, oldHtml);
      }
      await this.useAnnotations(id, async (doc) => {
        await doc.refresh();
        const before = doc.data.annotations;
        const { annotations: carried, summary } = carryToRevision(oldText, content.text, before, revision);
        report = summary;
        // The new body first, then the carried highlights, then the metadata that names the revision.
        try {
          await this.writer(articleHtmlFile(this.dataDir, id), article.html);
          await doc.update((file) => ({ ...file, annotations: carried }));
          await this.list.change(id, (meta) => ({ ...meta, ...revisedMeta(article, content.wordCount, revision), updatedAt: now() }));
        } catch (error) {
          await this.putBackRevision(id, { html: oldHtml, kept, annotations: before }, doc);
          throw error;
        }
        this.contents.keep(id, content);
      });
    });
    return report;
  }

  /**
   * Puts an article whose new revision failed to save back as it was: its body, then its copy
   * under revisions/ (kept until the body is back), then its highlights. What fails here leaves
   * the article as the failed save left it, which the person was told about.
   */
  private async putBackRevision(id: string, old: { html: string | null; kept: string; annotations: Annotation[] }, doc: StoredDocument<AnnotationsFile>): Promise<void> {
    try {
      if (old.html !== null) {
        await this.writer(articleHtmlFile(this.dataDir, id), old.html);
        await rm(old.kept, { force: true });
      }
      if (doc.data.annotations !== old.annotations) await doc.update((file) => ({ ...file, annotations: old.annotations }));
    } catch {
      // The error that stopped the revision is the one the person reads.
    }
  }

  private notify(sentence: string): void {
    if (this.noticeList.includes(sentence)) return;
    this.noticeList.push(sentence);
    this.options.onNotice?.(sentence);
  }

  /** A damaged highlights file without a backup must not hide the whole library: it is reported and counted as none. */
  private async recount(articleId: string): Promise<void> {
    try {
      await this.useAnnotations(articleId, (doc) => doc.refresh());
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.notify(error.message);
      if (this.stats?.delete(articleId) === true) this.statsChanged = true;
    }
  }

  private loadStats(): Promise<Map<string, AnnotationStats>> {
    this.statsLoading ??= readAnnotationStats(this.dataDir).then((saved) => {
      // Counts taken in this session (a save before the first listing) are newer than the file's.
      for (const [id, entry] of this.stats ?? []) saved.set(id, entry);
      this.stats = saved;
      return saved;
    });
    return this.statsLoading;
  }

  /** Records what an annotations document holds now, after any read or save of it. */
  private noteStats(articleId: string, doc: StoredDocument<AnnotationsFile>): void {
    this.stats ??= new Map();
    const previous = this.stats.get(articleId);
    const signature = doc.signature;
    if (previous?.signature === signature && previous.count === doc.data.annotations.length) return;
    this.stats.set(articleId, statsOf(signature, doc.data.annotations));
    this.statsChanged = true;
  }

  /**
   * Saves the counts for the next start, when they changed. Only under the lifetime write lock
   * (the app): a library opened to read writes nothing. The file is derived and checked against
   * each annotations file, so a failed save costs a recount at the next start, not an error.
   */
  private saveStats(): Promise<void> {
    const { lock } = this.options;
    if (!this.statsChanged || this.stats === null || lock === undefined || !lock.held) return Promise.resolve();
    const stats = this.stats;
    return this.statsSaves.run(async () => {
      if (!this.statsChanged) return;
      this.statsChanged = false;
      try {
        await writeAnnotationStats(this.dataDir, stats, this.writer);
      } catch {
        this.statsChanged = true;
      }
    });
  }

  /**
   * Opens another file of the library (the highlight review's) through the same store: checked
   * with its schema both ways, written durably with backups, repaired when found damaged.
   */
  openFile<T>(path: string, format: ValidatedJsonAdapter<T>['format'], empty: () => T, label: string, rebuild?: Rebuilder<T>): Promise<StoredDocument<T>> {
    return this.openDocument(path, format, empty, label, `${label} would be larger than Margin allows, so it was not saved.`, rebuild);
  }

  /** Runs a change to a file opened with `openFile` under the write lock, one at a time with the library's own changes. */
  change<R>(step: () => Promise<R>): Promise<R> {
    return this.withWrite(step);
  }

  // Repairs of a damaged file run under the lock too; they say what went wrong themselves.
  private readonly guard: WriteGuard = (step) => this.withLock(step);

  /**
   * Runs a change holding the write lock. A library from before meta.json gets those first, so
   * its list can be rebuilt from the folders from then on. A disk that refuses the change (full,
   * failing, read-only) is told in one sentence.
   */
  private withWrite<R>(change: () => Promise<R>): Promise<R> {
    // One change at a time: each reads what it changes and writes it back, so two at once (the
    // reading position saved while the article goes to the trash) would write back each other's
    // old values. Repairs (the guard) take the lock without this queue, so a change that finds a
    // damaged file can repair it without waiting for itself.
    return this.writes.run(() => this.withLock(async () => {
      try {
        if (!this.libraryDoc.data.foldersHoldMeta) await this.list.recordInFolders();
        return await change();
      } catch (error) {
        throw saveFailure(error, this.dataDir);
      }
    }));
  }

  private withLock<R>(step: () => Promise<R>): Promise<R> {
    return this.lease.run(step);
  }

  private openDocument<T>(
    path: string,
    format: ValidatedJsonAdapter<T>['format'],
    empty: () => T,
    label: string,
    tooLargeMessage: string,
    rebuild?: Rebuilder<T>,
  ): Promise<StoredDocument<T>> {
    const backups = new BackupSet(path, this.writer, this.backupPolicy.keep, this.clock);
    const file = new ValidatedJsonAdapter(path, format, {
      writer: this.writer,
      backups,
      backupEvery: this.backupPolicy.every,
      maxBytes: this.limits.maxFileBytes,
      tooLargeMessage,
    });
    return StoredDocument.open({
      file,
      backups,
      empty,
      dataDir: this.dataDir,
      label,
      guard: this.guard,
      writer: this.writer,
      notify: (sentence) => this.notify(sentence),
      clock: this.clock,
      ...(rebuild === undefined ? {} : { rebuild }),
    });
  }

  /**
   * Runs `step` on the article's annotations document, opening it (reading the file) unless it
   * is among the recently used, and keeps the list counts in step with what the step leaves.
   */
  private async useAnnotations<R>(articleId: string, step: (doc: StoredDocument<AnnotationsFile>) => Promise<R>, title?: string): Promise<R> {
    let entry = this.annotationDocs.get(articleId);
    if (entry === undefined) {
      const doc = this.openDocument(
        annotationsFile(this.dataDir, articleId),
        { schema: annotationsFileSchemaFor(articleId), migrations: ANNOTATIONS_MIGRATIONS },
        () => emptyAnnotations(articleId),
        `The highlights file of “${title ?? this.meta(articleId).title}”`,
        limitMessages.annotationsFile(this.limits),
      );
      const opened: OpenDocument = { doc, users: 0, highlights: 0 };
      // A failed read is not remembered, so the next attempt reads the file again.
      doc.catch(() => {
        if (this.annotationDocs.get(articleId) === opened) this.annotationDocs.delete(articleId);
      });
      entry = opened;
    }
    // Most recently used last.
    this.annotationDocs.delete(articleId);
    this.annotationDocs.set(articleId, entry);
    entry.users += 1;
    try {
      const doc = await entry.doc;
      try {
        return await step(doc);
      } finally {
        entry.highlights = doc.data.annotations.length;
        if (this.annotationDocs.get(articleId) === entry) this.noteStats(articleId, doc);
      }
    } finally {
      entry.users -= 1;
      this.dropUnusedDocuments();
    }
  }

  private dropUnusedDocuments(): void {
    let count = this.annotationDocs.size;
    let highlights = 0;
    for (const entry of this.annotationDocs.values()) highlights += entry.highlights;
    for (const [id, entry] of this.annotationDocs) {
      // The most recently used one always stays, however large.
      if (count <= 1 || (count <= KEPT_DOCUMENTS && highlights <= KEPT_HIGHLIGHTS)) break;
      if (entry.users > 0) continue;
      this.annotationDocs.delete(id);
      count -= 1;
      highlights -= entry.highlights;
    }
  }

  /** Applies a change to one article's newest annotations and saves them; nothing changes if the change throws or the save fails. */
  private async changeAnnotations(articleId: string, change: (list: Annotation[]) => Annotation[]): Promise<void> {
    await this.withWrite(async () => {
      await this.libraryDoc.refresh();
      this.meta(articleId);
      await this.useAnnotations(articleId, (doc) => doc.update((file) => ({ ...file, annotations: change(file.annotations) })));
    });
  }
}
