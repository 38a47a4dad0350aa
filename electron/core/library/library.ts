// The library: article metadata in library.json, each article's body and annotations in its own
// folder, so saving a highlight rewrites only that article's annotations.json.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { Low } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import type { Annotation, ArticleMeta, ArticleSummary, HighlightColor, Selectors } from '../../shared/model';
import { UserError } from '../errors';
import type { ImportedArticle } from '../import/import-file';
import { readArticleContent, type ArticleContent } from '../sanitize/article-text';
import { annotationsFile, articleDir, articleHtmlFile, libraryFile } from './files';
import {
  AnnotationsFileSchema,
  LIBRARY_SCHEMA_VERSION,
  LibraryFileSchema,
  emptyLibrary,
  type AnnotationsFile,
  type LibraryFile,
} from './schemas';
import { ValidatedJsonFile } from './validated-json-file';

export interface NewAnnotation {
  color: HighlightColor;
  note: string;
  tags?: string[];
  target: Selectors;
}

export interface AnnotationPatch {
  color?: HighlightColor | undefined;
  note?: string | undefined;
}

const now = () => new Date().toISOString();

const byReadingOrder = (a: Annotation, b: Annotation) =>
  a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;

export class Library {
  /** Each article's annotations file, read once on first use; this process is its only writer. */
  private readonly annotationDbs = new Map<string, Promise<Low<AnnotationsFile>>>();
  private readonly contents = new Map<string, ArticleContent>();

  private constructor(
    readonly dataDir: string,
    private readonly db: Low<LibraryFile>,
  ) {}

  static async open(dataDir: string): Promise<Library> {
    await mkdir(dataDir, { recursive: true });
    const db = new Low(new ValidatedJsonFile(libraryFile(dataDir), LibraryFileSchema), emptyLibrary());
    await db.read();
    return new Library(dataDir, db);
  }

  get settings(): Readonly<LibraryFile['settings']> {
    return this.db.data.settings;
  }

  async markSampleAdded(): Promise<void> {
    this.db.data.settings.sampleAdded = true;
    await this.db.write();
  }

  articles(): readonly ArticleMeta[] {
    return this.db.data.articles;
  }

  async summaries(): Promise<ArticleSummary[]> {
    return Promise.all(
      this.articles().map(async (meta) => ({
        id: meta.id,
        title: meta.title,
        byline: meta.byline,
        siteName: meta.siteName,
        importedAt: meta.importedAt,
        wordCount: meta.wordCount,
        highlightCount: (await this.annotations(meta.id)).length,
      })),
    );
  }

  meta(id: string): ArticleMeta {
    const meta = this.db.data.articles.find((article) => article.id === id);
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
    const id = randomUUID();
    const stamp = now();
    const content = readArticleContent(article.html);
    const meta: ArticleMeta = {
      ...article.meta,
      id,
      wordCount: content.wordCount,
      importedAt: stamp,
      createdAt: stamp,
      updatedAt: stamp,
    };
    const dir = articleDir(this.dataDir, id);
    // The article's own files first; library.json last, so a crash in between leaves at most an
    // unlisted folder, never a listed article without its body.
    try {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(articleHtmlFile(this.dataDir, id), article.html, { fsync: true });
      await (await this.annotationDb(id)).write();
      this.db.data.articles.push(meta);
      await this.db.write();
    } catch (error) {
      this.db.data.articles = this.db.data.articles.filter((a) => a.id !== id);
      this.annotationDbs.delete(id);
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    this.contents.set(id, content);
    return meta;
  }

  async annotations(articleId: string): Promise<Annotation[]> {
    this.meta(articleId);
    const db = await this.annotationDb(articleId);
    return [...db.data.annotations].sort(byReadingOrder);
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
      createdAt: stamp,
      updatedAt: stamp,
    };
    await this.changeAnnotations(articleId, (list) => [...list, annotation]);
    return annotation;
  }

  async updateAnnotation(articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    let updated: Annotation | undefined;
    await this.changeAnnotations(articleId, (list) =>
      list.map((annotation) => {
        if (annotation.id !== id) return annotation;
        updated = {
          ...annotation,
          color: patch.color ?? annotation.color,
          note: patch.note ?? annotation.note,
          updatedAt: now(),
        };
        return updated;
      }),
    );
    if (updated === undefined) throw new UserError('That highlight no longer exists.');
    return updated;
  }

  async deleteAnnotation(articleId: string, id: string): Promise<void> {
    let found = false;
    await this.changeAnnotations(articleId, (list) =>
      list.filter((annotation) => {
        if (annotation.id === id) found = true;
        return annotation.id !== id;
      }),
    );
    if (!found) throw new UserError('That highlight no longer exists.');
  }

  private annotationDb(articleId: string): Promise<Low<AnnotationsFile>> {
    let db = this.annotationDbs.get(articleId);
    if (db === undefined) {
      const file = new ValidatedJsonFile(annotationsFile(this.dataDir, articleId), AnnotationsFileSchema);
      const low = new Low(file, { schemaVersion: LIBRARY_SCHEMA_VERSION, articleId, articleNote: '', annotations: [] });
      db = low.read().then(() => low);
      // A failed read is not remembered, so the next attempt reads the file again.
      db.catch(() => this.annotationDbs.delete(articleId));
      this.annotationDbs.set(articleId, db);
    }
    return db;
  }

  /** Applies a change to one article's annotations and saves them; memory stays as it was if the save fails. */
  private async changeAnnotations(articleId: string, change: (list: Annotation[]) => Annotation[]): Promise<void> {
    this.meta(articleId);
    const db = await this.annotationDb(articleId);
    const before = db.data.annotations;
    db.data.annotations = change(before);
    try {
      await db.write();
    } catch (error) {
      db.data.annotations = before;
      throw error;
    }
  }
}
