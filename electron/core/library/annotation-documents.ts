// Each article's annotations file, opened when a step needs it and kept in memory after use (the
// texts: content-cache.ts), the most recently used kept longest: enough for the article being
// read and the ones switched between, not the whole library (at a thousand articles that would be
// most of the main process's memory). Those kept are bounded by count and by the highlights they
// hold together; the most recently used stays however large. A person moving between ten
// articles needs more than eight kept, or every save reads its file again and the garbage that
// leaves makes saves wait on collections.
//
// A document in use is never dropped, or a second copy of the file could be opened and a save
// lost: documents in use are held apart and join the kept ones when their last step ends.
import { LRUCache } from 'lru-cache';
import { annotationsFile } from './files';
import { openLibraryDocument, type DocumentSettings } from './library-documents';
import { limitMessages } from './limits';
import { ANNOTATIONS_MIGRATIONS, annotationsFileSchemaFor, emptyAnnotations, type AnnotationsFile } from './schemas';
import type { StoredDocument } from './stored-document';

export const KEPT_DOCUMENTS = 32;
export const KEPT_HIGHLIGHTS = 20_000;

interface OpenDocument {
  doc: Promise<StoredDocument<AnnotationsFile>>;
  /** Steps using it now. */
  users: number;
  /** Highlights it held after its last use. */
  highlights: number;
  /** Its file could not be read: not kept, so the next attempt reads the file again. */
  failed: boolean;
}

export interface AnnotationDocumentsOptions {
  settings: DocumentSettings;
  /** The article's title, for the sentence that names a damaged file. */
  titleOf: (articleId: string) => string;
  /** Called with what a document holds after each step that used it (the list counts follow it). */
  onUsed: (articleId: string, doc: StoredDocument<AnnotationsFile>) => void;
  /** How many documents, and highlights in them together, are kept after use. */
  keep?: { documents: number; highlights: number };
}

export class AnnotationDocuments {
  private readonly inUse = new Map<string, OpenDocument>();
  private readonly kept: LRUCache<string, OpenDocument>;

  constructor(private readonly options: AnnotationDocumentsOptions) {
    const { documents, highlights } = options.keep ?? { documents: KEPT_DOCUMENTS, highlights: KEPT_HIGHLIGHTS };
    // A document's weight is its highlights, at most the whole allowance (which then holds it
    // alone), so the most recently used is never refused for its size.
    this.kept = new LRUCache({ max: documents, maxSize: highlights, sizeCalculation: (entry) => Math.min(highlights, Math.max(1, entry.highlights)) });
  }

  /** Runs `step` on the article's annotations document, reading its file unless it is kept. */
  async use<R>(articleId: string, step: (doc: StoredDocument<AnnotationsFile>) => Promise<R>, title?: string): Promise<R> {
    const entry = this.take(articleId, title);
    entry.users += 1;
    try {
      const doc = await entry.doc;
      try {
        return await step(doc);
      } finally {
        entry.highlights = doc.data.annotations.length;
        if (this.inUse.get(articleId) === entry) this.options.onUsed(articleId, doc);
      }
    } finally {
      entry.users -= 1;
      this.release(articleId, entry);
    }
  }

  /** Drops the article's document (the article is deleted, or its files were never completed). */
  forget(articleId: string): void {
    this.inUse.delete(articleId);
    this.kept.delete(articleId);
  }

  /** The articles whose documents are kept, most recently used first. */
  keptIds(): string[] {
    return [...this.kept.keys()];
  }

  private take(articleId: string, title: string | undefined): OpenDocument {
    const busy = this.inUse.get(articleId);
    if (busy !== undefined) return busy;
    const entry = this.kept.get(articleId) ?? this.open(articleId, title);
    this.kept.delete(articleId);
    this.inUse.set(articleId, entry);
    return entry;
  }

  private open(articleId: string, title: string | undefined): OpenDocument {
    const { settings } = this.options;
    const doc = openLibraryDocument(settings, {
      path: annotationsFile(settings.dataDir, articleId),
      format: { schema: annotationsFileSchemaFor(articleId), migrations: ANNOTATIONS_MIGRATIONS },
      empty: () => emptyAnnotations(articleId),
      label: `The highlights file of “${title ?? this.options.titleOf(articleId)}”`,
      tooLargeMessage: limitMessages.annotationsFile(settings.limits),
    });
    const opened: OpenDocument = { doc, users: 0, highlights: 0, failed: false };
    doc.catch(() => {
      opened.failed = true;
      if (this.kept.peek(articleId) === opened) this.kept.delete(articleId);
    });
    return opened;
  }

  private release(articleId: string, entry: OpenDocument): void {
    if (entry.users > 0 || this.inUse.get(articleId) !== entry) return;
    this.inUse.delete(articleId);
    if (!entry.failed) this.kept.set(articleId, entry);
  }
}
