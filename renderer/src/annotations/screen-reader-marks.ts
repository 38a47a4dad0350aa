// Highlights for screen readers: with the setting on, each highlighted passage of the article is
// wrapped in <mark>, described by its colour and whether it has a note ("yellow highlight, has
// note."), so a screen reader says "highlighted" with the description when its virtual cursor or
// the caret enters one, and where it ends.
//
// Why <mark> wrappers, and only in this mode, rather than markers placed in the text:
// - A wrapper adds no text. The article's textContent, which anchoring, selection, search and
//   export all count in, stays exactly the same, so no code has to remember to skip anything.
//   Markers that speak ("highlighted, yellow") would be text: find, copy and the caret would meet
//   them, and every text walk would have to leave them out.
// - Chrome exposes <mark> as the "mark" role, which screen readers announce on entry and exit;
//   the description comes from words kept outside the article body (aria-describedby), so it too
//   adds nothing to the text.
// - Wrapping splits the article's text nodes and redoes the wrapping on every change to a
//   highlight: work a person who does not use a screen reader should not pay for in a long
//   article. So it is a setting, off unless chosen, and highlights are painted the same way in
//   both modes (the CSS Custom Highlight API; a <mark> here draws nothing itself).
import type { ColorLabels, HighlightColor } from '../../../electron/shared/model';
import { h } from '../dom';
import type { TextMap } from '../reader/text-offsets';

export interface MarkedHighlight {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
  hasNote: boolean;
}

const KEY = 'margin.screen-reader-marks';
const MARK = 'data-margin-mark';
const DESCRIPTIONS = 'highlight-descriptions';
/** Elements in which a <mark> may not stand: only the white space between their children is text. */
const NO_PHRASING = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL', 'SELECT', 'DATALIST', 'OPTGROUP', 'PICTURE', 'VIDEO', 'AUDIO']);
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIV', 'DL', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'UL']);

export function describeHighlight(highlight: Pick<MarkedHighlight, 'color' | 'hasNote'>, labels: ColorLabels): string {
  const label = labels[highlight.color];
  return `${highlight.color}${label ? ` (${label})` : ''} highlight${highlight.hasNote ? ', has note' : ''}.`;
}

export const descriptionId = (id: string) => `highlight-description-${id}`;

export class ScreenReaderMarks {
  private on: boolean;
  /** What is marked in each article body now, so an unchanged list costs nothing. */
  private readonly shown = new WeakMap<Node, string>();

  constructor(
    private readonly changed: () => void,
    private readonly storage: Storage = localStorage,
  ) {
    this.on = storage.getItem(KEY) === 'on';
  }

  get enabled(): boolean {
    return this.on;
  }

  /** The setting's checkbox, for the reading settings panel. */
  option(): HTMLElement {
    const box = h('input', { type: 'checkbox', checked: this.on, 'aria-describedby': 'screen-reader-marks-note' });
    box.addEventListener('change', () => {
      this.on = box.checked;
      this.storage.setItem(KEY, this.on ? 'on' : 'off');
      this.changed();
    });
    return h(
      'div',
      { class: 'setting-check' },
      h('label', {}, box, ' Mark highlights for screen readers'),
      h('p', { class: 'setting-note', id: 'screen-reader-marks-note' }, 'A screen reader then says “highlighted”, the colour and whether there is a note as it reads a highlight.'),
    );
  }

  /**
   * Marks these highlights in the article body (none when the setting is off), leaving its text
   * as it was; the map is indexed again whenever text nodes were split or joined.
   */
  show(map: TextMap, highlights: readonly MarkedHighlight[], labels: ColorLabels): void {
    const body = map.root;
    if (!(body instanceof HTMLElement)) return;
    const wanted = this.on ? highlights.filter((one) => one.end > one.start) : [];
    const key = JSON.stringify(wanted.map((one) => [one.id, one.start, one.end, describeHighlight(one, labels)]));
    if ((this.shown.get(body) ?? '[]') === key) return;
    this.shown.set(body, key);
    const selection = selectionOffsets(map);
    unmark(body);
    map.reindex();
    describe(body, wanted, labels);
    if (wanted.length > 0) {
      mark(map, wanted);
      map.reindex();
    }
    restoreSelection(map, selection);
  }
}

function unmark(body: HTMLElement): void {
  const parents = new Set<Node>();
  for (const mark of body.querySelectorAll(`mark[${MARK}]`)) {
    if (mark.parentNode !== null) parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  // Joins the text nodes the marks split, so marking again starts from the article as it was.
  for (const parent of parents) parent.normalize();
}

/** The words each highlight is described by, beside the article body and hidden: not part of its text. */
function describe(body: HTMLElement, highlights: readonly MarkedHighlight[], labels: ColorLabels): void {
  const host = body.parentElement;
  let list = host?.querySelector<HTMLElement>(`:scope > #${DESCRIPTIONS}`) ?? null;
  if (highlights.length === 0 || host === null) {
    list?.remove();
    return;
  }
  if (list === null) {
    list = h('div', { id: DESCRIPTIONS, hidden: true });
    body.after(list);
  }
  list.replaceChildren(...highlights.map((one) => h('span', { id: descriptionId(one.id) }, describeHighlight(one, labels))));
}

/**
 * Wraps every stretch of text covered by the same set of highlights in one <mark>, described by
 * all of them, so overlapping highlights are announced together. Works from the end of the text
 * back, so splitting a node never moves the offsets still to be wrapped.
 */
function mark(map: TextMap, highlights: readonly MarkedHighlight[]): void {
  const edges = [...new Set(highlights.flatMap((one) => [one.start, one.end]))].sort((a, b) => a - b);
  // One sweep over the edges, keeping the highlights open at each (in the order given).
  const byStart = highlights.map((one, order) => ({ one, order })).sort((a, b) => a.one.start - b.one.start);
  let next = 0;
  let open: { one: MarkedHighlight; order: number }[] = [];
  const stretches: { start: number; end: number; ids: string[] }[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] as number;
    const end = edges[i + 1] as number;
    open = open.filter((entry) => entry.one.end > start);
    while (next < byStart.length && (byStart[next]?.one.start ?? Infinity) <= start) open.push(byStart[next++] as { one: MarkedHighlight; order: number });
    open.sort((a, b) => a.order - b.order);
    if (open.length > 0) stretches.push({ start, end, ids: open.map((entry) => entry.one.id) });
  }
  for (const stretch of stretches.reverse()) {
    const describedBy = stretch.ids.map(descriptionId).join(' ');
    for (const piece of map.pieces(stretch.start, stretch.end).reverse()) {
      if (!markable(piece.node)) continue;
      if (piece.to < piece.node.data.length) piece.node.splitText(piece.to);
      const covered = piece.from > 0 ? piece.node.splitText(piece.from) : piece.node;
      const wrapper = h('mark', { [MARK]: true, 'aria-describedby': describedBy });
      covered.before(wrapper);
      wrapper.append(covered);
    }
  }
}

/** Not inside SVG or MathML, and not the white space between blocks, where a <mark> cannot stand. */
function markable(node: Text): boolean {
  const parent = node.parentElement;
  if (parent === null || parent.namespaceURI !== 'http://www.w3.org/1999/xhtml' || parent.closest('svg, math') !== null) return false;
  if (/\S/u.test(node.data)) return true;
  if (NO_PHRASING.has(parent.tagName)) return false;
  const isBlock = (sibling: Node | null) => sibling === null || (sibling instanceof Element && BLOCKS.has(sibling.tagName));
  return !isBlock(node.previousSibling) && !isBlock(node.nextSibling);
}

/** The selection in the article as text offsets, to put back once its nodes were split or joined. */
function selectionOffsets(map: TextMap): { anchor: number; focus: number } | null {
  const selection = window.getSelection();
  if (selection === null || selection.anchorNode === null || selection.focusNode === null) return null;
  if (!map.root.contains(selection.anchorNode) || !map.root.contains(selection.focusNode)) return null;
  return { anchor: map.offsetOf(selection.anchorNode, selection.anchorOffset), focus: map.offsetOf(selection.focusNode, selection.focusOffset) };
}

function restoreSelection(map: TextMap, offsets: { anchor: number; focus: number } | null): void {
  if (offsets === null) return;
  const anchor = map.range(offsets.anchor, offsets.anchor);
  const focus = map.range(offsets.focus, offsets.focus);
  if (anchor !== null && focus !== null) window.getSelection()?.setBaseAndExtent(anchor.startContainer, anchor.startOffset, focus.startContainer, focus.startOffset);
}
