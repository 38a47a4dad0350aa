// Reads an article file as UTF-8 text, refusing what would import as garbage: empty files,
// binary files, files too large to be an article, and text in another encoding.
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../errors';

export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function looksBinary(bytes: Uint8Array): boolean {
  // NUL never appears in text; a run of other control characters means a binary format.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export async function readTextFile(path: string): Promise<string> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError(`${name} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Margin cannot open ${name}: the file does not exist or cannot be read.`);
  }
  if (size > MAX_ARTICLE_BYTES) {
    throw new UserError(`${name} is larger than 50 MB, too large to be an article.`);
  }
  const handle = await open(path, 'r');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new UserError(`${name} is larger than 50 MB, too large to be an article.`);
  }
  if (hasUtf16Bom(bytes)) throw new UserError(`${name} is not UTF-8 text; save it as UTF-8 and import it again.`);
  if (looksBinary(bytes)) throw new UserError(`${name} is a binary file, not a text article.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${name} is not UTF-8 text; save it as UTF-8 and import it again.`);
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') throw new UserError(`${name} is empty.`);
  return text;
}
