// The reader's keyboard map: one table drives both the key handling and the "?" help, so the
// help can never list a key that does nothing.
import { h } from './dom';

export interface Shortcut {
  keys: string[];
  label: string;
  /** Runs the action; returns false when it did not apply (the key then does its usual thing). */
  run: () => boolean;
}

export function shortcutsDialog(shortcuts: Shortcut[]): HTMLDialogElement {
  const rows = shortcuts.map((shortcut) =>
    h('tr', {}, h('td', {}, ...shortcut.keys.flatMap((key, i) => [i > 0 ? ' or ' : '', h('kbd', {}, key)])), h('td', {}, shortcut.label)),
  );
  const close = h('button', { type: 'submit', class: 'primary' }, 'Close');
  return h(
    'dialog',
    { class: 'shortcuts-dialog', 'aria-labelledby': 'shortcuts-title' },
    h('form', { method: 'dialog' }, h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'), h('table', {}, h('tbody', {}, ...rows)), h('div', { class: 'dialog-actions' }, close)),
  );
}

/** Dispatches a keydown to the first shortcut that owns the key and applies. */
export function handleShortcut(shortcuts: Shortcut[], event: KeyboardEvent): boolean {
  const key = event.key === ' ' ? 'Space' : event.key;
  for (const shortcut of shortcuts) {
    if (shortcut.keys.includes(key) && shortcut.run()) return true;
  }
  return false;
}
