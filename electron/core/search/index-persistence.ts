// The search index's state to and from its file form (index-file.ts): articles and highlights as
// compact records, the word index as engine.ts's compact form. Reading back cross-checks what
// zod cannot: ids unique and usable, every article's documents indexed and no document without
// an article, so a file that does not hold together is set aside and rebuilt, never searched.
import { Engine } from './engine';
import { docId, notesBody, type ArticleEntry, type DocKind } from './index-entries';
import { INDEX_FORMAT, INDEX_VERSION, type AnnotationRecord, type IndexFile } from './index-file';
import type { IndexState } from './index-state';

/** The state as it is written: taken at once, in new arrays, so later changes wait for the next save. */
export function toFile(state: IndexState): IndexFile {
  const articles = [...state.articles.values()].map((entry) => ({
    id: entry.id,
    title: entry.title,
    byline: entry.byline,
    siteName: entry.siteName,
    tags: entry.tags,
    revision: entry.revision,
    updatedAt: entry.updatedAt,
    text: entry.text,
    annotationsStamp: entry.annotationsStamp,
    annotations: [...entry.annotations.values()].map((a): AnnotationRecord => [a.id, a.start, a.end, a.updatedAt, a.note, a.tags, a.color]),
  }));
  return { format: INDEX_FORMAT, version: INDEX_VERSION, articles, engine: state.engine.toCompact() };
}

/** Takes a loaded file into an empty state, or says what is wrong with it (the state is then to be cleared). */
export function adoptFile(state: IndexState, file: IndexFile): string | null {
  try {
    state.engine = Engine.fromCompact(file.engine);
  } catch (error) {
    return `the index does not hold together: ${error instanceof Error ? error.message : String(error)}`;
  }
  let documents = 0;
  for (const record of file.articles) {
    const entry: ArticleEntry = { ...record, annotationsStamp: record.annotationsStamp ?? null, annotations: new Map() };
    if (!state.adoptArticle(entry)) return `bad or repeated article id ${record.id}`;
    for (const [id, start, end, updatedAt, note, tags, color] of record.annotations) {
      if (end < start || !state.adoptAnnotation(entry, { id, articleId: entry.id, start, end, updatedAt, note, tags, color })) return `annotation ${id}: repeated or out of range`;
    }
    const expected: DocKind[] = notesBody(entry) === '' ? ['title', 'text'] : ['title', 'text', 'notes'];
    const missing = expected.find((kind) => !state.engine.has(docId(kind, entry.id)));
    if (missing !== undefined) return `article ${entry.id}: its ${missing} is not indexed`;
    documents += expected.length;
  }
  if (documents !== state.engine.documentCount) return `${state.engine.documentCount - documents} indexed documents belong to no article`;
  return null;
}
