// Guesses where an edited quote could be in a long article without running the approximate
// matcher over all of it (tens of milliseconds per quote on a megabyte). Short pieces of the
// quote and of its context that survived the edit still occur verbatim; each occurrence says
// where the quote would start. This is the "filter" of filter-then-verify; approx-string-match
// verifies. No package offers it for arbitrary strings, and it is a few lines over indexOf.
import type { TextQuoteSelector } from '../model';

const PIECE_LENGTH = 16;
const MAX_PIECES = 6;
/** A piece found more often than this says nothing about where the quote is. */
const MAX_HITS_PER_PIECE = 8;

/** Sorted, de-duplicated start offsets the quote may have, from pieces of it and its context. */
export function seedStarts(text: string, quote: TextQuoteSelector): number[] {
  const whole = quote.prefix + quote.exact + quote.suffix;
  const pieceLength = Math.min(PIECE_LENGTH, whole.length);
  if (pieceLength < 4) return [];
  const slots = Math.floor(whole.length / pieceLength);
  const step = Math.max(1, Math.floor(slots / MAX_PIECES));
  const starts = new Set<number>();
  for (let slot = 0; slot < slots; slot += step) {
    const offset = slot * pieceLength;
    const piece = whole.slice(offset, offset + pieceLength);
    const hits: number[] = [];
    for (let at = text.indexOf(piece); at !== -1 && hits.length <= MAX_HITS_PER_PIECE; at = text.indexOf(piece, at + 1)) {
      hits.push(at);
    }
    if (hits.length > MAX_HITS_PER_PIECE) continue;
    for (const at of hits) starts.add(Math.max(0, at - (offset - quote.prefix.length)));
  }
  return [...starts].sort((a, b) => a - b);
}
