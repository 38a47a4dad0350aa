// Find in the article (Ctrl/Cmd+F): every match painted with its own CSS highlight, the current
// one stronger, with next/previous. Matching ignores case and treats curly and straight quotes
// alike, keeping offsets one-to-one with the article's text.
import { foldTypography } from '../../../electron/shared/anchoring';
import { h } from '../dom';
import { focusReader } from '../shell/focus-return';
import type { Span, TextMap } from './text-offsets';

function comparable(text: string): string {
  const lower = text.toLowerCase();
  // Lower-casing a few characters changes their length; then only exact case matches are safe.
  return foldTypography(lower.length === text.length ? lower : text);
}

export class FindBar {
  readonly element: HTMLElement;
  private readonly input = h('input', { type: 'search', class: 'find-input', placeholder: 'Find in article', 'aria-label': 'Find in article' });
  private readonly count = h('span', { class: 'find-count', 'aria-live': 'polite' });
  private matches: StaticRange[] = [];
  private current = -1;

  constructor(private readonly article: () => { text: string; map: TextMap } | null) {
    const previous = h('button', { type: 'button', 'aria-label': 'Previous match' }, '↑');
    const next = h('button', { type: 'button', 'aria-label': 'Next match' }, '↓');
    const close = h('button', { type: 'button', 'aria-label': 'Close find' }, '✕');
    previous.addEventListener('click', () => this.move(-1));
    next.addEventListener('click', () => this.move(1));
    close.addEventListener('click', () => this.close());
    this.input.addEventListener('input', () => this.search());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.move(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    this.element = h('div', { class: 'find-bar', role: 'search', hidden: true }, this.input, this.count, previous, next, close);
  }

  open(): void {
    this.element.hidden = false;
    const selected = window.getSelection()?.toString().trim() ?? '';
    if (selected !== '' && !selected.includes('\n')) this.input.value = selected;
    this.input.focus();
    this.input.select();
    this.search();
  }

  close(): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.element.hidden = true;
    if (hadFocus) focusReader();
    this.matches = [];
    CSS.highlights.delete('margin-find');
    CSS.highlights.delete('margin-find-current');
  }

  /** Called when another article opens: old matches point at a DOM that is gone. */
  reset(): void {
    if (!this.element.hidden) this.search();
  }

  private search(): void {
    const article = this.article();
    const query = comparable(this.input.value);
    this.matches = [];
    if (article !== null && query.trim() !== '') {
      const haystack = comparable(article.text);
      for (let at = haystack.indexOf(query); at !== -1; at = haystack.indexOf(query, at + query.length)) {
        const range = article.map.staticRange(at, at + query.length);
        if (range !== null) this.matches.push(range);
      }
    }
    CSS.highlights.set('margin-find', new Highlight(...this.matches));
    this.current = this.matches.length > 0 ? 0 : -1;
    this.show();
  }

  private move(step: number): void {
    if (this.matches.length === 0) return;
    this.current = (this.current + step + this.matches.length) % this.matches.length;
    this.show();
  }

  private show(): void {
    const range = this.matches[this.current];
    this.count.textContent = this.input.value === '' ? '' : this.matches.length === 0 ? 'No matches' : `${this.current + 1} of ${this.matches.length}`;
    if (range === undefined) {
      CSS.highlights.delete('margin-find-current');
      return;
    }
    CSS.highlights.set('margin-find-current', new Highlight(range));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }
}

/** Scrolls to a passage (a search result) and marks it as the current match until the next one. */
export function showPassage(map: TextMap, at: Span): void {
  const range = map.staticRange(at.start, Math.max(at.end, at.start + 1));
  if (range === null) return;
  CSS.highlights.set('margin-find-current', new Highlight(range));
  map.elementAt(at.start)?.scrollIntoView({ block: 'center' });
}
