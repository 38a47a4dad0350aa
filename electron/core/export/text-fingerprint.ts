// A fingerprint of an article's text, written into annotation exports so another library can
// recognise the same article when it has another id and no web address (a file imported twice).
// Unicode-normalized and with whitespace runs folded, so the same words give the same
// fingerprint whatever line ends or spacing the file or an importer left between blocks.
import { createHash } from 'node:crypto';

// Every whitespace run becomes one space. A single space is left as it is rather than replaced by
// itself: in running text that is every gap between words, and replacing each costs more than the
// hash. (No u flag: \s holds only BMP characters, and the flag slows the scan in V8.)
const FOLD = /\s\s+|[^\S ]/g;

export function normalizedText(text: string): string {
  return text.normalize('NFC').replace(FOLD, ' ').trim();
}

/** SHA-256 of the normalized text, as 64 lowercase hex digits. */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(normalizedText(text), 'utf8').digest('hex');
}
