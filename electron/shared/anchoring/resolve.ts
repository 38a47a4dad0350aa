// Finds where stored selectors point in the article's current text. Order: the stored position
// when its text still equals the quote; else the exact quote, choosing among repeats by how well
// prefix and suffix still match and how near the old position it lies. Fuzzy matching for edited
// quotes builds on this (issue 4); until then an unmatched quote reports `orphaned`.
import type { Selectors } from '../model';

export type AnchorStatus = 'exact' | 'moved' | 'orphaned';

export type Anchor =
  | { status: 'exact' | 'moved'; start: number; end: number }
  | { status: 'orphaned' };

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function resolveSelectors(text: string, selectors: Selectors): Anchor {
  const { exact, prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  if (end <= text.length && text.slice(start, end) === exact) {
    return { status: 'exact', start, end };
  }
  let best: { at: number; score: number } | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const context = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
    // Context dominates; distance from the old position only breaks ties.
    const score = context - Math.abs(at - start) / (text.length + 1);
    if (best === null || score > best.score) best = { at, score };
  }
  if (best === null) return { status: 'orphaned' };
  return { status: 'moved', start: best.at, end: best.at + exact.length };
}
