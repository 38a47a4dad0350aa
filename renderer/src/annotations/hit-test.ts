// Which painted highlights lie under a point. Painted highlights add no elements to click on, so
// the point is turned into a text offset, and only the highlights spanning that offset have their
// boxes on screen checked (the way foliate's overlayer judges a hit), never all of them.
import type { PaintedSpan } from './highlight-painter';
import type { TextMap } from '../reader/text-offsets';

export function highlightsAt(spans: readonly PaintedSpan[], map: TextMap, x: number, y: number): PaintedSpan[] {
  const offset = map.offsetAtPoint(x, y);
  if (offset === null) return [];
  const hits = spans.filter((span) => {
    if (offset < span.start || offset > span.end) return false;
    const rects = map.range(span.start, span.end)?.getClientRects() ?? [];
    return [...rects].some((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom);
  });
  // Innermost first: the shortest highlight is usually the one aimed at.
  return hits.sort((a, b) => a.end - a.start - (b.end - b.start));
}
