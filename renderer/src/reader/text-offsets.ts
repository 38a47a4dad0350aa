// The DOM side of anchoring: converts between points in the article's DOM and offsets in its
// text (the root's textContent), which is what the stored selectors count in.
//
// The article's text nodes are indexed once and every lookup is a binary search. The text never
// changes while the article is open; only marking highlights for screen readers splits text nodes
// and wraps them (annotations/screen-reader-marks.ts), and then asks for the index again. Highlights are painted with StaticRange, not Range: a live
// Range is registered with the document and updated on every DOM change anywhere in it, so
// thousands of them made each change to the side panel cost seconds.

export interface Span {
  start: number;
  end: number;
}

// Elements that stand as blocks of their own (in the page's default styles and ours): a word never
// runs from one into the next, though the text may hold no space between them.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);

function isBlock(element: Element): boolean {
  // A caption's credit is set on a line of its own (styles.css).
  return BLOCKS.has(element.tagName) || element.classList.contains('credit');
}

export class TextMap {
  private breaks: number[] | null = null;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private startOf = new Map<Text, number>();
  private total = 0;

  constructor(readonly root: Node) {
    this.reindex();
  }

  get length(): number {
    return this.total;
  }

  /** Indexes the text nodes again, after they were split or moved (the text itself unchanged). */
  reindex(): void {
    this.nodes = [];
    this.starts = [];
    this.startOf = new Map();
    this.breaks = null;
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node as Text;
      this.nodes.push(text);
      this.starts.push(seen);
      this.startOf.set(text, seen);
      seen += text.data.length;
    }
    this.total = seen;
  }

  /** The parts of text nodes a span covers, in document order, each as [from, to) in its node. */
  pieces(start: number, end: number): { node: Text; from: number; to: number }[] {
    const first = this.locate(start, false);
    if (first === null || end <= start) return [];
    const out: { node: Text; from: number; to: number }[] = [];
    for (let index = first.index; index < this.nodes.length; index++) {
      const node = this.nodes[index] as Text;
      const at = this.starts[index] as number;
      if (at >= end) break;
      const from = Math.max(0, start - at);
      const to = Math.min(node.data.length, end - at);
      if (to > from) out.push({ node, from, to });
    }
    return out;
  }

  /**
   * Offsets where the text passes from one block (paragraph, heading, caption, credit) to another,
   * ascending: where a selection snapped to words must stop. Found on first use.
   */
  blockBreaks(): readonly number[] {
    if (this.breaks !== null) return this.breaks;
    const breaks: number[] = [];
    let previous: Element | null = null;
    this.nodes.forEach((node, i) => {
      let block = node.parentElement;
      while (block !== null && block !== this.root && !isBlock(block)) block = block.parentElement;
      const start = this.starts[i] as number;
      if (i > 0 && block !== previous && breaks[breaks.length - 1] !== start) breaks.push(start);
      previous = block;
    });
    this.breaks = breaks;
    return breaks;
  }

  /** A painted range for a span; null when the span lies outside the text. */
  staticRange(start: number, end: number): StaticRange | null {
    const from = this.locate(start, false);
    const to = this.locate(end, true);
    if (from === null || to === null || end < start) return null;
    return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
  }

  /** A live range, for the few things that need one (boxes on screen, scrolling); not kept. */
  range(start: number, end: number): Range | null {
    const from = this.locate(start, false);
    const to = this.locate(end, true);
    if (from === null || to === null || end < start) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The element holding an offset, to scroll it into view. */
  elementAt(offset: number): HTMLElement | null {
    return this.locate(offset, false)?.node.parentElement ?? null;
  }

  /** The text offset of a DOM point inside the root. */
  offsetOf(container: Node, offset: number): number {
    if (container.nodeType === Node.TEXT_NODE) {
      const start = this.startOf.get(container as Text);
      if (start !== undefined) return start + Math.min(offset, (container as Text).data.length);
    }
    // A point between children counts from the first text node at or after it.
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    let next: Node | null;
    const child = container.childNodes[offset];
    if (child !== undefined) {
      walker.currentNode = child;
      next = child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
    } else {
      let last: Node = container;
      while (last.lastChild !== null) last = last.lastChild;
      walker.currentNode = last;
      next = walker.nextNode();
    }
    return next === null ? this.length : (this.startOf.get(next as Text) ?? this.length);
  }

  /** The selection's span in the text, trimmed of white space at both ends; null if outside. */
  selectionSpan(selection: Selection | null, text: string): Span | null {
    if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!this.root.contains(range.startContainer) || !this.root.contains(range.endContainer)) return null;
    let start = this.offsetOf(range.startContainer, range.startOffset);
    let end = this.offsetOf(range.endContainer, range.endOffset);
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
    while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
    return end > start ? { start, end } : null;
  }

  /**
   * The part of the text laid out between two heights on screen (client coordinates), found by
   * binary search over the article's blocks, which stand one below another. A block much taller
   * than the band is searched inside in turn. Null when the text is not laid out.
   */
  spanBetween(top: number, bottom: number): Span | null {
    let container: Element | null = this.root instanceof Element ? this.root : null;
    while (container !== null) {
      const blocks = [...container.children];
      if (blocks.length === 0) break;
      const first = lowerBound(blocks.length, (i) => (blocks[i] as Element).getBoundingClientRect().bottom < top);
      const last = lowerBound(blocks.length, (i) => (blocks[i] as Element).getBoundingClientRect().top <= bottom) - 1;
      if (first > last) {
        // The band falls between blocks: nothing of the text is in it.
        const at = first < blocks.length ? this.offsetOf(blocks[first] as Element, 0) : this.length;
        return { start: at, end: at };
      }
      const from = blocks[first] as Element;
      const to = blocks[last] as Element;
      if (from === to && from.children.length > 0 && from.getBoundingClientRect().height > 3 * (bottom - top)) {
        container = from;
        continue;
      }
      return { start: this.offsetOf(from, 0), end: this.offsetOf(to, to.childNodes.length) };
    }
    if (!(this.root instanceof Element) || this.root.getClientRects().length === 0) return null;
    return { start: 0, end: this.length };
  }

  /** The text offset under a screen point, if it lies inside the root. */
  offsetAtPoint(x: number, y: number): number | null {
    const position = document.caretPositionFromPoint?.(x, y);
    if (position === null || position === undefined || !this.root.contains(position.offsetNode)) return null;
    return this.offsetOf(position.offsetNode, position.offset);
  }

  /**
   * The node and offset for a text offset. A start prefers the node the next character is in;
   * an end prefers the node the previous character is in, so a range never spans an empty edge.
   */
  private locate(offset: number, endSide: boolean): { node: Text; offset: number; index: number } | null {
    if (offset < 0 || offset > this.length || this.nodes.length === 0) return null;
    let low = 0;
    let high = this.nodes.length - 1;
    // The last node starting at or before the offset (for an end: strictly before, unless 0).
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      const start = this.starts[mid] as number;
      if (endSide ? start < offset : start <= offset) low = mid;
      else high = mid - 1;
    }
    let index = low;
    // A start at the very end of a node belongs to the next non-empty one.
    while (!endSide && index < this.nodes.length - 1 && offset >= (this.starts[index] as number) + (this.nodes[index] as Text).data.length) index++;
    const node = this.nodes[index] as Text;
    return { node, offset: Math.max(0, Math.min(offset - (this.starts[index] as number), node.data.length)), index };
  }
}

/** The first index in [0, count) for which `before` is false; `before` must hold for a prefix. */
function lowerBound(count: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
