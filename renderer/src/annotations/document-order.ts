// The one order highlights are listed in, in the notes panel and for next/previous: where they
// start in the article; of two starting at the same word, the longer (the one holding the other)
// first, as an element comes before the elements inside it; then the older; then by id. Every
// tie is broken, so a list never reorders when a highlight is recoloured or saved again.
import type { Annotation } from '../../../electron/shared/model';

export type Spans = ReadonlyMap<string, { start: number; end: number }>;

export function compareInDocument(spans: Spans): (a: Annotation, b: Annotation) => number {
  return (a, b) => {
    const left = spans.get(a.id);
    const right = spans.get(b.id);
    // Highlights with no place in the text (waiting for review) go last.
    if (left === undefined || right === undefined) return (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0) || byAge(a, b);
    return left.start - right.start || right.end - left.end || byAge(a, b);
  };
}

function byAge(a: Annotation, b: Annotation): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The list with one annotation put (or moved) where it belongs, found by binary search: the
 * list is already in order, and sorting thousands again on every save costs a frame.
 */
export function placeInOrder(list: readonly Annotation[], annotation: Annotation, spans: Spans): Annotation[] {
  const compare = compareInDocument(spans);
  const rest = list.filter((a) => a.id !== annotation.id);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(rest[mid] as Annotation, annotation) <= 0) low = mid + 1;
    else high = mid;
  }
  rest.splice(low, 0, annotation);
  return rest;
}
