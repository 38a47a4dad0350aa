// Growing or shrinking a selection in the article with the keyboard, so a passage can be chosen
// for a highlight without a mouse: Shift with the arrows by character and line (the browser's own),
// Ctrl+Shift with left and right by word, Alt+Shift by sentence, Ctrl+Shift with up and down by
// paragraph. Left and right follow the text's direction in right-to-left articles.
import type { Shortcut } from '../shell/shortcuts';

type Unit = 'word' | 'sentence' | 'paragraph';
type Way = 'left' | 'right' | 'forward' | 'backward';

/**
 * Extends to the end of the sentence or paragraph the selection's moving end is in, or, when it
 * is already there, to the end of the next one (as word processors do).
 */
function extend(selection: Selection, way: Way, unit: Unit): void {
  if (unit === 'word') {
    selection.modify('extend', way, 'word');
    return;
  }
  const before = [selection.focusNode, selection.focusOffset];
  selection.modify('extend', way, `${unit}boundary`);
  if (selection.focusNode === before[0] && selection.focusOffset === before[1]) {
    selection.modify('extend', way, 'character');
    selection.modify('extend', way, `${unit}boundary`);
  }
}

export function selectionShortcuts(body: () => HTMLElement | null): Shortcut[] {
  const inArticle = (): Selection | null => {
    const root = body();
    const selection = window.getSelection();
    if (root === null || selection === null || selection.rangeCount === 0 || selection.focusNode === null) return null;
    return root.contains(selection.focusNode) && root.contains(selection.anchorNode) ? selection : null;
  };
  const row = (keys: string[], label: string, unit: Unit, way: Way): Shortcut => ({
    keys,
    label,
    section: 'Selecting text',
    repeats: true,
    run: () => {
      const selection = inArticle();
      if (selection === null) return false;
      extend(selection, way, unit);
      return true;
    },
  });
  return [
    // The browser extends by character and line itself; the row is here so the help lists it.
    { keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'], label: 'Extend the selection by a character or a line (in caret browsing, F7)', section: 'Selecting text', repeats: true, run: () => false },
    row(['Ctrl+Shift+ArrowRight'], 'Extend the selection by a word', 'word', 'right'),
    row(['Ctrl+Shift+ArrowLeft'], 'Shrink or extend the selection back by a word', 'word', 'left'),
    row(['Alt+Shift+ArrowRight'], 'Extend the selection to the end of the sentence', 'sentence', 'right'),
    row(['Alt+Shift+ArrowLeft'], 'Extend the selection back to the start of the sentence', 'sentence', 'left'),
    row(['Ctrl+Shift+ArrowDown'], 'Extend the selection to the end of the paragraph', 'paragraph', 'forward'),
    row(['Ctrl+Shift+ArrowUp'], 'Extend the selection back to the start of the paragraph', 'paragraph', 'backward'),
  ];
}
