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
