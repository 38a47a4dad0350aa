// j and k: to the next or previous paragraph. The paragraph comes to the top of the reader and
// becomes where a screen reader goes on reading: it takes the focus (a tabindex it holds only
// while focused), or in caret browsing the caret moves to its start. Neither changes the
// article's text, which highlights are anchored in.

/** Blocks a person reads one at a time; the innermost is the step (a list item's paragraph, not the list). */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, dt, dd, table';
/** Blocks taken whole: the step never goes inside them. */
const WHOLE = 'pre, figure, table';
/** Space left above the paragraph, so it does not touch the pane's edge. */
const GAP = 24;

export function paragraphsOf(article: HTMLElement): HTMLElement[] {
  const all = [...article.querySelectorAll<HTMLElement>(BLOCKS)];
  return all.filter((block) => {
    if (block.parentElement?.closest(WHOLE) != null) return false;
    if (!block.matches(WHOLE) && block.querySelector(BLOCKS) !== null) return false;
    return (block.textContent ?? '').trim() !== '' || block.querySelector('img, svg') !== null;
  });
}

export class ParagraphSteps {
  constructor(
    private readonly reader: HTMLElement,
    /** The open article's body, or null. */
    private readonly article: () => HTMLElement | null,
    private readonly caretActive: () => boolean,
  ) {}

  /** Moves to the next (1) or previous (-1) paragraph; false when no article is open. */
  step(direction: 1 | -1): boolean {
    const article = this.article();
    if (article === null) return false;
    const blocks = paragraphsOf(article);
    if (blocks.length === 0) return false;
    const at = this.current(blocks, direction);
    const next = blocks[Math.min(blocks.length - 1, Math.max(0, at + direction))] ?? blocks[0];
    if (next === undefined) return false;
    this.show(next);
    return true;
  }

  /** Where caret browsing starts: the paragraph stepped to, if it has the focus, or else the first in view. */
  caretStart(focused: Element | null): HTMLElement | null {
    const article = this.article();
    if (article === null) return null;
    const blocks = paragraphsOf(article);
    const here = blocks.find((b) => b === focused);
    if (here !== undefined) return here;
    const top = this.reader.getBoundingClientRect().top;
    return blocks.find((b) => b.getBoundingClientRect().bottom > top) ?? null;
  }

  /**
   * The index to step from: the paragraph stepped to last while it is still in view (the pane may
   * not scroll far enough to bring the last ones to the top), otherwise where the pane is scrolled.
   */
  private current(blocks: HTMLElement[], direction: 1 | -1): number {
    const pane = this.reader.getBoundingClientRect();
    const here = this.caretActive() ? caretBlock(blocks) : blocks.find((b) => b === document.activeElement);
    if (here !== undefined) {
      const box = here.getBoundingClientRect();
      if (box.bottom > pane.top && box.top < pane.bottom) return blocks.indexOf(here);
    }
    const top = pane.top + GAP;
    if (direction === 1) {
      const below = blocks.findIndex((b) => b.getBoundingClientRect().top > top + 1);
      return below === -1 ? blocks.length - 1 : below - 1;
    }
    const after = blocks.findIndex((b) => b.getBoundingClientRect().top >= top - 1);
    return after === -1 ? blocks.length : after;
  }

  private show(block: HTMLElement): void {
    const pane = this.reader.getBoundingClientRect();
    this.reader.scrollTop += block.getBoundingClientRect().top - pane.top - GAP;
    if (this.caretActive()) {
      const selection = window.getSelection();
      selection?.collapse(block, 0);
      return;
    }
    if (!block.hasAttribute('tabindex')) {
      block.setAttribute('tabindex', '-1');
      block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
    }
    block.focus({ preventScroll: true });
  }
}

function caretBlock(blocks: HTMLElement[]): HTMLElement | undefined {
  const node = window.getSelection()?.focusNode ?? null;
  return node === null ? undefined : blocks.find((b) => b.contains(node));
}
