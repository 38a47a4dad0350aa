// Paints highlights with the CSS Custom Highlight API: ranges registered per colour, no change
// to the article's DOM, so overlapping highlights cost the page nothing.
//
// Only the highlights in and near view are registered. Every registered range becomes markers on
// the text nodes it covers, which the browser keeps, repaints and traces on each garbage
// collection: with thousands registered, scrolling a long article stalled for hundreds of ms. The
// painted band follows the scroll: it is the screenful in view and one more above and below, and
// is moved once the view gets close to its edge.
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../electron/shared/model';
import type { Span, TextMap } from '../reader/text-offsets';

export interface PaintedSpan {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
}

const FOCUS = 'margin-focus';
/** Up to this many highlights, all are registered: the band pays off only beyond. */
const ALL_UP_TO = 300;

export class HighlightPainter {
  private spans: readonly PaintedSpan[] = [];
  private map: TextMap | null = null;
  private focusedId: string | null = null;
  /** The part of the text whose highlights are registered now. */
  private band: Span | null = null;
  private pending = 0;
  private readonly onScroll = () => {
    if (this.pending === 0) this.pending = requestAnimationFrame(() => this.follow());
  };

  constructor(private readonly scroller: HTMLElement) {
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    // A new width or font moves the text on screen: the band is worked out again.
    new ResizeObserver(() => this.paint()).observe(scroller);
  }

  /** Every highlight of the open article, where it is in the text. */
  show(map: TextMap, spans: readonly PaintedSpan[], focusedId: string | null): void {
    this.map = map;
    this.spans = spans;
    this.focusedId = focusedId;
    this.paint();
  }

  clear(): void {
    this.map = null;
    this.spans = [];
    this.paint();
  }

  /** Highlights as listed, for hit-testing: all of them, painted or not. */
  all(): readonly PaintedSpan[] {
    return this.spans;
  }

  private follow(): void {
    this.pending = 0;
    const band = this.band;
    if (band === null) return;
    const view = this.inView();
    if (view === null) return this.paint();
    const margin = (view.end - view.start) / 2;
    if (view.start - margin < band.start && band.start > 0) this.paint();
    else if (view.end + margin > band.end && band.end < (this.map?.length ?? 0)) this.paint();
  }

  private paint(): void {
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    const view = this.spans.length <= ALL_UP_TO ? null : this.inView();
    // Few highlights, or text not laid out (a hidden window): paint everything.
    const band = view === null ? { start: 0, end: Number.MAX_SAFE_INTEGER } : { start: view.start - (view.end - view.start) - 1, end: view.end + (view.end - view.start) + 1 };
    this.band = view === null ? null : band;
    const byColor = new Map<HighlightColor, StaticRange[]>(HIGHLIGHT_COLORS.map((color) => [color, []]));
    for (const span of this.spans) {
      if (span.end < band.start || span.start > band.end) continue;
      const range = this.map?.staticRange(span.start, span.end);
      if (range != null) byColor.get(span.color)?.push(range);
    }
    for (const [color, ranges] of byColor) CSS.highlights.set(`margin-${color}`, new Highlight(...ranges));
    this.paintFocus();
  }

  private paintFocus(): void {
    const focused = this.focusedId === null ? undefined : this.spans.find((span) => span.id === this.focusedId);
    const range = focused === undefined ? null : (this.map?.staticRange(focused.start, focused.end) ?? null);
    if (range === null) CSS.highlights.delete(FOCUS);
    else CSS.highlights.set(FOCUS, new Highlight(range));
  }

  private inView(): Span | null {
    if (this.map === null) return null;
    const box = this.scroller.getBoundingClientRect();
    if (box.height === 0) return null;
    return this.map.spanBetween(box.top, box.bottom);
  }
}
