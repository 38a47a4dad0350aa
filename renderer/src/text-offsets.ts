// The DOM side of anchoring: converts between points in the article's DOM and offsets in its
// text (the root's textContent), which is what the stored selectors count in.

export function textOffsetAt(root: Node, container: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(container, offset);
  return range.toString().length;
}

export function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (!started && start < seen + length) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
  }
  return null;
}

/**
 * Ranges for many spans in one walk over the text nodes (spans sorted by start), instead of one
 * walk per span: painting thousands of highlights then costs the article's length once.
 */
export function rangesFromOffsets(root: Node, spans: readonly { start: number; end: number }[]): (Range | null)[] {
  const order = spans.map((span, index) => ({ ...span, index })).sort((a, b) => a.start - b.start);
  const nodes: { node: Text; from: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push({ node: node as Text, from: seen });
    seen += (node as Text).data.length;
  }
  const result: (Range | null)[] = spans.map(() => null);
  // Finds the text node holding an offset, moving forward from a hint (starts only grow).
  const locate = (offset: number, hint: number, endSide: boolean): number => {
    let i = hint;
    while (i < nodes.length) {
      const entry = nodes[i] as { node: Text; from: number };
      const to = entry.from + entry.node.data.length;
      if (endSide ? offset <= to : offset < to) return i;
      i++;
    }
    return -1;
  };
  let cursor = 0;
  for (const span of order) {
    cursor = locate(span.start, cursor, false);
    if (cursor === -1) break;
    const endAt = locate(span.end, cursor, true);
    const first = nodes[cursor];
    const last = endAt === -1 ? undefined : nodes[endAt];
    if (first === undefined || last === undefined) continue;
    const range = document.createRange();
    range.setStart(first.node, span.start - first.from);
    range.setEnd(last.node, span.end - last.from);
    result[span.index] = range;
  }
  return result;
}

/** The selection's span in the root's text, trimmed of white space at both ends; null if outside. */
export function selectionSpan(root: Node, selection: Selection | null, text: string): { start: number; end: number } | null {
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  let start = textOffsetAt(root, range.startContainer, range.startOffset);
  let end = textOffsetAt(root, range.endContainer, range.endOffset);
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/** The text offset under a screen point, if it lies inside the root. */
export function textOffsetAtPoint(root: Node, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position === null || position === undefined || !root.contains(position.offsetNode)) return null;
  return textOffsetAt(root, position.offsetNode, position.offset);
}
