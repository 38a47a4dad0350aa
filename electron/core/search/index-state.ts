// What the search index holds and how it changes: the articles and highlights it knows (with
// what it needs to tell whether the library has moved on), the word index of their documents,
// and the texts kept beside it for snippets. Every change goes through here one article or
// highlight at a time, touching only the documents whose words changed, and counts itself in
// `generation` so the index knows when a save is due.
import { Engine } from './engine';
import {
  docId,
  notesBody,
  placeIn,
  sameAnnotation,
  sameHeading,
  timeOf,
  titleBody,
  type AnnotationEntry,
  type ArticleEntry,
} from './index-entries';
import { TextStore, isSafeId, stampOf } from './text-store';
import type { SearchAnnotation, SearchArticle, SearchArticleMeta } from './types';

export class IndexState {
  engine = new Engine();
  readonly articles = new Map<string, ArticleEntry>();
  readonly annotations = new Map<string, AnnotationEntry>();
  /** Articles whose text file is missing or stale: snippets suffer until they are upserted again. */
  readonly textMissing = new Set<string>();
  /** Counts changes, so a save knows whether there is anything to write. */
  generation = 0;

  constructor(readonly texts: TextStore) {}

  touch(): void {
    this.generation++;
  }

  clear(): void {
    this.engine = new Engine();
    this.articles.clear();
    this.annotations.clear();
    this.textMissing.clear();
  }

  /** The text an article was indexed from, or null (noted as missing) when its file is lost. */
  async text(article: ArticleEntry): Promise<string | null> {
    const text = await this.texts.get(article.id, article.text);
    if (text === null) this.textMissing.add(article.id);
    return text;
  }

  /** See `SearchIndex.needsUpdate`. */
  needsUpdate(article: { meta: SearchArticleMeta; annotations: readonly Pick<SearchAnnotation, 'id' | 'updatedAt'>[] }): boolean {
    const entry = this.articles.get(article.meta.id);
    if (entry === undefined || this.textMissing.has(entry.id)) return true;
    const { meta } = article;
    if (!sameHeading(entry, meta) || entry.annotations.size !== article.annotations.length) return true;
    if (meta.revision !== undefined ? entry.revision !== meta.revision : entry.updatedAt !== timeOf(meta.updatedAt)) return true;
    return article.annotations.some((annotation) => entry.annotations.get(annotation.id)?.updatedAt !== timeOf(annotation.updatedAt));
  }

  /** See `SearchIndex.isCurrent`. */
  isCurrent(meta: SearchArticleMeta, annotationsStamp: string): boolean {
    const entry = this.articles.get(meta.id);
    if (entry === undefined || this.textMissing.has(entry.id) || entry.annotationsStamp !== annotationsStamp) return false;
    if (!sameHeading(entry, meta)) return false;
    return meta.revision !== undefined ? entry.revision === meta.revision : entry.updatedAt === timeOf(meta.updatedAt);
  }

  stampAnnotations(articleId: string, annotationsStamp: string | null): void {
    const entry = this.articles.get(articleId);
    if (entry === undefined || entry.annotationsStamp === annotationsStamp) return;
    entry.annotationsStamp = annotationsStamp;
    this.touch();
  }

  upsertArticle(article: SearchArticle): void {
    const { meta, text } = article;
    if (!isSafeId(meta.id)) throw new Error(`Search index: unusable article id ${JSON.stringify(meta.id)}`);
    const stray = article.annotations.find((annotation) => annotation.articleId !== meta.id);
    if (stray !== undefined) throw new Error(`Search index: annotation ${stray.id} belongs to article ${stray.articleId}, not ${meta.id}`);

    const stamp = stampOf(text);
    let entry = this.articles.get(meta.id);
    // Saving rewrites the whole file, so an upsert that changes nothing should not ask for one.
    let changed = false;
    if (entry === undefined) {
      const tags = [...(meta.tags ?? [])];
      entry = { id: meta.id, title: meta.title, byline: meta.byline, siteName: meta.siteName, tags, revision: null, updatedAt: 0, text: stamp, annotationsStamp: null, annotations: new Map() };
      this.articles.set(entry.id, entry);
      this.engine.add({ id: docId('title', entry.id), body: titleBody(entry) });
      this.engine.add({ id: docId('text', entry.id), body: text });
      this.texts.put(entry.id, text);
      changed = true;
    } else {
      if (!sameHeading(entry, meta)) {
        // Removed with the words it was indexed with, so no trace of them is left in the index.
        this.engine.remove({ id: docId('title', entry.id), body: titleBody(entry) });
        this.engine.add({ id: docId('title', entry.id), body: titleBody({ ...meta, tags: [...(meta.tags ?? [])] }) });
        changed = true;
      }
      if (entry.text.hash !== stamp.hash || entry.text.length !== stamp.length) {
        // The old text is not at hand, so its document is discarded: its words' entries stay
        // (skipped by searches, slightly skewing word rarity) until a save renumbers (engine.ts).
        this.engine.replace({ id: docId('text', entry.id), body: text });
        entry.text = stamp;
        this.texts.put(entry.id, text);
        changed = true;
      } else if (this.textMissing.has(entry.id)) {
        this.texts.put(entry.id, text);
        changed = true;
      }
    }
    const revision = meta.revision ?? null;
    const updatedAt = timeOf(meta.updatedAt);
    if (entry.revision !== revision || entry.updatedAt !== updatedAt) changed = true;
    Object.assign(entry, { title: meta.title, byline: meta.byline, siteName: meta.siteName, tags: [...(meta.tags ?? [])], revision, updatedAt });
    this.textMissing.delete(entry.id);

    const notesBefore = notesBody(entry);
    const incoming = new Set(article.annotations.map((annotation) => annotation.id));
    for (const existing of [...entry.annotations.values()]) {
      if (incoming.has(existing.id)) continue;
      this.forgetAnnotation(existing);
      changed = true;
    }
    for (const annotation of article.annotations) {
      const range = placeIn(text, annotation);
      const previous = this.annotations.get(annotation.id);
      if (previous !== undefined && previous.articleId === entry.id && sameAnnotation(previous, annotation, range)) continue;
      if (previous !== undefined && previous.articleId !== entry.id) this.moveOut(previous);
      this.keepAnnotation(entry, annotation, range);
      changed = true;
    }
    this.syncNotes(entry, notesBefore);
    const annotationsStamp = article.annotationsStamp ?? null;
    if (entry.annotationsStamp !== annotationsStamp) {
      entry.annotationsStamp = annotationsStamp;
      changed = true;
    }
    if (changed) this.touch();
  }

  removeArticle(articleId: string): boolean {
    const entry = this.articles.get(articleId);
    if (entry === undefined) return false;
    const notes = notesBody(entry);
    for (const annotation of entry.annotations.values()) this.annotations.delete(annotation.id);
    this.engine.remove({ id: docId('title', articleId), body: titleBody(entry) });
    if (notes !== '') this.engine.remove({ id: docId('notes', articleId), body: notes });
    this.engine.discard(docId('text', articleId));
    this.articles.delete(articleId);
    this.texts.remove(articleId);
    this.textMissing.delete(articleId);
    this.touch();
    return true;
  }

  upsertAnnotation(annotation: SearchAnnotation): boolean {
    const entry = this.articles.get(annotation.articleId);
    if (entry === undefined) return false;
    const previous = this.annotations.get(annotation.id);
    const range = { start: annotation.target.position.start, end: annotation.target.position.end };
    if (previous !== undefined && previous.articleId === entry.id && sameAnnotation(previous, annotation, range)) return true;
    if (previous !== undefined && previous.articleId !== entry.id) this.moveOut(previous);
    const before = notesBody(entry);
    this.keepAnnotation(entry, annotation, range);
    this.syncNotes(entry, before);
    // The annotations no longer match a fingerprint the caller gave: isCurrent must not vouch for them.
    entry.annotationsStamp = null;
    this.touch();
    return true;
  }

  removeAnnotation(annotationId: string): boolean {
    const existing = this.annotations.get(annotationId);
    if (existing === undefined) return false;
    this.moveOut(existing);
    this.touch();
    return true;
  }

  /** Adds an article read from the index file; false if its id is unusable or already taken. */
  adoptArticle(entry: ArticleEntry): boolean {
    if (!isSafeId(entry.id) || this.articles.has(entry.id)) return false;
    this.articles.set(entry.id, entry);
    return true;
  }

  /** Adds a highlight read from the index file; false if its id is already taken. */
  adoptAnnotation(article: ArticleEntry, entry: AnnotationEntry): boolean {
    if (this.annotations.has(entry.id)) return false;
    this.keep(article, entry);
    return true;
  }

  private keepAnnotation(article: ArticleEntry, annotation: SearchAnnotation, range: { start: number; end: number }): void {
    const { id, note, tags } = annotation;
    this.keep(article, { id, articleId: article.id, start: range.start, end: range.end, updatedAt: timeOf(annotation.updatedAt), note, tags: [...tags], color: annotation.color ?? null });
  }

  private keep(article: ArticleEntry, entry: AnnotationEntry): void {
    article.annotations.set(entry.id, entry);
    this.annotations.set(entry.id, entry);
  }

  /** Takes a highlight out of the article it is in (removed, or its id now names one in another article). */
  private moveOut(entry: AnnotationEntry): void {
    const article = this.articles.get(entry.articleId);
    const before = article === undefined ? '' : notesBody(article);
    this.forgetAnnotation(entry);
    if (article !== undefined) {
      this.syncNotes(article, before);
      article.annotationsStamp = null;
    }
  }

  private forgetAnnotation(entry: AnnotationEntry): void {
    this.articles.get(entry.articleId)?.annotations.delete(entry.id);
    this.annotations.delete(entry.id);
  }

  /** Re-indexes an article's notes document when its notes or tags changed. */
  private syncNotes(article: ArticleEntry, before: string): void {
    const body = notesBody(article);
    const id = docId('notes', article.id);
    const indexed = this.engine.has(id);
    if (body === before && indexed === (body !== '')) return;
    if (indexed) this.engine.remove({ id, body: before });
    if (body !== '') this.engine.add({ id, body });
  }
}
