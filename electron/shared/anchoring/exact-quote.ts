// Finds the quote, unchanged, where it now is. A short quote can occur many times, so the stored
// prefix and suffix pick the occurrence and nearness to the expected place breaks ties. The text
// around the expected place is searched first: an occurrence there whose context matches fully
// cannot be beaten by one farther away, which spares a scan of the whole article. (A few lines
// over indexOf; nothing to take from a package.)
import type { TextQuoteSelector } from '../model';
import type { Span } from './anchor';
import { contextKept } from './context';

/** How far either side of the expected place the first look reaches. */
const NEAR_RADIUS = 4096;

interface Pick {
  at: number;
  context: number;
  distance: number;
}

function better(a: Pick, b: Pick | null): boolean {
  return b === null || a.context > b.context || (a.context === b.context && a.distance < b.distance);
}

/** Best occurrence starting in [from, to); `whole` tells whether its context matched fully. */
function bestBetween(text: string, quote: TextQuoteSelector, hint: number, from: number, to: number): { pick: Pick | null; whole: boolean } {
  const exact = quote.exact;
  // Searching a slice bounds the scan; V8 slices without copying.
  const region = text.slice(from, Math.min(text.length, to + exact.length - 1));
  let pick: Pick | null = null;
  let whole = false;
  for (let i = region.indexOf(exact); i !== -1; i = region.indexOf(exact, i + 1)) {
    const at = from + i;
    const kept = contextKept(text, quote, at, at + exact.length);
    const isWhole = kept === quote.prefix.length + quote.suffix.length;
    const candidate = { at, context: kept, distance: Math.abs(at - hint) };
    if (better(candidate, pick)) {
      pick = candidate;
      whole = isWhole;
    }
  }
  return { pick, whole };
}

/** `within`, when given, limits the search to occurrences lying inside it. */
export function findExactQuote(text: string, quote: TextQuoteSelector, hint: number, within?: Span): Span | null {
  const length = quote.exact.length;
  if (length === 0 || length > text.length) return null;
  hint = Math.min(Math.max(0, hint), text.length);
  const wholeContext = quote.prefix.length + quote.suffix.length;
  if (text.startsWith(quote.exact, hint) && contextKept(text, quote, hint, hint + length) === wholeContext) {
    return { start: hint, end: hint + length };
  }
  if (within !== undefined) {
    const from = Math.max(0, within.start);
    return spanOf(bestBetween(text, quote, hint, from, Math.max(from, within.end - length + 1)).pick, length);
  }
  const from = Math.max(0, hint - NEAR_RADIUS);
  const to = Math.min(text.length, hint + NEAR_RADIUS + 1);
  const near = bestBetween(text, quote, hint, from, to);
  let pick = near.pick;
  if (!near.whole) {
    const before = bestBetween(text, quote, hint, 0, from);
    const after = bestBetween(text, quote, hint, to, text.length);
    for (const other of [before.pick, after.pick]) if (other !== null && better(other, pick)) pick = other;
  }
  return spanOf(pick, length);
}

function spanOf(pick: Pick | null, length: number): Span | null {
  return pick === null ? null : { start: pick.at, end: pick.at + length };
}
