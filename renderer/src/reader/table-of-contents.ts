// The article's table of contents, from its headings: a popover under the toolbar's Contents
// button (or `t`), the section being read marked while scrolling, and an entry scrolls the reader
// to its heading. Headings are kept as elements, not looked up by id: many have none, and giving
// them one would change the article the highlights are anchored in.
import { h } from '../dom';
import { showPlace } from './in-page-links';
import { Dismissable } from '../shell/dismissable';

interface Entry {
  heading: HTMLElement;
  item: HTMLButtonElement;
}

/** The article's headings, in reading order, with the words they show. */
export function headingsOf(body: HTMLElement): { heading: HTMLElement; level: number; text: string }[] {
  return [...body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
    .map((heading) => ({ heading, level: Number(heading.tagName.slice(1)), text: (heading.textContent ?? '').replace(/\s+/gu, ' ').trim() }))
    .filter((entry) => entry.text !== '');
}

export class TableOfContents {
  readonly button = h('button', { type: 'button', class: 'toolbar-button', 'aria-expanded': 'false', 'aria-controls': 'table-of-contents', 'aria-keyshortcuts': 't', title: 'Contents (t)' }, 'Contents');
  readonly element = h('nav', { class: 'toc', id: 'table-of-contents', 'aria-label': 'Contents', hidden: true });
  private entries: Entry[] = [];
  private current: Entry | null = null;
  private frame = 0;
  private readonly popover: Dismissable;

  constructor(private readonly reader: HTMLElement) {
    this.popover = new Dismissable(
      this.element,
      this.button,
      (open) => {
        this.element.hidden = !open;
        this.button.setAttribute('aria-expanded', String(open));
        if (open) this.mark();
      },
      () => (this.current ?? this.entries[0])?.item ?? null,
    );
    this.button.addEventListener('click', () => this.toggle());
    this.element.addEventListener('keydown', (event) => this.arrows(event));
    reader.addEventListener(
      'scroll',
      () => {
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.mark());
      },
      { passive: true },
    );
    this.show(null);
  }

  toggle(): boolean {
    if (this.popover.isOpen) this.popover.close(true);
    else this.popover.open({ focus: true });
    return true;
  }

  close(): boolean {
    if (!this.popover.isOpen) return false;
    this.popover.close(true);
    return true;
  }

  /** The article now in the reader (or none). */
  show(body: HTMLElement | null): void {
    this.current = null;
    const headings = body === null ? [] : headingsOf(body);
    this.entries = headings.map(({ heading, level, text }) => {
      const item = h('button', { type: 'button', class: `toc-entry toc-level-${Math.min(level, 4)}` }, text);
      item.addEventListener('click', () => this.choose(heading));
      return { heading, item };
    });
    const title = h('h2', { class: 'toc-title' }, 'Contents');
    if (this.entries.length === 0) {
      this.element.replaceChildren(title, h('p', { class: 'toc-empty' }, body === null ? 'Open an article to see its contents.' : 'This article has no headings.'));
    } else {
      this.element.replaceChildren(title, h('ol', { class: 'toc-list' }, ...this.entries.map((entry) => h('li', {}, entry.item))));
    }
    this.mark();
  }

  private choose(heading: HTMLElement): void {
    this.popover.close(false);
    showPlace(heading, true);
    this.mark();
  }

  /** The section being read: the last heading at or above a line a third of the way down the pane. */
  private mark(): void {
    if (this.entries.length === 0) return;
    const pane = this.reader.getBoundingClientRect();
    const line = pane.top + Math.min(pane.height / 3, 160);
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.entries[mid] as Entry).heading.getBoundingClientRect().top <= line) low = mid + 1;
      else high = mid;
    }
    // At the very end of the article the last section is the one being read, however short.
    const scrolls = this.reader.scrollHeight > this.reader.clientHeight + 2;
    const atEnd = scrolls && this.reader.scrollTop + this.reader.clientHeight >= this.reader.scrollHeight - 2;
    const now = atEnd ? (this.entries.at(-1) ?? null) : (this.entries[low - 1] ?? null);
    if (now === this.current) return;
    this.current?.item.removeAttribute('aria-current');
    now?.item.setAttribute('aria-current', 'location');
    this.current = now;
  }

  private arrows(event: KeyboardEvent): void {
    const items = this.entries.map((entry) => entry.item);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    const next = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, next))]?.focus();
  }
}
