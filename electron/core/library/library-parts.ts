// What the library's rooms (articles, revisions, annotations, settings) share: the files, the
// caches and the write path, and the reads every change starts from.
import type { ArticleMeta } from '../../shared/model';
import { UserError } from '../errors';
import type { ArticleContent } from '../sanitize/article-text';
import type { AnnotationCounts } from './annotation-counts';
import type { AnnotationDocuments } from './annotation-documents';
import { readArticleBody } from './article-body';
import { noSuchArticle, type ArticleList } from './article-list';
import type { ContentCache } from './content-cache';
import type { FileWriter } from './durable-write';
import type { StoreLimits } from './limits';
import type { LibraryWrites } from './library-writes';
import type { LibraryFile } from './schemas';
import { readStoredContent } from './stored-content';
import type { StoredDocument } from './stored-document';

export interface LibraryParts {
  dataDir: string;
  limits: StoreLimits;
  writer: FileWriter;
  libraryDoc: StoredDocument<LibraryFile>;
  list: ArticleList;
  writes: LibraryWrites;
  documents: AnnotationDocuments;
  contents: ContentCache;
  counts: AnnotationCounts;
}

export const now = (): string => new Date().toISOString();

export function findMeta(parts: LibraryParts, id: string): ArticleMeta {
  const meta = parts.libraryDoc.data.articles.find((article) => article.id === id);
  if (meta === undefined) throw new UserError(noSuchArticle(id));
  return meta;
}

/** The article's stored body; one sentence naming the article when it is missing or damaged. */
export function articleHtml(parts: LibraryParts, id: string): Promise<string> {
  return readArticleBody(parts.dataDir, findMeta(parts, id));
}

/** The article's text and figures, read from its stored HTML (recently read ones are kept). */
export async function articleContent(parts: LibraryParts, id: string): Promise<ArticleContent> {
  const cached = parts.contents.get(id);
  if (cached !== undefined) return cached;
  const content = readStoredContent(await articleHtml(parts, id));
  parts.contents.keep(id, content);
  return content;
}
