// The floating toolbar over a selection in the article: one button per colour, and "Note".
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../electron/shared/model';
import { h } from '../dom';

export type HighlightRequest = (color: HighlightColor, withNote: boolean) => void;

export class SelectionToolbar {
  readonly element: HTMLElement;
  private lastColor: HighlightColor = 'yellow';

  constructor(private readonly onHighlight: HighlightRequest) {
    const swatches = HIGHLIGHT_COLORS.map((color) => {
      const button = h('button', { type: 'button', class: `swatch swatch-${color}`, title: `Highlight ${color}`, 'aria-label': `Highlight ${color}` });
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => this.request(color, false));
      return button;
    });
    const note = h('button', { type: 'button', class: 'toolbar-note', title: 'Highlight and add a note (n)' }, 'Note');
    note.addEventListener('mousedown', (event) => event.preventDefault());
    note.addEventListener('click', () => this.request(this.lastColor, true));
    // The toolbar floats outside the page's landmarks; a named region of its own keeps every part
    // of the page inside one, as screen reader users navigate by them.
    this.element = h(
      'section',
      { class: 'selection-toolbar', 'aria-label': 'Highlight tools', hidden: true },
      h('div', { class: 'toolbar-buttons', role: 'toolbar', 'aria-label': 'Highlight selection' }, ...swatches, note),
    );
  }

  /** Highlights with the colour used last, as the `h` and `n` keys do. */
  highlightWithLastColor(withNote: boolean): void {
    this.request(this.lastColor, withNote);
  }

  showAt(rect: DOMRect): void {
    this.element.hidden = false;
    const width = this.element.offsetWidth;
    const left = Math.min(Math.max(8, rect.left + rect.width / 2 - width / 2), window.innerWidth - width - 8);
    const top = rect.top > 56 ? rect.top - this.element.offsetHeight - 8 : rect.bottom + 8;
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  private request(color: HighlightColor, withNote: boolean): void {
    this.lastColor = color;
    this.onHighlight(color, withNote);
  }
}
