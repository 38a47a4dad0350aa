// The mouse and the selection in the article: the colour toolbar follows a selection made in it,
// and a click on a painted highlight focuses it, or, where highlights overlap, asks which one.
import type { AnnotationController } from './annotation-controller';
import type { HighlightPicker } from './highlight-picker';
import type { HighlightsView } from './highlights-view';
import type { SelectionToolbar } from './selection-toolbar';

interface GestureParts {
  reader: HTMLElement;
  toolbar: SelectionToolbar;
  picker: HighlightPicker;
  highlights: HighlightsView;
  controller: AnnotationController;
  /** The selection, when it lies in the open article. */
  selectionInArticle(): Range | null;
  /** The article scrolled (the toolbar is hidden first). */
  scrolled(): void;
}

export function listenForHighlightGestures(parts: GestureParts): void {
  const { reader, toolbar } = parts;
  const updateToolbar = () => {
    const range = parts.selectionInArticle();
    if (range === null) toolbar.hide();
    else toolbar.showAt(range.getBoundingClientRect());
  };
  reader.addEventListener('mouseup', () => window.setTimeout(updateToolbar, 0));
  document.addEventListener('selectionchange', () => {
    if (parts.selectionInArticle() === null) toolbar.hide();
  });
  reader.addEventListener('keyup', (event) => {
    if (event.shiftKey) updateToolbar();
  });
  reader.addEventListener(
    'scroll',
    () => {
      toolbar.hide();
      parts.scrolled();
    },
    { passive: true },
  );
  reader.addEventListener('click', (event) => {
    if (parts.controller.articleId === null || parts.selectionInArticle() !== null) return;
    const hits = parts.highlights.at(event.clientX, event.clientY);
    const quotes = new Map(parts.controller.annotations.map((a) => [a.id, a.target.quote.exact]));
    if (hits.length === 1 && hits[0] !== undefined) parts.controller.focus(hits[0].id, false);
    else if (hits.length > 1) parts.picker.show(hits.map((hit) => ({ id: hit.id, color: hit.color, quote: quotes.get(hit.id) ?? '' })), event.clientX, event.clientY);
  });
}
