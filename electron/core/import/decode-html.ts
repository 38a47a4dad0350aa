// Decodes a saved web page the way a browser would: byte-order mark, then the charset the server
// sent (for a fetched page), then the page's declared charset, then UTF-8, and windows-1252 for
// old pages that declare nothing and are not UTF-8. One exception to the page's own declaration:
// tools that save or convert a page write it as UTF-8 and leave its <meta> naming the charset it
// was served in (gb2312, Shift_JIS, windows-1251...). Text in those charsets is practically never
// valid UTF-8 once it holds non-ASCII bytes, so bytes that are valid UTF-8 are read as UTF-8.
import { UserError } from '../errors';

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/iu.exec(head);
  return match?.[1] ?? null;
}

/** The charset parameter of a Content-Type header ("text/html; charset=ISO-8859-1"). */
export function headerCharset(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w:.-]+)/iu.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/**
 * Bytes 0x80-0x9F of windows-1252, the encoding every "latin1" / "iso-8859-1" label means on the
 * web. Node 20's TextDecoder decodes that label as ISO-8859-1 and turns curly quotes, dashes and
 * the euro sign into invisible control characters, so the table is applied here.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

type Decode = (bytes: Uint8Array) => string;

function decoderFor(label: string, declaredInPage: boolean): Decode | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null;
  }
  if (decoder.encoding === 'windows-1252') return decodeWindows1252;
  // A page cannot declare UTF-16 in its own ASCII text; browsers read such a page as UTF-8.
  if (declaredInPage && (decoder.encoding === 'utf-16le' || decoder.encoding === 'utf-16be')) return (bytes) => new TextDecoder('utf-8').decode(bytes);
  return (bytes) => decoder.decode(bytes);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array, name: string, transportCharset: string | null = null): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder('utf-8').decode(bytes);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    const sent = transportCharset === null ? null : decoderFor(transportCharset, false);
    const label = sent === null ? declaredCharset(bytes) : null;
    const declared = sent ?? (label === null ? null : decoderFor(label, true));
    const utf8 = sent === null ? strictUtf8(bytes) : null;
    // Fewer characters than bytes: some were multi-byte, so the bytes are UTF-8 beyond ASCII.
    if (utf8 !== null && (declared === null || utf8.length < bytes.length)) text = utf8;
    else if (declared !== null) text = declared(bytes);
    else text = decodeWindows1252(bytes);
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') throw new UserError(`${name} is empty.`);
  return text;
}
