// Checks a search's phrases and left-out words against real text (an article's, a note's, a
// highlight's), not against the index's set of words: "sea wall" is found only where the two words
// stand next to each other, in that order. Words are cut and folded as the index cuts and folds
// them (terms.ts), so a phrase ignores case, accents and the punctuation between its words.
import { findTerms, indexTerm, splitWords, tokens } from './terms';

export interface Span {
  start: number;
  end: number;
}

/** A phrase or word of a query as the folded words it is made of (none for punctuation alone). */
export function termsOf(text: string): string[] {
  return splitWords(text)
    .map(indexTerm)
    .filter((term): term is string => term !== null);
}

/** Where the words of `terms` stand one after another in `text[from, to)`, each occurrence once. */
export function findPhrase(text: string, terms: readonly string[], from = 0, to = text.length): Span[] {
  const [first] = terms;
  if (first === undefined) return [];
  const starts = findTerms(text, new Set([first]), from, to);
  if (terms.length === 1) return starts.map(({ start, end }) => ({ start, end }));
  const found: Span[] = [];
  let after = from;
  for (const start of starts) {
    if (start.start < after) continue;
    // The words after this one, read in a window that grows until it holds enough of them.
    for (let reach = 64 * terms.length; ; reach *= 4) {
      const limit = Math.min(to, start.start + reach);
      const next = tokens(text, start.start, limit).slice(0, terms.length);
      // A word cut by the window's end may go on past it: look further.
      if (limit < to && (next.length < terms.length || (next[next.length - 1]?.end ?? 0) >= limit)) continue;
      if (next.length === terms.length && next.every((token, i) => token.term === terms[i])) {
        const end = (next[next.length - 1] as { end: number }).end;
        found.push({ start: start.start, end });
        after = end;
      }
      break;
    }
  }
  return found;
}

export function holdsPhrase(text: string, terms: readonly string[]): boolean {
  return terms.length > 0 && findPhrase(text, terms).length > 0;
}

/** Whether some word of `text` begins with `term` (a word still being typed counts). */
export function holdsWordStart(text: string, term: string): boolean {
  return tokens(text).some((token) => token.term.startsWith(term));
}

/** Folds a tag or colour name for comparing: case and accents aside, spaces, - and _ alike. */
export function foldName(name: string): string {
  return termsOf(name).join('-');
}
