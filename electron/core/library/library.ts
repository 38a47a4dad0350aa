// The library: article metadata in library.json, each article's body and annotations in its own
// folder, so saving a highlight rewrites only that article's annotations.json. Every save is on
// disk before it is acknowledged, happens under the data dir's write lock, and starts from the
// file as it is on disk, so a second writer (another process) loses nothing.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeSpan, needsReview, reanchorAll } from '../../shared/anchoring';
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
import { readArticleContent, type ArticleContent } from '../sanitize/article-text';
import { BackupSet, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import { durableWrite, type FileWriter } from './durable-write';
import { annotationsFile, articleDir, articleHtmlFile, libraryFile } from './files';
import { DEFAULT_LIMITS, limitMessages, type StoreLimits } from './limits';
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
import { StoredDocument, type WriteGuard } from './stored-document';
import { unlistedArticlesNotice, unlistedArticlesWithNotes } from './unlisted-articles';
import { ValidatedJsonFile } from './validated-json-file';
import { acquireWriteLock, type WriteLock } from './write-lock';

export interface NewAnnotation {
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
  /** null marks a highlight's review as done. */
  review?: null | undefined;
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

export const DEFAULT_WRITE_WAIT_MS = 5_000;

export const LOCK_LOST_MESSAGE = 'Margin no longer holds this library’s write lock (another Margin may have taken it over); close Margin and open it again.';

const GONE_MESSAGE = 'That highlight no longer exists.';

const now = () => new Date().toISOString();

const byReadingOrder = (a: Annotation, b: Annotation) =>
  a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;

interface Lease {
  users: number;
  lock: Promise<WriteLock>;
}

export class Library {
  /** Each article's annotations file, read on first use. */
  private readonly annotationDocs = new Map<string, Promise<StoredDocument<AnnotationsFile>>>();
  private readonly contents = new Map<string, ArticleContent>();
  private readonly noticeList: string[] = [];
  private readonly writer: FileWriter;
  private readonly limits: StoreLimits;
  private readonly backupPolicy: BackupPolicy;
  private readonly clock: () => Date;
  // Without a lock from the caller: one lock shared by the changes that overlap in time.
  private lease: Lease | null = null;
  private leaseReleased: Promise<void> = Promise.resolve();
  private libraryDoc!: StoredDocument<LibraryFile>;

  private constructor(
    readonly dataDir: string,
    private readonly options: LibraryOptions,
  ) {
    this.writer = options.writer ?? durableWrite;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.backupPolicy = { ...DEFAULT_BACKUP_POLICY, ...options.backups };
    this.clock = options.clock ?? (() => new Date());
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
    );
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
    await this.libraryDoc.refresh();
    return Promise.all(
      this.articles().map(async (meta) => ({
        id: meta.id,
        title: meta.title,
        byline: meta.byline,
        siteName: meta.siteName,
        importedAt: meta.importedAt,
        wordCount: meta.wordCount,
        highlightCount: await this.highlightCount(meta.id),
        state: meta.state,
        tags: meta.tags,
        lastReadAt: meta.lastReadAt,
        progress: meta.progress,
      })),
    );
  }

  meta(id: string): ArticleMeta {
    const meta = this.libraryDoc.data.articles.find((article) => article.id === id);
    if (meta === undefined) throw new UserError(`There is no article with the id ${id} in this library.`);
    return meta;
  }

  async html(id: string): Promise<string> {
    this.meta(id);
    return readFile(articleHtmlFile(this.dataDir, id), 'utf8');
  }

  /** The article's text and figures, read from its stored HTML once and then kept. */
  async content(id: string): Promise<ArticleContent> {
    const cached = this.contents.get(id);
    if (cached !== undefined) return cached;
    const content = readArticleContent(await this.html(id));
    this.contents.set(id, content);
    return content;
  }

  async addArticle(article: ImportedArticle): Promise<ArticleMeta> {
    if (Buffer.byteLength(article.html) > this.limits.maxArticleBytes) throw new UserError(limitMessages.articleSize(this.limits));
    const id = randomUUID();
    const stamp = now();
    const content = readArticleContent(article.html);
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
        await (await this.annotationDoc(id, meta.title)).update((file) => file);
        await this.libraryDoc.update((file) => ({ ...file, articles: [...file.articles, meta] }));
      } catch (error) {
        this.annotationDocs.delete(id);
        await rm(dir, { recursive: true, force: true }).catch(() => undefined);
        throw saveFailure(error, this.dataDir);
      }
    });
    this.contents.set(id, content);
    return meta;
  }

  async annotations(articleId: string): Promise<Annotation[]> {
    await this.libraryDoc.refresh();
    this.meta(articleId);
    const doc = await this.annotationDoc(articleId);
    await doc.refresh();
    return [...doc.data.annotations].sort(byReadingOrder);
  }

  async addAnnotation(articleId: string, input: NewAnnotation): Promise<Annotation> {
    const { text } = await this.content(articleId);
    const { quote, position } = input.target;
    if (position.end > text.length || text.slice(position.start, position.end) !== quote.exact) {
      throw new UserError('The highlighted text is not in this article.');
    }
    const stamp = now();
    const annotation: Annotation = {
      id: randomUUID(),
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
      return [...list, annotation];
    });
    return annotation;
  }

  async updateAnnotation(articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    if (patch.target !== undefined) await this.content(articleId);
    let updated: Annotation | undefined;
    await this.changeAnnotations(articleId, (list) => {
      const found = list.find((annotation) => annotation.id === id);
      if (found === undefined) throw new UserError(GONE_MESSAGE);
      if (patch.target !== undefined) this.checkTarget(articleId, patch.target);
      const changed: Annotation = {
        ...found,
        color: patch.color ?? found.color,
        note: patch.note ?? found.note,
        tags: patch.tags ?? found.tags,
        target: patch.target ?? found.target,
        // Choosing new words settles the review too.
        review: patch.review === null || patch.target !== undefined ? null : found.review,
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
    await this.content(articleId);
    this.checkTarget(articleId, annotation.target);
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
    const doc = await this.annotationDoc(articleId);
    await doc.refresh();
    return doc.data.articleNote;
  }

  async setArticleNote(articleId: string, note: string): Promise<void> {
    await this.withWrite(async () => {
      await this.libraryDoc.refresh();
      this.meta(articleId);
      const doc = await this.annotationDoc(articleId);
      await doc.update((file) => ({ ...file, articleNote: note }));
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

  /** Changes an article's place in the library (reading, archived, trash), its tags or reading progress. */
  async updateArticle(id: string, patch: ArticlePatch): Promise<ArticleMeta> {
    let updated: ArticleMeta | undefined;
    await this.withWrite(() =>
      this.libraryDoc.update((file) => {
        const articles = file.articles.map((meta) => {
          if (meta.id !== id) return meta;
          const state = patch.state ?? meta.state;
          updated = {
            ...meta,
            state,
            tags: patch.tags ?? meta.tags,
            progress: patch.progress ?? meta.progress,
            lastReadAt: patch.lastReadAt ?? meta.lastReadAt,
            trashedAt: state === 'trash' ? (meta.state === 'trash' ? meta.trashedAt : now()) : null,
            // Reading progress is not an edit of the article.
            updatedAt: patch.state !== undefined || patch.tags !== undefined ? now() : meta.updatedAt,
          };
          return updated;
        });
        if (updated === undefined) throw new UserError(`There is no article with the id ${id} in this library.`);
        return { ...file, articles };
      }),
    );
    if (updated === undefined) throw new UserError(`There is no article with the id ${id} in this library.`);
    return updated;
  }

  /** Deletes an article for good (emptying the trash): it leaves library.json first, then its folder. */
  async deleteArticle(id: string): Promise<void> {
    await this.withWrite(async () => {
      await this.libraryDoc.update((file) => {
        if (!file.articles.some((meta) => meta.id === id)) throw new UserError(`There is no article with the id ${id} in this library.`);
        return { ...file, articles: file.articles.filter((meta) => meta.id !== id) };
      });
      this.annotationDocs.delete(id);
      this.contents.delete(id);
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
    const oldText = (await this.content(id)).text;
    const content = readArticleContent(article.html);
    const revision = previous.revision + 1;
    const report: RevisionReport = { revision, exact: 0, moved: 0, fuzzy: 0, orphaned: 0, needsReview: 0 };
    await this.withWrite(async () => {
      const oldHtml = await this.html(id);
      const revisions = join(articleDir(this.dataDir, id), 'revisions');
      await mkdir(revisions, { recursive: true });
      await this.writer(join(revisions, `${previous.revision}.html`), oldHtml);
      const doc = await this.annotationDoc(id);
      await doc.refresh();
      const annotations = doc.data.annotations;
      const anchors = reanchorAll(oldText, content.text, annotations.map((a) => a.target));
      const carried = annotations.map((annotation, i): Annotation => {
        const anchor = anchors[i];
        if (anchor === undefined) return annotation;
        report[anchor.status] += 1;
        if (needsReview(anchor)) report.needsReview += 1;
        const review: Review | null = needsReview(anchor)
          ? { status: anchor.status === 'orphaned' ? 'orphaned' : 'fuzzy', confidence: anchor.confidence, candidate: anchor.status === 'orphaned' ? anchor.candidate : { start: anchor.start, end: anchor.end, confidence: anchor.confidence }, revision }
          : null;
        // An uncertain highlight keeps its old words until the person accepts the candidate.
        if (review !== null || anchor.status === 'orphaned') return { ...annotation, review };
        return { ...annotation, target: describeSpan(content.text, anchor.start, anchor.end), review };
      });
      // The new body first, then the carried highlights, then the metadata that names the revision.
      await this.writer(articleHtmlFile(this.dataDir, id), article.html);
      this.contents.set(id, content);
      await doc.update((file) => ({ ...file, annotations: carried }));
      await this.libraryDoc.update((file) => ({
        ...file,
        articles: file.articles.map((meta) =>
          meta.id === id
            ? { ...meta, title: article.meta.title, byline: article.meta.byline, siteName: article.meta.siteName, publishedAt: article.meta.publishedAt, wordCount: content.wordCount, revision, updatedAt: now() }
            : meta,
        ),
      }));
    });
    return report;
  }

  private checkTarget(articleId: string, target: Selectors): void {
    const text = this.contents.get(articleId)?.text ?? '';
    const { start, end } = target.position;
    if (end > text.length || text.slice(start, end) !== target.quote.exact) {
      throw new UserError('The highlighted text is not in this article.');
    }
  }

  private notify(sentence: string): void {
    if (this.noticeList.includes(sentence)) return;
    this.noticeList.push(sentence);
    this.options.onNotice?.(sentence);
  }

  /** A damaged highlights file without a backup must not hide the whole library: it is reported and counted as none. */
  private async highlightCount(articleId: string): Promise<number> {
    try {
      const doc = await this.annotationDoc(articleId);
      await doc.refresh();
      return doc.data.annotations.length;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.notify(error.message);
      return 0;
    }
  }

  private readonly guard: WriteGuard = (step) => this.withWrite(step);

  /** Runs a change holding the write lock: the caller's, or one taken for the changes now under way. */
  private async withWrite<R>(step: () => Promise<R>): Promise<R> {
    const { lock } = this.options;
    if (lock !== undefined) {
      if (!lock.held) throw new UserError(LOCK_LOST_MESSAGE);
      return step();
    }
    if (this.lease === null) {
      const waitMs = this.options.waitMs ?? DEFAULT_WRITE_WAIT_MS;
      this.lease = { users: 0, lock: this.leaseReleased.then(() => acquireWriteLock(this.dataDir, { waitMs })) };
    }
    const lease = this.lease;
    lease.users += 1;
    try {
      await lease.lock;
      return await step();
    } finally {
      lease.users -= 1;
      if (lease.users === 0) {
        if (this.lease === lease) this.lease = null;
        this.leaseReleased = lease.lock.then(
          (held) => held.release(),
          () => undefined,
        );
        await this.leaseReleased;
      }
    }
  }

  private openDocument<T>(
    path: string,
    format: ConstructorParameters<typeof ValidatedJsonFile<T>>[1],
    empty: () => T,
    label: string,
    tooLargeMessage: string,
  ): Promise<StoredDocument<T>> {
    const backups = new BackupSet(path, this.writer, this.backupPolicy.keep, this.clock);
    const file = new ValidatedJsonFile(path, format, {
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
    });
  }

  private annotationDoc(articleId: string, title?: string): Promise<StoredDocument<AnnotationsFile>> {
    let doc = this.annotationDocs.get(articleId);
    if (doc === undefined) {
      doc = this.openDocument(
        annotationsFile(this.dataDir, articleId),
        { schema: annotationsFileSchemaFor(articleId), migrations: ANNOTATIONS_MIGRATIONS },
        () => emptyAnnotations(articleId),
        `The highlights file of “${title ?? this.meta(articleId).title}”`,
        limitMessages.annotationsFile(this.limits),
      );
      // A failed read is not remembered, so the next attempt reads the file again.
      doc.catch(() => this.annotationDocs.delete(articleId));
      this.annotationDocs.set(articleId, doc);
    }
    return doc;
  }

  /** Applies a change to one article's newest annotations and saves them; nothing changes if the change throws or the save fails. */
  private async changeAnnotations(articleId: string, change: (list: Annotation[]) => Annotation[]): Promise<void> {
    await this.withWrite(async () => {
      await this.libraryDoc.refresh();
      this.meta(articleId);
      const doc = await this.annotationDoc(articleId);
      await doc.update((file) => ({ ...file, annotations: change(file.annotations) }));
    });
  }
}
