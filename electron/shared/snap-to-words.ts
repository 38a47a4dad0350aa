// Widens a selection to whole words, as reading apps do (Kindle, Apple Books, Readwise): a drag
// from the middle of one word to the middle of another takes both words whole. Words are what
// Intl.Segmenter says they are, so text without spaces (Chinese, Japanese, Thai), letters with
// diacritics (precomposed or combining) and words beside punctuation are cut where a reader
// expects. Only a word the selection cuts is completed: punctuation and spaces stay as the
// person selected them, so a selection ending mid-word before a comma takes the word, not the
// comma, and quotes selected around a word are kept.
//
// Intl.Segmenter has no way to start at an offset: segmenting a whole megabyte article costs
// about 20 ms per lookup. So only the stretch around each end is segmented, cut where a word
// boundary does not depend on anything before or after it (see `isFixedBoundary`), which gives
// the same words as segmenting the whole text. Text with no such place for a long way (Chinese
// or Japanese set without spaces or full stops) is cut a few hundred characters from the end
// instead: a dictionary's choice of words there depends only on the words near it.

export interface Span {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** After white space or an ideographic full stop, comma, exclamation or question mark. */
const ENDS_RUN = /[\s\u3001\u3002\uff01\uff1f]/u;
/** What joins the character before it (combining marks, format characters such as ZWJ) or more space. */
const JOINS_PREVIOUS = /[\p{M}\p{Cf}\s]/u;

/**
 * A word boundary whatever the text around it: no word-break rule joins a character across
 * white space or those stops, and rules look back at most two characters, which here are not
 * letters, digits or flags, the same as the start of a text. A mark after the space would
 * attach to it, so that is not such a place.
 */
function isFixedBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = text[at - 1] as string;
  const after = String.fromCodePoint(text.codePointAt(at) as number);
  return ENDS_RUN.test(before) && !JOINS_PREVIOUS.test(after);
}

/** How far from an end of the selection a fixed boundary is looked for, at first. */
const FIRST_REACH = 256;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The word (a word-like segment) holding the code unit at `index`, or null if that is not in a word. */
export function wordAt(text: string, index: number, locale?: string): Span | null {
  if (index < 0 || index >= text.length) return null;
  for (let reach = FIRST_REACH; ; reach *= 4) {
    let from = index;
    while (from > index - reach && !isFixedBoundary(text, from)) from--;
    if (isLowSurrogate(text.charCodeAt(from))) from--;
    let to = index + 1;
    while (to < index + 1 + reach && !isFixedBoundary(text, to)) to++;
    if (isLowSurrogate(text.charCodeAt(to))) to++;
    const piece = segmenterFor(locale).segment(text.slice(from, to)).containing(index - from);
    if (piece === undefined) return null;
    const start = from + piece.index;
    const end = start + piece.segment.length;
    // A word running into a cut that is not a fixed boundary may go on past it: look further.
    if ((start === from && !isFixedBoundary(text, from)) || (end === to && !isFixedBoundary(text, to))) continue;
    return piece.isWordLike === true ? { start, end } : null;
  }
}

/** The last break at or before `at`, else 0 (`breaks` sorted ascending). */
function breakBefore(breaks: readonly number[], at: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((breaks[mid] as number) <= at) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? 0 : (breaks[low - 1] as number);
}

/** The first break at or after `at`, else Infinity. */
function breakAfter(breaks: readonly number[], at: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((breaks[mid] as number) < at) low = mid + 1;
    else high = mid;
  }
  return low === breaks.length ? Infinity : (breaks[low] as number);
}

/**
 * The span grown to take whole any word it cuts at either end. `breaks` are offsets where one
 * block of the page (a heading, a caption, a paragraph) gives way to the next: the text often
 * has no space there ("failed" + "The" reads as "failedThe"), so a word is never grown across one.
 */
export function snapToWords(text: string, span: Span, locale?: string, breaks: readonly number[] = []): Span {
  let { start, end } = span;
  if (end <= start) return { start, end };
  const first = wordAt(text, start, locale);
  if (first !== null && first.start < start) start = Math.max(first.start, breakBefore(breaks, span.start));
  const last = wordAt(text, end - 1, locale);
  if (last !== null && last.end > end) end = Math.min(last.end, breakAfter(breaks, span.end));
  return { start, end };
}
