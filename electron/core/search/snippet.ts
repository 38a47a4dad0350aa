// Builds the short piece of text shown under a search result, with the matched words set apart.
// It returns the pieces (before, match, after) rather than markup, so the renderer marks them
// with DOM nodes and the CLI with plain text, and nothing from an article is ever parsed as HTML.
import { tokens, type Token } from './terms';
import type { SearchSnippet } from './types';

export interface PlacedSnippet {
  snippet: SearchSnippet;
  /** Offsets of the marked words in the source text, or null when no word could be marked. */
  start: number | null;
  end: number | null;
}

const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 100;
/** A run of matched words longer than this is cut, so the snippet keeps some context. */
const MAX_MATCH = 80;
/** A marked part longer than this (a whole highlight) is shown cut. */
const MAX_MARKED = 200;
const ELLIPSIS = '…';

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/**
 * The run of matched words to mark: words next to each other ("Daily Wire") form one run; of the
 * runs, the one with the most distinct query terms, else the first. Words apart are not joined, so
 * no unmatched word between them is ever shown marked.
 */
function bestRun(found: readonly Token[], terms: ReadonlySet<string>): { first: Token; last: Token } | null {
  let best: { first: Token; last: Token; distinct: number } | null = null;
  let run: Token[] = [];
  const close = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    const distinct = new Set(run.map((token) => token.term)).size;
    if (first !== undefined && last !== undefined && (best === null || distinct > best.distinct)) best = { first, last, distinct };
    run = [];
  };
  for (const token of found) {
    const first = run[0];
    if (!terms.has(token.term) || (first !== undefined && token.end - first.start > MAX_MATCH)) close();
    if (terms.has(token.term)) run.push(token);
  }
  close();
  return best;
}

/** `text[from, to)` cut back to a word boundary when `to` falls inside a word. */
function endAtWord(text: string, from: number, to: number, limit: number): number {
  if (to >= limit) return limit;
  if (/\s/u.test(text.charAt(to))) return to;
  const space = text.slice(from, to).search(/\s\S*$/u);
  return space > 0 ? from + space : to;
}

function startAtWord(text: string, from: number, to: number, limit: number): number {
  if (from <= limit) return limit;
  if (/\s/u.test(text.charAt(from - 1))) return from;
  const space = text.slice(from, to).search(/\s/u);
  return space >= 0 && from + space < to ? from + space + 1 : from;
}

/**
 * A snippet from `text[from, to)` around the words whose folded form is in `terms`. When none is
 * found (the text moved under a stale index), the start of the region stands in, unmarked.
 */
export function snippetOf(text: string, from: number, to: number, terms: ReadonlySet<string>): PlacedSnippet {
  const run = bestRun(tokens(text, from, to), terms);
  if (run === null) {
    const end = endAtWord(text, from, from + CONTEXT_BEFORE + CONTEXT_AFTER, to);
    return { snippet: { before: '', match: '', after: collapse(text.slice(from, end)) + (end < to ? ELLIPSIS : '') }, start: null, end: null };
  }
  return snippetAround(text, from, to, run.first.start, run.last.end);
}

/**
 * A snippet from `text[from, to)` with `text[markStart, markEnd)` marked (a phrase found there, a
 * whole highlight), cut short with "…" when the marked part is long.
 */
export function snippetAround(text: string, from: number, to: number, markStart: number, markEnd: number): PlacedSnippet {
  const windowStart = startAtWord(text, markStart - CONTEXT_BEFORE, markStart, from);
  const shownEnd = markEnd - markStart > MAX_MARKED ? endAtWord(text, markStart, markStart + MAX_MARKED, markEnd) : markEnd;
  const windowEnd = shownEnd < markEnd ? shownEnd : endAtWord(text, markEnd, markEnd + CONTEXT_AFTER, to);
  return {
    snippet: {
      before: (windowStart > from ? ELLIPSIS : '') + collapse(text.slice(windowStart, markStart)).trimStart(),
      match: collapse(text.slice(markStart, shownEnd)) + (shownEnd < markEnd ? ELLIPSIS : ''),
      after: shownEnd < markEnd ? '' : collapse(text.slice(markEnd, windowEnd)).trimEnd() + (windowEnd < to ? ELLIPSIS : ''),
    },
    start: markStart,
    end: markEnd,
  };
}
