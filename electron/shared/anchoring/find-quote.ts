// Finds where a quote a person typed occurs in an article: exactly first, then with straight and
// curly quotes, dashes and no-break spaces treated alike.
import { foldTypography } from './fold';

export interface Occurrence {
  start: number;
  end: number;
}

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

export function findQuoteOccurrences(text: string, quote: string): Occurrence[] {
  let starts = allIndexes(text, quote);
  if (starts.length === 0) starts = allIndexes(foldTypography(text), foldTypography(quote));
  return starts.map((start) => ({ start, end: start + quote.length }));
}

/**
 * Whether one text holds each of many quotes, as written or with typography folded alike (the
 * same leniency as findQuoteOccurrences). The folded text is made once, on the first quote that
 * is not there as written, since most quotes are.
 */
export function quoteFinder(text: string): (quote: string) => boolean {
  let folded: string | null = null;
  return (quote) => text.includes(quote) || (folded ??= foldTypography(text)).includes(foldTypography(quote));
}
