// Reads an article file, refusing what would import as garbage: empty files, files too large to
// be an article, and (for text and Markdown) text in another encoding than UTF-8.
import { basename } from 'node:path';
import { UserError } from '../errors';
import { readInputFile, type InputRule } from '../files/input-file';

export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

export const ARTICLE_INPUT: InputRule = {
  maxBytes: MAX_ARTICLE_BYTES,
  tooLarge: (name) => `${name} is larger than 50 MB, too large to be an article.`,
};

/** The file's bytes, after checking it exists, is a plain file, and is not over the size cap. */
export async function readArticleBytes(path: string): Promise<Uint8Array> {
  const bytes = await readInputFile(path, ARTICLE_INPUT);
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

export async function readTextFile(path: string): Promise<string> {
  const bytes = await readArticleBytes(path);
  const name = basename(path);
  if (!hasUtf16Bom(bytes) && looksBinary(bytes)) throw new UserError(`${name} is a binary file, not a text article.`);
  return decodeUtf8Article(bytes, name);
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
