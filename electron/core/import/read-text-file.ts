// Reads an article file, refusing what would import as garbage: empty files, files too large to
// be an article, and (for text and Markdown) text in another encoding than UTF-8.
import { basename, extname } from 'node:path';
import { UserError } from '../errors';
import { readInputFile, type InputRule } from '../files/input-file';

export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

export const ARTICLE_INPUT: InputRule = {
  maxBytes: MAX_ARTICLE_BYTES,
  tooLarge: (name) => `${name} is larger than 50 MB, too large to be an article.`,
};

/**
 * Text and Markdown are nearly all words, and every megabyte of words costs the import over a
 * second and some 60 MB of memory at its peak (jsdom, sanitizing, the search index; see
 * BENCHMARKS.md), so their cap is lower: 10 MB is some 1.7 million words, more than any book. A page's cap is higher because markup and inline
 * images make up most of a saved page.
 */
export const MAX_TEXT_ARTICLE_BYTES = 10 * 1024 * 1024;

export const TEXT_ARTICLE_INPUT: InputRule = {
  maxBytes: MAX_TEXT_ARTICLE_BYTES,
  tooLarge: (name) => `${name} is larger than 10 MB, more text than any book, too large for a text or Markdown article.`,
};

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.mdown', '.mkd']);

/** The cap a file is held to before it is read, by what its name says it is. */
export function articleInputFor(path: string): InputRule {
  return TEXT_EXTENSIONS.has(extname(path).toLowerCase()) ? TEXT_ARTICLE_INPUT : ARTICLE_INPUT;
}

/** A file named like a page may still hold text: once its bytes say so, the text cap applies. */
export function refuseLongText(bytes: Uint8Array, name: string): void {
  if (bytes.length > MAX_TEXT_ARTICLE_BYTES) throw new UserError(TEXT_ARTICLE_INPUT.tooLarge(name));
}

/** The file's bytes, after checking it exists, is a plain file, and is not over its size cap. */
export async function readArticleBytes(path: string): Promise<Uint8Array> {
  const bytes = await readInputFile(path, articleInputFor(path));
  if (bytes.length === 0) throw new UserError(`${basename(path)} is empty.`);
  return bytes;
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Decodes text that must be UTF-8 (plain text and Markdown), refusing empty text. */
export function decodeUtf8Article(bytes: Uint8Array, name: string): string {
  if (hasUtf16Bom(bytes)) throw new UserError(`${name} is not UTF-8 text; save it as UTF-8 and import it again.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${name} is not UTF-8 text; save it as UTF-8 and import it again.`);
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') throw new UserError(`${name} is empty.`);
  return text;
}

/** NUL never appears in text; a run of other control characters means a binary format. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
