// Links a highlight back to the page it came from with a URL text fragment
// (https://wicg.github.io/scroll-to-text-fragment/): `#:~:text=[prefix-,]start[,end][,-suffix]`.
// Browsers search the rendered page word by word and never across a block boundary with one
// string, so a passage spanning paragraphs, or a long one, is given as its first and last words.
// Written here because the generators that exist (Chromium's, the WICG polyfill) work on a live
// page's DOM; Margin has only the passage's text and context.
import { QUOTE_CONTEXT_LENGTH, type TextQuoteSelector } from '../../shared/model';

/** Above this many characters a passage is linked by its first and last words only. */
const WHOLE_QUOTE_LIMIT = 300;
/** Words kept of each end of a long passage, and of the context either side. */
const EDGE_WORDS = 5;
const CONTEXT_WORDS = 3;

/**
 * Percent-encodes one term of a text directive. `encodeURIComponent` already encodes `&` and `,`
 * (the directive's separators); `-` must be encoded too, since it marks prefix and suffix.
 * Parentheses are encoded as well (the spec allows encoding any character) so the link can sit
 * in a Markdown link destination untouched.
 */
export function encodeTextDirectiveTerm(term: string): string {
  const encoded = encodeURIComponent(term);
  return /[-()]/.test(encoded) ? encoded.replace(/-/g, '%2D').replace(/\(/g, '%28').replace(/\)/g, '%29') : encoded;
}

// Everything below runs for every highlight of a library-wide export, so words are found by
// scanning character codes rather than by splitting whole strings into arrays.

/** What `\s` matches in a JavaScript regular expression. */
function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const collapse = (text: string): string => (/\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text).trim();

/** The first `count` words of `text`, spaces collapsed. */
function firstWords(text: string, count: number): string {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const start = i;
  let end = i;
  for (let n = 0; n < count && i < text.length; n++) {
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    end = i;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  }
  return collapse(text.slice(start, end));
}

/** The last `count` words of `text`, spaces collapsed. */
function lastWords(text: string, count: number): string {
  let i = text.length;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const end = i;
  let start = i;
  for (let n = 0; n < count && i > 0; n++) {
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
    start = i;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  }
  return collapse(text.slice(start, end));
}

/** Whether `text` has more than `limit` words, counting no further than needed. */
function hasMoreWords(text: string, limit: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words > limit) return true;
    inWord = !space;
  }
  return false;
}

/**
 * The words of the context that touch the passage, on its own line. The stored context is cut at
 * a fixed length, so when it is full its far word is likely a fragment and is dropped.
 */
function contextBefore(prefix: string): string {
  const newline = prefix.lastIndexOf('\n');
  let line = prefix.slice(newline + 1);
  if (newline === -1 && prefix.length >= QUOTE_CONTEXT_LENGTH && !isSpace(prefix.charCodeAt(0))) line = line.replace(/^\S+/, '');
  return lastWords(line, CONTEXT_WORDS);
}

function contextAfter(suffix: string): string {
  const newline = suffix.indexOf('\n');
  let line = newline === -1 ? suffix : suffix.slice(0, newline);
  if (newline === -1 && suffix.length >= QUOTE_CONTEXT_LENGTH && !isSpace(suffix.charCodeAt(suffix.length - 1))) line = line.replace(/\S+$/, '');
  return firstWords(line, CONTEXT_WORDS);
}

/** The passage's first and last lines that hold any words, with whitespace collapsed. */
function edgeLines(exact: string): { first: string; last: string; oneLine: boolean } | null {
  if (!exact.includes('\n')) {
    const line = collapse(exact);
    return line === '' ? null : { first: line, last: line, oneLine: true };
  }
  const lines = exact.split('\n');
  let from = 0;
  while (from < lines.length && (lines[from] ?? '').trim() === '') from++;
  let to = lines.length - 1;
  while (to > from && (lines[to] ?? '').trim() === '') to--;
  if (from >= lines.length) return null;
  return { first: collapse(lines[from] ?? ''), last: collapse(lines[to] ?? ''), oneLine: from === to };
}

/** The `text=` directive for a passage, without the `#:~:` that introduces it. */
export function textDirective(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | null {
  const edges = edgeLines(quote.exact);
  if (edges === null) return null;
  const terms: string[] = [];
  const before = contextBefore(quote.prefix);
  if (before !== '') terms.push(`${encodeTextDirectiveTerm(before)}-`);
  const whole = edges.oneLine && (edges.first.length <= WHOLE_QUOTE_LIMIT || !hasMoreWords(edges.first, EDGE_WORDS * 2));
  if (whole) {
    terms.push(encodeTextDirectiveTerm(edges.first));
  } else {
    terms.push(encodeTextDirectiveTerm(firstWords(edges.first, EDGE_WORDS)));
    terms.push(encodeTextDirectiveTerm(lastWords(edges.last, EDGE_WORDS)));
  }
  const after = contextAfter(quote.suffix);
  if (after !== '') terms.push(`-${encodeTextDirectiveTerm(after)}`);
  return `text=${terms.join(',')}`;
}

/** The page a text fragment can point into: an http(s) source URL without its own fragment. */
export function fragmentBase(sourceUrl: string | null): string | null {
  if (sourceUrl === null || !/^https?:\/\//iu.test(sourceUrl)) return null;
  return sourceUrl.split('#')[0] ?? sourceUrl;
}

/**
 * The source URL with a text fragment for the passage, or null when the article has no web
 * source. A fragment already on the URL is replaced: text directives need the `#:~:` part and
 * a page anchor there would only compete with them.
 */
export function textFragmentUrl(sourceUrl: string | null, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | null {
  const base = fragmentBase(sourceUrl);
  if (base === null) return null;
  const directive = textDirective(quote);
  return directive === null ? base : `${base}#:~:${directive}`;
}
