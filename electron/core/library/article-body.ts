// Reads an article's stored body (articles/<id>/article.html). A body that is gone, empty, not
// UTF-8 or unreadable is one sentence that names the article, never a raw system error: the
// article stays in the list with its highlights and notes, and the rest of the library (a whole
// export, the list) goes on without it.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { ArticleMeta } from '../../shared/model';
import { UserError } from '../errors';
import { articleHtmlFile } from './files';

/** The article's body cannot be used; the message names the article and what is wrong. */
export class UnreadableBodyError extends UserError {
  override name = 'UnreadableBodyError';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function readArticleBody(dataDir: string, meta: Pick<ArticleMeta, 'id' | 'title'>): Promise<string> {
  const path = articleHtmlFile(dataDir, meta.id);
  const where = relative(dataDir, path);
  const cannot = (problem: string) => new UnreadableBodyError(`The text of “${meta.title}” ${problem}, so Margin cannot show it; its highlights and notes are kept, and importing it again restores it.`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw cannot(code === 'ENOENT' ? `is missing from the library (${where} is gone)` : `cannot be read (${where}: ${code ?? 'unknown error'})`);
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw cannot(`is damaged (${where} is not UTF-8 text)`);
  }
  if (text.trim() === '') throw cannot(`is damaged (${where} is empty)`);
  return text;
}
