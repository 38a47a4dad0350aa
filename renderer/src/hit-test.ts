// Which painted highlights lie under a point, judged by their ranges' boxes on screen (the way
// foliate's overlayer does it), since painted highlights add no elements to click on.
import type { PaintedSpan } from './highlight-painter';

export function highlightsAt(spans: readonly PaintedSpan[], x: number, y: number): PaintedSpan[] {
  const hits = spans.filter((span) =>
    [...span.range.getClientRects()].some((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom),
  );
  // Innermost first: the shortest highlight is usually the one aimed at.
  return hits.sort((a, b) => a.range.toString().length - b.range.toString().length);
}
