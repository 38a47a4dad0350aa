// Key presses anywhere in the window go to the app's one shortcut table, except inside a dialog
// (which has its own keys) and in text fields, where only the rows marked for fields act.
import { UNDO_PASSES_THROUGH } from '../reader/tag-field';
import { handleShortcut, type Shortcut } from './shortcuts';

/** `inCaretArticle`: whether the target is the article while caret browsing, where keys are not typing. */
export function dispatchShortcuts(shortcuts: Shortcut[], inCaretArticle: (target: HTMLElement) => boolean): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest('dialog') != null) return;
    // A tag field with nothing typed since its last tag hands undo and redo to the app.
    const undoKey = (event.ctrlKey || event.metaKey) && !event.altKey && ['z', 'y'].includes(event.key.toLowerCase());
    const undoPasses = undoKey && target?.hasAttribute(UNDO_PASSES_THROUGH) === true;
    const typing = target !== null && !inCaretArticle(target) && !undoPasses && target.closest('textarea, input, select, [contenteditable]') != null;
    if (handleShortcut(shortcuts, event, typing)) event.preventDefault();
  });
}
