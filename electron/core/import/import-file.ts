// Turns a file a person chose into an article ready for the library: sanitized HTML plus
// metadata. Picks the importer by the file's extension.
import { basename, extname } from 'node:path';
import type { ArticleMeta } from '../../shared/model';
import { UserError } from '../errors';
import { sanitizeArticleHtml } from '../sanitize/sanitizer';
import { parsePlainText } from './plain-text';
import { readTextFile } from './read-text-file';
import { textBlocksToHtml } from './text-blocks-html';

/** What an importer hands the library: everything but the ids and dates the library assigns. */
export interface ImportedArticle {
  meta: Pick<
    ArticleMeta,
    'title' | 'byline' | 'siteName' | 'sourceUrl' | 'sourceFile' | 'sourcePath' | 'publishedAt' | 'language' | 'direction' | 'format'
  >;
  html: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);

export function importPlainText(source: string, sourceFile: string | null): ImportedArticle {
  const parsed = parsePlainText(source);
  if (parsed === null) throw new UserError(`${sourceFile ?? 'The text'} is empty.`);
  return {
    meta: {
      title: parsed.title,
      byline: null,
      siteName: null,
      sourceUrl: null,
      sourceFile,
      sourcePath: null,
      publishedAt: null,
      language: null,
      direction: null,
      format: 'text',
    },
    html: sanitizeArticleHtml(textBlocksToHtml(parsed.blocks)),
  };
}

export async function importFile(path: string): Promise<ImportedArticle> {
  const name = basename(path);
  const extension = extname(name).toLowerCase();
  if (!TEXT_EXTENSIONS.has(extension)) {
    throw new UserError(`Margin cannot import ${extension} files yet; save the article as plain text (.txt).`);
  }
  return importPlainText(await readTextFile(path), name);
}
