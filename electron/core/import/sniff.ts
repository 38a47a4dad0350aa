// Decides what kind of article a file holds from its bytes, with the extension only as a hint:
// an HTML page saved as .txt is still HTML, and a zip renamed .html is refused by name.
import { extname } from 'node:path';
import { UserError } from '../errors';
import { hasUtf16Bom, looksBinary } from './read-text-file';

export type ArticleKind = 'html' | 'markdown' | 'text';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const HTML_STARTS = ['<!doctype html', '<html', '<head', '<body', '<meta', '<title', '<article'];

function head(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const slice = bytes.subarray(start, start + 2048);
  const text = hasUtf16Bom(bytes) ? new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(slice) : new TextDecoder('latin1').decode(slice);
  // Browsers open a saved page with a comment ("<!-- saved from url=... -->"); the markup follows it.
  return text.replace(/^\uFEFF/u, '').replace(/^(?:\s*<!--[\s\S]*?-->)+/u, '').trimStart().toLowerCase();
}

/** The kind of a binary format a person might pick by mistake, named in the refusal. */
function binaryFormat(bytes: Uint8Array): string | null {
  const at = (signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (at([0x50, 0x4b, 0x03, 0x04]) || at([0x50, 0x4b, 0x05, 0x06])) return 'a zip archive';
  if (at([0x25, 0x50, 0x44, 0x46])) return 'a PDF';
  if (at([0x1f, 0x8b])) return 'a compressed (gzip) file';
  if (at([0x89, 0x50, 0x4e, 0x47]) || at([0xff, 0xd8, 0xff]) || at([0x47, 0x49, 0x46, 0x38])) return 'an image';
  return null;
}

export function sniffArticleKind(bytes: Uint8Array, name: string): ArticleKind {
  const format = binaryFormat(bytes);
  if (format !== null) throw new UserError(`${name} is ${format}, not an article Margin can read.`);
  if (!hasUtf16Bom(bytes) && looksBinary(bytes)) throw new UserError(`${name} is a binary file, not a text article.`);
  const start = head(bytes);
  const extension = extname(name).toLowerCase();
  if (HTML_STARTS.some((tag) => start.startsWith(tag))) return 'html';
  if (start.startsWith('<?xml') && start.includes('<html')) return 'html';
  if (HTML_EXTENSIONS.has(extension) && start.startsWith('<')) return 'html';
  if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  return 'text';
}
