// Wraps each highlight's text in `<mark>` elements inside a DOM, for the annotated HTML page.
// A highlight may cross element boundaries and overlap others, so it cannot be one element:
// text nodes are split at every highlight boundary and each piece is wrapped once per highlight
// covering it, outermost first, so overlapping tints layer. Offsets count in the root's
// textContent, as Margin's selectors do. Hand-written because highlighter libraries such as
// mark.js search a live page for strings; here the spans are known offsets in a jsdom tree.

export interface MarkSpan {
  start: number;
  end: number;
  /** Classes for this highlight's marks. */
  className: string;
  /** Set on the first visible mark of the highlight, so a table can link to it. */
  anchorId: string;
  /** Shown on hover; no script needed. */
  title: string;
}

export interface MarkResult {
  /**
   * For each span in input order: the outermost element wrapping its last piece, after which a
   * note reference can go; null when none of its text could be wrapped.
   */
  endsAfter: (Element | null)[];
}

// Where a <mark> cannot stand: an HTML parser would move it out again (tables) or it would be
// invalid between list items. Text there is only whitespace between rows or items.
const NO_PHRASING = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL']);
// Blocks whose bare whitespace is the line break between their child blocks: a mark there tints
// nothing, so it is left out.
const BLOCK_CONTAINERS = new Set(['ARTICLE', 'SECTION', 'DIV', 'BLOCKQUOTE', 'FIGURE', 'BODY']);

interface Piece {
  node: Text;
  start: number;
  end: number;
}

function textPieces(root: Element, boundaries: readonly number[]): Piece[] {
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  const pieces: Piece[] = [];
  let offset = 0;
  let b = 0;
  for (const node of nodes) {
    const start = offset;
    const end = offset + node.data.length;
    offset = end;
    while (b < boundaries.length && (boundaries[b] ?? Infinity) <= start) b++;
    let current = node;
    let currentStart = start;
    for (let k = b; k < boundaries.length && (boundaries[k] ?? Infinity) < end; k++) {
      const cut = (boundaries[k] ?? 0) - currentStart;
      if (cut <= 0) continue;
      const rest = current.splitText(cut);
      pieces.push({ node: current, start: currentStart, end: currentStart + cut });
      current = rest;
      currentStart += cut;
    }
    pieces.push({ node: current, start: currentStart, end });
  }
  return pieces;
}

export function markHighlights(root: Element, spans: readonly MarkSpan[]): MarkResult {
  const document = root.ownerDocument;
  const boundaries = [...new Set(spans.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b);
  const pieces = textPieces(root, boundaries);
  // Outermost first: earlier start, then longer, then input order.
  const order = spans
    .map((span, index) => ({ span, index }))
    .sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end || x.index - y.index);
  const endsAfter: (Element | null)[] = spans.map(() => null);
  const firstMark: (Element | null)[] = spans.map(() => null);
  const firstVisibleMark: (Element | null)[] = spans.map(() => null);
  for (const piece of pieces) {
    const parent = piece.node.parentElement;
    if (piece.end <= piece.start || parent === null || NO_PHRASING.has(parent.tagName)) continue;
    const visible = piece.node.data.trim() !== '';
    if (!visible && (parent === root || BLOCK_CONTAINERS.has(parent.tagName))) continue;
    const covering = order.filter(({ span }) => span.start <= piece.start && span.end >= piece.end);
    if (covering.length === 0) continue;
    const marks = covering.map(({ span, index }) => {
      const mark = document.createElement('mark');
      mark.className = span.className;
      mark.setAttribute('title', span.title);
      firstMark[index] ??= mark;
      if (visible) firstVisibleMark[index] ??= mark;
      return mark;
    });
    const outer = marks[0];
    if (outer === undefined) continue;
    piece.node.replaceWith(outer);
    marks.reduce((holder, mark) => {
      holder.append(mark);
      return mark;
    });
    (marks[marks.length - 1] ?? outer).append(piece.node);
    for (const { index } of covering) endsAfter[index] = outer;
  }
  for (const [index, span] of spans.entries()) {
    const anchor = firstVisibleMark[index] ?? firstMark[index];
    if (anchor !== null && anchor !== undefined) anchor.id = span.anchorId;
  }
  return { endsAfter };
}
