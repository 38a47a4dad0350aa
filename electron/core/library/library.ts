// The library: article metadata in library.json, each article's body and annotations in its own
// folder, so saving a highlight rewrites only that article's annotations.json. Every save is on
// disk before it is acknowledged, happens under the data dir's write lock, and starts from the
// file as it is on disk, so a second writer (another process) loses nothing.
//
// This class is the one door callers use; the work is done by the rooms behind it: articles.ts,
// revisions.ts, annotations.ts, library-settings.ts, annotation-counts.ts (the list's counts), all
// changing files through library-writes.ts, which announces each change on `changes`.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Annotation, ArticleMeta, ArticleSummary, ColorLabels, HighlightColor } from '../../shared/model';
import { UserError } from '../errors';
import type { ImportedArticle } from '../import/import-file';
import type { ArticleContent } from '../sanitize/article-text';
import { AnnotationCounts } from './annotation-counts';
import { AnnotationDocuments } from './annotation-documents';
import type { AnnotationStats } from './annotation-stats';
import * as annotations from './annotations';
import { ArticleList } from './article-list';
import * as articles from './articles';
import { DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import type { LibraryChanges } from './change-feed';
import { ContentCache } from './content-cache';
import { durableWrite, type FileWriter } from './durable-write';
import { libraryFile } from './files';
import { DEFAULT_LIMITS, limitMessages, type StoreLimits } from './limits';
import { openLibraryDocument, type DocumentSettings } from './library-documents';
import { articleContent, articleHtml, findMeta, type LibraryParts } from './library-parts';
import { libraryRebuilder } from './library-rebuild';
import * as settings from './library-settings';
import { LibraryWrites } from './library-writes';
import { addRevision, type RevisionReport } from './revisions';
import { LIBRARY_MIGRATIONS, LibraryFileSchema, emptyLibrary, type LibraryFile } from './schemas';
import { isNotWritable } from './store-errors';
import type { Rebuilder, StoredDocument } from './stored-document';
import { unlistedArticlesNotice, unlistedArticlesWithNotes } from './unlisted-articles';
import type { ValidatedJsonAdapter } from './validated-json-adapter';
import { WriteLease } from './write-lease';
import type { WriteLock } from './write-lock';

export type { RevisionReport } from './revisions';

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

export class Library {
  private readonly noticeList: string[] = [];
  private readonly documentSettings: DocumentSettings;
  // Without a lock from the caller: one lock shared by the changes that overlap in time, and by
  // the repairs they set off.
  private readonly lease: WriteLease;
  private parts!: LibraryParts;

  private constructor(
    readonly dataDir: string,
    private readonly options: LibraryOptions,
  ) {
    const lease = new WriteLease(dataDir, options);
    this.lease = lease;
    this.documentSettings = {
      dataDir,
      writer: options.writer ?? durableWrite,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      backupPolicy: { ...DEFAULT_BACKUP_POLICY, ...options.backups },
      clock: options.clock ?? (() => new Date()),
      guard: (step) => lease.run(step),
      notify: (sentence) => this.notify(sentence),
    };
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
    await library.assemble();
    const { libraryDoc, writes } = library.parts;
    // Holding the lock for its lifetime (the app), a library from before meta.json gets them now;
    // otherwise at its first change.
    // A failure here (a full disk) is not the person's concern yet: the first change retries and says so.
    if (options.lock?.held === true && !libraryDoc.data.foldersHoldMeta) await writes.runUnannounced(() => Promise.resolve()).catch(() => undefined);
    const unlisted = await unlistedArticlesWithNotes(dataDir, new Set(library.articles().map((a) => a.id)));
    const notice = unlistedArticlesNotice(dataDir, unlisted);
    if (notice !== null) library.notify(notice);
    return library;
  }

  private async assemble(): Promise<void> {
    const { dataDir, writer, limits } = this.documentSettings;
    const libraryDoc = await openLibraryDocument(this.documentSettings, {
      path: libraryFile(dataDir),
      format: { schema: LibraryFileSchema, migrations: LIBRARY_MIGRATIONS },
      empty: emptyLibrary,
      label: 'library.json',
      tooLargeMessage: limitMessages.libraryFile(limits),
      rebuild: libraryRebuilder(dataDir),
    });
    const list = new ArticleList(libraryDoc, { dataDir, writer });
    const documents = new AnnotationDocuments({
      settings: this.documentSettings,
      titleOf: (id) => this.meta(id).title,
      onUsed: (id, doc) => counts.note(id, doc),
    });
    const counts = new AnnotationCounts({
      dataDir,
      writer,
      lock: this.options.lock,
      read: (id) => documents.use(id, (doc) => doc.refresh()),
      notify: (sentence) => this.notify(sentence),
    });
    const writes = new LibraryWrites(dataDir, this.lease, libraryDoc, list);
    this.parts = { dataDir, limits, writer, libraryDoc, list, writes, documents, contents: new ContentCache(), counts };
  }

  /** Each change to the library's records, announced once it is on disk. */
  get changes(): LibraryChanges {
    return this.parts.writes.feed;
  }

  /** Sentences for the person, one per problem found and repaired so far (the app shows them; the CLI prints them on stderr). */
  get notices(): readonly string[] {
    return this.noticeList;
  }

  get settings(): Readonly<LibraryFile['settings']> {
    return this.parts.libraryDoc.data.settings;
  }

  markSampleAdded(): Promise<void> {
    return settings.markSampleAdded(this.parts);
  }

  articles(): readonly ArticleMeta[] {
    return this.parts.libraryDoc.data.articles;
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
   * to re-read).
   */
  async annotationStats(): Promise<ReadonlyMap<string, AnnotationStats>> {
    await this.parts.libraryDoc.refresh();
    return this.parts.counts.of(this.articles().map((meta) => meta.id));
  }

  meta(id: string): ArticleMeta {
    return findMeta(this.parts, id);
  }

  /** The article's stored body; one sentence naming the article when it is missing or damaged. */
  html(id: string): Promise<string> {
    return articleHtml(this.parts, id);
  }

  /** The article's text and figures, read from its stored HTML (recently read ones are kept). */
  content(id: string): Promise<ArticleContent> {
    return articleContent(this.parts, id);
  }

  addArticle(article: ImportedArticle): Promise<ArticleMeta> {
    return articles.addArticle(this.parts, article);
  }

  annotations(articleId: string): Promise<Annotation[]> {
    return annotations.listAnnotations(this.parts, articleId);
  }

  addAnnotation(articleId: string, input: annotations.NewAnnotation): Promise<Annotation> {
    return annotations.addAnnotation(this.parts, articleId, input);
  }

  updateAnnotation(articleId: string, id: string, patch: annotations.AnnotationPatch): Promise<Annotation> {
    return annotations.updateAnnotation(this.parts, articleId, id, patch);
  }

  deleteAnnotation(articleId: string, id: string): Promise<void> {
    return annotations.deleteAnnotation(this.parts, articleId, id);
  }

  /** Puts back a highlight exactly as it was (undo of a delete, or an import of exported annotations). */
  restoreAnnotation(articleId: string, annotation: Annotation): Promise<Annotation> {
    return annotations.restoreAnnotation(this.parts, articleId, annotation);
  }

  articleNote(articleId: string): Promise<string> {
    return annotations.articleNote(this.parts, articleId);
  }

  setArticleNote(articleId: string, note: string): Promise<void> {
    return annotations.setArticleNote(this.parts, articleId, note);
  }

  get colorLabels(): ColorLabels {
    return this.parts.libraryDoc.data.settings.colorLabels;
  }

  setColorLabel(color: HighlightColor, label: string): Promise<ColorLabels> {
    return settings.setColorLabel(this.parts, color, label);
  }

  setSpellcheck(on: boolean): Promise<void> {
    return settings.setSpellcheck(this.parts, on);
  }

  /** Changes an article's place in the library (reading, archived, trash), its tags or reading progress. */
  updateArticle(id: string, patch: articles.ArticlePatch): Promise<ArticleMeta> {
    return articles.updateArticle(this.parts, id, patch);
  }

  /** Deletes an article for good (emptying the trash): it leaves library.json first, then its folder. */
  deleteArticle(id: string): Promise<void> {
    return articles.deleteArticle(this.parts, id);
  }

  /**
   * Stores a new revision of an article (a re-import): the old body is kept under revisions/,
   * and every highlight is carried to the new text; those it cannot carry with confidence are
   * kept and marked for review, never dropped.
   */
  addRevision(id: string, article: ImportedArticle): Promise<RevisionReport> {
    return addRevision(this.parts, id, article);
  }

  /**
   * Opens another file of the library (the highlight review's) through the same store: checked
   * with its schema both ways, written durably with backups, repaired when found damaged.
   */
  openFile<T>(path: string, format: ValidatedJsonAdapter<T>['format'], empty: () => T, label: string, rebuild?: Rebuilder<T>): Promise<StoredDocument<T>> {
    return openLibraryDocument(this.documentSettings, { path, format, empty, label, tooLargeMessage: `${label} would be larger than Margin allows, so it was not saved.`, rebuild });
  }

  /** Runs a change to a file opened with `openFile` under the write lock, one at a time with the library's own changes. */
  change<R>(step: () => Promise<R>): Promise<R> {
    return this.parts.writes.runUnannounced(step);
  }

  private notify(sentence: string): void {
    if (this.noticeList.includes(sentence)) return;
    this.noticeList.push(sentence);
    this.options.onNotice?.(sentence);
  }
}
