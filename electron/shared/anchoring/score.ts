// Scores a place where an edited quote might now be, the way Hypothesis weighs it: mostly how
// much of the quote survived, then how well the text around it still reads like the stored
// prefix and suffix, and a little for being near where it used to be. The score doubles as the
// 0-1 confidence a person sees.
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model';
import type { Span } from './anchor';

export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Hypothesis's measure of how much of a quote a match kept: 1 less the share of edits. */
export function similarityFromErrors(errors: number, quoteLength: number): number {
  return Math.max(0, 1 - errors / quoteLength);
}

/** 1 when `expected` occurs in `actual` unchanged, falling towards 0 with each edit needed. */
function resemblance(actual: string, expected: string): number {
  if (actual.length === 0) return 0;
  const best = search(actual, expected, expected.length)[0];
  return best === undefined ? 0 : 1 - best.errors / expected.length;
}

/** `similarity` (0-1) is how much of the quote the span still reads like. */
export function scoreSpan(text: string, quote: TextQuoteSelector, match: Span, similarity: number, hint: number): number {
  const { prefix, suffix } = quote;
  let score = SCORE_WEIGHTS.quote * similarity;
  let outOf = SCORE_WEIGHTS.quote;
  // A highlight at the very start or end of the article has no stored context to compare; leaving
  // the weight out keeps its confidence comparable to one in mid-text.
  if (prefix.length > 0) {
    score += SCORE_WEIGHTS.prefix * resemblance(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix);
    outOf += SCORE_WEIGHTS.prefix;
  }
  if (suffix.length > 0) {
    score += SCORE_WEIGHTS.suffix * resemblance(text.slice(match.end, match.end + suffix.length), suffix);
    outOf += SCORE_WEIGHTS.suffix;
  }
  const drift = Math.min(1, Math.abs(match.start - hint) / Math.max(1, text.length));
  score += SCORE_WEIGHTS.position * (1 - drift);
  outOf += SCORE_WEIGHTS.position;
  return score / outOf;
}
