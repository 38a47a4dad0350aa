// The reader's keyboard map: one table drives both the key handling and the "?" help, so the
// help can never list a key that does nothing.
import { h } from '../dom';

export type ShortcutSection = 'Reading' | 'Selecting text' | 'Highlights' | 'Library' | 'Window';
const SECTIONS: ShortcutSection[] = ['Reading', 'Selecting text', 'Highlights', 'Library', 'Window'];

export interface Shortcut {
  /** 'h', '?', 'Shift+N', 'Ctrl+E' (Cmd on a Mac), 'Alt+Shift+ArrowRight', 'Space'. */
  keys: string[];
  label: string;
  /** Where the "?" help lists it; rows without one are listed under Window. */
  section?: ShortcutSection;
  /** Runs the action; returns false when it did not apply (the key then does its usual thing). */
  run: (event: KeyboardEvent) => boolean;
  /** Also acts while a text field has the focus (keys with Ctrl, which type nothing). */
  inFields?: boolean;
  /** Acts again while the key is held down (scrolling), rather than once per press. */
  repeats?: boolean;
}

interface KeySpec {
  key: string;
  ctrl: boolean;
  alt: boolean;
  /** Undefined: a character typed alone, whatever Shift it took to type it ('?', '#'). */
  shift: boolean | undefined;
}

function parse(spec: string): KeySpec {
  const parts = spec === '+' ? ['+'] : spec.split('+');
  const key = parts.pop() ?? '';
  const has = (name: string) => parts.includes(name);
  const typed = key.length === 1 && !has('Shift') && !has('Ctrl') && !has('Alt');
  return { key: key === 'Space' ? ' ' : key, ctrl: has('Ctrl'), alt: has('Alt'), shift: typed ? undefined : has('Shift') };
}

function matches(spec: KeySpec, event: KeyboardEvent): boolean {
  // A character typed with AltGr (Ctrl+Alt on Windows) is still that character: "#" or "?" on many
  // layouts. A letter or digit with Ctrl+Alt is a chord (a system or other program's), not typing.
  const altGr = event.getModifierState('AltGraph') || (event.ctrlKey && event.altKey && !event.metaKey);
  if (spec.shift === undefined && !spec.ctrl && !spec.alt && altGr) return !/^[\p{L}\p{N}]$/u.test(event.key) && event.key === spec.key;
  if (spec.ctrl !== (event.ctrlKey || event.metaKey) || spec.alt !== event.altKey) return false;
  if (spec.shift !== undefined && spec.shift !== event.shiftKey) return false;
  // A letter with Ctrl or Shift is matched whatever its case (Shift+N gives "N", Caps Lock "n").
  const caseless = spec.key.length === 1 && (spec.ctrl || spec.shift === true);
  return caseless ? event.key.toLowerCase() === spec.key.toLowerCase() : event.key === spec.key;
}

const MAC = typeof navigator !== 'undefined' && /Mac/u.test(navigator.platform);
const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', ' ': 'Space' };

/** How a key is written in the help: "Ctrl+Shift+→", "⌘+E" on a Mac. */
function shown(spec: string): HTMLElement[] {
  return spec === '+'
    ? [h('kbd', {}, '+')]
    : spec.split('+').flatMap((part, i) => [i > 0 ? '+' : '', h('kbd', {}, part === 'Ctrl' && MAC ? '⌘' : (ARROWS[part] ?? part))]).filter((p): p is HTMLElement => p !== '');
}

export function shortcutsDialog(shortcuts: Shortcut[]): HTMLDialogElement {
  const sections = SECTIONS.map((section) => {
    const rows = shortcuts
      .filter((shortcut) => (shortcut.section ?? 'Window') === section)
      .map((shortcut) => h('tr', {}, h('td', {}, ...shortcut.keys.flatMap((key, i) => [i > 0 ? ' or ' : '', ...shown(key)])), h('td', {}, shortcut.label)));
    if (rows.length === 0) return null;
    const id = `shortcuts-${section.toLowerCase().replace(/\s+/gu, '-')}`;
    return h('section', { class: 'shortcuts-section', 'aria-labelledby': id }, h('h3', { id }, section), h('table', {}, h('tbody', {}, ...rows)));
  });
  const close = h('button', { type: 'submit', class: 'primary' }, 'Close');
  return h(
    'dialog',
    { class: 'shortcuts-dialog', 'aria-labelledby': 'shortcuts-title' },
    h('form', { method: 'dialog' }, h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'), h('div', { class: 'shortcuts-sections' }, ...sections), h('div', { class: 'dialog-actions' }, close)),
  );
}

/**
 * Dispatches a keydown to the first shortcut that owns the key and applies.
 * @param typing whether the key lands in a text field, where only `inFields` keys act.
 */
export function handleShortcut(shortcuts: Shortcut[], event: KeyboardEvent, typing = false): boolean {
  for (const shortcut of shortcuts) {
    if ((typing && shortcut.inFields !== true) || (event.repeat && shortcut.repeats !== true)) continue;
    if (shortcut.keys.some((key) => matches(parse(key), event)) && shortcut.run(event)) return true;
  }
  return false;
}
