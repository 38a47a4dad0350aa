// Where highlights overlap, a click asks which one: a small menu at the click, one entry per
// highlight with its colour and the start of its quote.
import type { HighlightColor } from '../../../electron/shared/model';
import { h } from '../dom';
import { focusReader } from '../shell/focus-return';

export interface PickerEntry {
  id: string;
  color: HighlightColor;
  quote: string;
}

export class HighlightPicker {
  private readonly menu = h('div', { class: 'picker-menu', role: 'menu', 'aria-label': 'Overlapping highlights' });
  /** The menu floats outside the page's landmarks, so it stands in a named region of its own. */
  readonly element = h('section', { class: 'highlight-picker', 'aria-label': 'Choose a highlight', hidden: true }, this.menu);

  constructor(private readonly choose: (id: string) => void) {
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const items = [...this.element.querySelectorAll<HTMLButtonElement>('button')];
        const at = items.indexOf(document.activeElement as HTMLButtonElement);
        items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      }
    });
    document.addEventListener('mousedown', (event) => {
      if (!this.element.hidden && !this.element.contains(event.target as Node)) this.hide();
    });
  }

  show(entries: PickerEntry[], x: number, y: number): void {
    this.menu.replaceChildren(
      ...entries.map((entry) => {
        const quote = entry.quote.length > 60 ? `${entry.quote.slice(0, 60)}…` : entry.quote;
        const item = h('button', { type: 'button', role: 'menuitem', class: 'picker-item' }, h('span', { class: `swatch swatch-${entry.color}`, 'aria-hidden': 'true' }), quote);
        item.addEventListener('click', () => {
          this.hide();
          this.choose(entry.id);
        });
        return item;
      }),
    );
    this.element.hidden = false;
    this.element.style.left = `${Math.min(x, window.innerWidth - this.element.offsetWidth - 8)}px`;
    this.element.style.top = `${Math.min(y + 8, window.innerHeight - this.element.offsetHeight - 8)}px`;
    this.element.querySelector('button')?.focus();
  }

  hide(): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.element.hidden = true;
    if (hadFocus) focusReader();
  }
}
