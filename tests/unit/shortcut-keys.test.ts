// How a key press finds its row in the shortcut table: letters by case, typed characters whatever
// Shift or AltGr made them, Ctrl combinations exactly, and the text-field and held-key rules.
import { describe, expect, it } from 'vitest';
import { handleShortcut, type Shortcut } from '../../renderer/src/shell/shortcuts';

interface Press {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  meta?: boolean;
  altGraph?: boolean;
  repeat?: boolean;
}

function press(p: Press): KeyboardEvent {
  return {
    key: p.key,
    ctrlKey: p.ctrl ?? false,
    shiftKey: p.shift ?? false,
    altKey: p.alt ?? false,
    metaKey: p.meta ?? false,
    repeat: p.repeat ?? false,
    getModifierState: (name: string) => name === 'AltGraph' && (p.altGraph ?? false),
  } as unknown as KeyboardEvent;
}

function table(): { rows: Shortcut[]; ran: string[] } {
  const ran: string[] = [];
  const row = (keys: string[], name: string, extra: Partial<Shortcut> = {}): Shortcut => ({ keys, label: name, run: () => (ran.push(name), true), ...extra });
  const rows = [
    row(['n'], 'next'),
    row(['Shift+N'], 'article note'),
    row(['?'], 'help'),
    row(['#'], 'tag'),
    row(['Ctrl+E'], 'export article', { inFields: true }),
    row(['Ctrl+Shift+E'], 'export library', { inFields: true }),
    row(['Space'], 'page down', { repeats: true }),
    row(['Shift+Space'], 'page up', { repeats: true }),
    row(['Delete'], 'delete highlight'),
    row(['Shift+Delete'], 'trash'),
    row(['Alt+Shift+ArrowRight'], 'sentence'),
  ];
  return { rows, ran };
}

describe('shortcut keys', () => {
  const cases: [Press, string | null][] = [
    [{ key: 'n' }, 'next'],
    [{ key: 'N', shift: true }, 'article note'],
    [{ key: '?', shift: true }, 'help'],
    [{ key: '#', shift: true }, 'tag'],
    // AltGr is Ctrl+Alt on Windows: the character it types is still the key.
    [{ key: '#', ctrl: true, alt: true, altGraph: true }, 'tag'],
    [{ key: 'e', ctrl: true }, 'export article'],
    [{ key: 'e', meta: true }, 'export article'],
    [{ key: 'E', ctrl: true, shift: true }, 'export library'],
    [{ key: ' ' }, 'page down'],
    [{ key: ' ', shift: true }, 'page up'],
    [{ key: 'Delete' }, 'delete highlight'],
    [{ key: 'Delete', shift: true }, 'trash'],
    [{ key: 'ArrowRight', alt: true, shift: true }, 'sentence'],
    [{ key: 'ArrowRight', alt: true }, null],
    [{ key: 'n', ctrl: true }, null],
    // Ctrl+Alt+a letter is a chord of the system's or another program's, never the letter's own shortcut.
    [{ key: 'n', ctrl: true, alt: true }, null],
    [{ key: 'n', ctrl: true, alt: true, altGraph: true }, null],
    [{ key: 'x' }, null],
  ];
  for (const [key, expected] of cases) {
    it(`${JSON.stringify(key)} runs ${expected ?? 'nothing'}`, () => {
      const { rows, ran } = table();
      expect(handleShortcut(rows, press(key))).toBe(expected !== null);
      expect(ran).toEqual(expected === null ? [] : [expected]);
    });
  }

  it('in a text field only the rows marked for fields act', () => {
    const { rows, ran } = table();
    expect(handleShortcut(rows, press({ key: 'n' }), true)).toBe(false);
    expect(handleShortcut(rows, press({ key: 'e', ctrl: true }), true)).toBe(true);
    expect(ran).toEqual(['export article']);
  });

  it('a held key acts again only where the row repeats', () => {
    const { rows, ran } = table();
    expect(handleShortcut(rows, press({ key: 'n', repeat: true }))).toBe(false);
    expect(handleShortcut(rows, press({ key: ' ', repeat: true }))).toBe(true);
    expect(ran).toEqual(['page down']);
  });

  it('a row that does not apply passes the key to the next row with it', () => {
    const ran: string[] = [];
    const rows: Shortcut[] = [
      { keys: ['n'], label: 'note on the selection', run: () => false },
      { keys: ['n'], label: 'next highlight', run: () => (ran.push('next'), true) },
    ];
    expect(handleShortcut(rows, press({ key: 'n' }))).toBe(true);
    expect(ran).toEqual(['next']);
  });
});
