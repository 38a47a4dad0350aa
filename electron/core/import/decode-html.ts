// Decodes a saved web page the way a browser would: byte-order mark, then the page's declared
// charset, then UTF-8, and windows-1252 for old pages that declare nothing and are not UTF-8.
import { UserError } from '../errors';

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/iu.exec(head);
  return match?.[1] ?? null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array, name: string): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder('utf-8').decode(bytes);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    const label = declaredCharset(bytes);
    const declared = label === null ? null : decoderFor(label);
    if (declared !== null) text = declared.decode(bytes);
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
      }
    }
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') throw new UserError(`${name} is empty.`);
  return text;
}
