// The keys a person reads with: Space and Shift+Space, Page Up and Page Down, Home and End and
// the up and down arrows scroll the reader pane (the pane scrolls, not the window), from wherever
// reading happens: the pane, a paragraph in it, or nowhere in particular. On a button, a field or
// a list the keys keep their usual meaning.
import type { Shortcut } from '../shell/shortcuts';

/** Elements where these keys already mean something else. */
const OWN_KEYS = 'button, input, select, textarea, summary, [contenteditable], [role="menu"], [role="menuitem"], [role="listbox"], [role="option"], [role="slider"], [role="tab"], dialog, .notes-panel, .library';

type Motion = 'pageDown' | 'pageUp' | 'lineDown' | 'lineUp' | 'start' | 'end';

/** Chromium's own steps: a page keeps an eighth of the view (at most 40 px of it less), a line is 40 px. */
function distance(reader: HTMLElement, motion: Motion): number {
  const page = Math.max(reader.clientHeight * 0.875, reader.clientHeight - 40);
  switch (motion) {
    case 'pageDown':
      return page;
    case 'pageUp':
      return -page;
    case 'lineDown':
      return 40;
    case 'lineUp':
      return -40;
    case 'start':
      return -reader.scrollHeight;
    case 'end':
      return reader.scrollHeight;
  }
}

export class ReadingKeys {
  /** Where a smooth scroll still under way is heading, so a key pressed again goes on from there. */
  private heading: { top: number; at: number } | null = null;

  constructor(private readonly reader: HTMLElement) {}

  /** Whether a key pressed with the focus here is a reading key. */
  reads(target: EventTarget | null): boolean {
    if (!(target instanceof Element) || target === document.body || target === document.documentElement) return true;
    if (!this.reader.contains(target) && !target.contains(this.reader)) return false;
    return target === this.reader || target.closest(OWN_KEYS) === null;
  }

  scroll(motion: Motion): void {
    const reader = this.reader;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches && motion !== 'start' && motion !== 'end';
    const now = performance.now();
    const from = this.heading !== null && smooth && now - this.heading.at < 400 ? this.heading.top : reader.scrollTop;
    const top = Math.min(reader.scrollHeight - reader.clientHeight, Math.max(0, from + distance(reader, motion)));
    this.heading = smooth ? { top, at: now } : null;
    reader.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
  }

  /** The rows for the shortcut table. */
  shortcuts(): Shortcut[] {
    const key = (keys: string[], label: string, motion: Motion): Shortcut => ({
      keys,
      label,
      section: 'Reading',
      repeats: true,
      run: (event) => {
        if (!this.reads(event.target)) return false;
        this.scroll(motion);
        return true;
      },
    });
    return [
      key(['Space', 'PageDown'], 'Scroll down a screen', 'pageDown'),
      key(['Shift+Space', 'PageUp'], 'Scroll up a screen', 'pageUp'),
      key(['ArrowDown'], 'Scroll down a little', 'lineDown'),
      key(['ArrowUp'], 'Scroll up a little', 'lineUp'),
      key(['Home'], 'Go to the start of the article', 'start'),
      key(['End'], 'Go to the end of the article', 'end'),
    ];
  }
}
