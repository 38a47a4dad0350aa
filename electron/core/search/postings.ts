// How one word's documents are written in the index file: a string such as "0,3.2,1" meaning
// document 0; document 3 (0 + 3), twice; document 4 (3 + 1). Numbers are base 36 and gaps rather
// than ids, so most entries are one or two characters; a string per word, rather than an array
// of numbers, is what lets JSON.parse and zod read a library's index in tens of milliseconds
// instead of a second, and lets a word's list wait, encoded, until a search first needs it.

/** A document number and how many times the word occurs in it. */
export type Posting = [document: number, count: number];

export function encodePostings(postings: readonly Posting[]): string {
  let previous = -1;
  const parts: string[] = [];
  for (const [document, count] of postings) {
    const gap = (document - previous).toString(36);
    parts.push(count > 1 ? `${gap}.${count.toString(36)}` : gap);
    previous = document;
  }
  return parts.join(',');
}

function digit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return -1;
}

/**
 * Calls `each` for every posting, in order. Throws on anything that is not a well-formed list of
 * documents below `documentCount` (so a damaged file is caught when it is read, not mid-search).
 */
export function decodePostings(encoded: string, documentCount: number, each?: (document: number, count: number) => void): number {
  let document = -1;
  let entries = 0;
  let value = 0;
  let digits = 0;
  let gap = -1;
  const finish = (): void => {
    if (digits === 0) throw new Error('empty number');
    let count = 1;
    if (gap === -1) gap = value;
    else count = value;
    if (gap < 1 || count < 1) throw new Error('gap or count below 1');
    document += gap;
    if (document >= documentCount) throw new Error(`document ${document} out of range`);
    each?.(document, count);
    entries++;
  };
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    const d = digit(code);
    if (d >= 0) {
      value = value * 36 + d;
      digits++;
    } else if (code === 46 /* . */ && gap === -1 && digits > 0) {
      gap = value;
      value = 0;
      digits = 0;
    } else if (code === 44 /* , */) {
      finish();
      value = 0;
      digits = 0;
      gap = -1;
    } else {
      throw new Error(`unexpected character at ${i}`);
    }
  }
  finish();
  return entries;
}
