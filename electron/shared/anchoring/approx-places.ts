// Runs approx-string-match once over many small places of a text instead of once per place.
// Each call of the matcher pays for setting up the pattern, and it keeps only the matches with
// the fewest errors per call; joining the places gives one setup and one shared "fewest". Each
// place is followed by a run of a character absent from the pattern, longer than the errors
// allowed, so no match can reach from one place into the next. The package searches one string
// only, hence this wrapper.
import search from 'approx-string-match';
import type { Span } from './anchor';

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/** A character the pattern does not contain. */
function absentFrom(pattern: string): string {
  for (let code = 0; ; code++) {
    const ch = String.fromCharCode(code);
    if (!pattern.includes(ch)) return ch;
  }
}

/** Best matches of `pattern` inside any of `places` (offsets in `text`), taking places in order until `budget` characters. */
export function searchPlaces(text: string, pattern: string, maxErrors: number, places: readonly Span[], budget: number): ApproxMatch[] {
  const gap = absentFrom(pattern).repeat(maxErrors + 1);
  const parts: string[] = [];
  // Where each place starts in the joined string, and where it came from in the text.
  const joinedAt: number[] = [];
  const textAt: number[] = [];
  const lengths: number[] = [];
  let length = 0;
  for (const place of places) {
    if (length >= budget) break;
    const start = Math.max(0, place.start);
    const end = Math.min(text.length, place.end);
    if (end <= start) continue;
    joinedAt.push(length);
    textAt.push(start);
    lengths.push(end - start);
    parts.push(text.slice(start, end), gap);
    length += end - start + gap.length;
  }
  if (parts.length === 0) return [];
  const found: ApproxMatch[] = [];
  for (const match of search(parts.join(''), pattern, maxErrors)) {
    let lo = 0;
    let hi = joinedAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((joinedAt[mid] as number) <= match.start) lo = mid;
      else hi = mid - 1;
    }
    const from = joinedAt[lo] as number;
    if (match.end - from > (lengths[lo] as number)) continue;
    const shift = (textAt[lo] as number) - from;
    found.push({ start: match.start + shift, end: match.end + shift, errors: match.errors });
  }
  return found;
}
