// Paints highlights with the CSS Custom Highlight API: ranges registered per colour, no change
// to the article's DOM, so overlapping highlights cost the page nothing.
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../electron/shared/model';

export interface PaintedSpan {
  id: string;
  color: HighlightColor;
  range: Range;
}

const FOCUS = 'margin-focus';

export function paintHighlights(spans: PaintedSpan[], focusedId: string | null): void {
  for (const color of HIGHLIGHT_COLORS) {
    const ranges = spans.filter((span) => span.color === color).map((span) => span.range);
    CSS.highlights.set(`margin-${color}`, new Highlight(...ranges));
  }
  const focused = spans.find((span) => span.id === focusedId);
  if (focused === undefined) CSS.highlights.delete(FOCUS);
  else CSS.highlights.set(FOCUS, new Highlight(focused.range));
}
