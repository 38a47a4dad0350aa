// Finds where one highlight's stored selectors point in the article's current text, in the order
// DESIGN.md gives: the stored position while its text still equals the quote; the unchanged quote
// nearest the expected place, prefix and suffix choosing among repeats; a bounded fuzzy search
// scored like Hypothesis; otherwise orphaned, keeping the best candidate for a person to judge.
import type { Selectors } from '../model';
import { judgeCandidate, sameWords, type Anchor } from './anchor';
import { findExactQuote } from './exact-quote';
import { findFuzzy } from './fuzzy';


/**
 * The one way to ask where a highlight is in a text, and whether its quote is still exactly at
 * its stored position (`status === 'exact'`). `hint` is where the quote is expected to start:
 * the stored position unless a caller knows better (neighbouring highlights that moved together,
 * or a diff between revisions).
 */
export function resolve(selectors: Selectors, text: string, hint: number = selectors.position.start): Anchor {
  const { quote, position } = selectors;
  const { exact } = quote;
  if (position.end - position.start === exact.length && text.startsWith(exact, position.start)) {
    return sameWords('exact', position.start, position.end);
  }
  const near = Math.min(Math.max(0, hint), text.length);
  const found = findExactQuote(text, quote, near);
  if (found !== null) return sameWords('moved', found.start, found.end);
  return judgeCandidate(findFuzzy(text, quote, near));
}

/** True when the quote stands at its stored position in `text`: what every write checks. */
export function quoteIsAt(selectors: Selectors, text: string): boolean {
  return resolve(selectors, text).status === 'exact';
}
