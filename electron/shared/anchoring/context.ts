// Counts how much of a highlight's stored prefix and suffix still sits right next to a span:
// exact character comparison outward from the span, cheap enough to run on thousands of places
// (approximate context scoring, in score.ts, is kept for the few that survive this).
import type { TextQuoteSelector } from '../model';

export function contextKept(text: string, quote: TextQuoteSelector, start: number, end: number): number {
  const { prefix, suffix } = quote;
  let before = 0;
  while (before < prefix.length && start - 1 - before >= 0 && text.charCodeAt(start - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before)) {
    before++;
  }
  let after = 0;
  while (after < suffix.length && end + after < text.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) {
    after++;
  }
  return before + after;
}
