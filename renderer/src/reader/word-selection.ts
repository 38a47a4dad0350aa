// Selections in the article are whole words: the live selection snaps when the mouse is let go,
// so what the person sees selected is what gets highlighted, and a selection made with the
// keyboard snaps when it is highlighted. Alt held while selecting keeps the exact characters.
import { snapToWords } from '../../../electron/shared/snap-to-words';
import type { RenderedArticle } from './reader-view';
import type { Span } from './text-offsets';

export interface SelectableArticle {
  rendered: RenderedArticle;
  /** The article's language, for where its words begin and end. */
  language: string | undefined;
}

export class WordSelection {
  /** The selection in the article was made with Alt held. */
  private exact = false;

  constructor(
    reader: HTMLElement,
    private readonly article: () => SelectableArticle | null,
  ) {
    // A new selection starts with a press in the article; a press elsewhere (the toolbar's
    // colours) keeps the one there is.
    reader.addEventListener('mousedown', (event) => (this.exact = event.altKey));
    // The drag may end outside the article.
    document.addEventListener('mouseup', (event) => {
      if (event.altKey) this.exact = true;
      else if (!this.exact) this.snapLive();
    });
    reader.addEventListener('keydown', (event) => {
      if (event.shiftKey) this.exact = event.altKey;
    });
  }

  /** The selection's span in the article's text, whole words unless made with Alt; null if none. */
  span(): Span | null {
    const open = this.article();
    if (open === null) return null;
    const span = open.rendered.map.selectionSpan(window.getSelection(), open.rendered.text);
    return span === null || this.exact ? span : snapToWords(open.rendered.text, span, open.language, open.rendered.map.blockBreaks());
  }

  private snapLive(): void {
    const open = this.article();
    const selection = window.getSelection();
    if (open === null || selection === null) return;
    const span = open.rendered.map.selectionSpan(selection, open.rendered.text);
    if (span === null) return;
    const snapped = snapToWords(open.rendered.text, span, open.language, open.rendered.map.blockBreaks());
    if (snapped.start === span.start && snapped.end === span.end) return;
    const range = open.rendered.map.range(snapped.start, snapped.end);
    if (range === null) return;
    selection.removeAllRanges();
    selection.addRange(range);
  }
}
