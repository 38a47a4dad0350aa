// Keeps only the items of a long list that are in or near view in the DOM; the rest are stood in
// for by padding of their (measured or estimated) height. An article with thousands of highlights
// otherwise holds tens of thousands of elements in the side panel, which the browser styles, lays
// out, walks on every frame and traces on every garbage collection: opening, saving and scrolling
// stalled for seconds. Hand-written because the list libraries that do this are framework
// components (React, Vue, Lit); the renderer is plain DOM and needs only this much.

/** How far beyond the visible part items are kept, in px, so a short scroll shows no gap. */
const OVERSCAN = 600;
const FIRST_ESTIMATE = 110;

export interface WindowedItems {
  ids: readonly string[];
  render(index: number): HTMLElement;
  /** Called after the shown items changed, e.g. to let go of cached items no longer shown. */
  shown?(ids: ReadonlySet<string>): void;
}

export class WindowedList {
  private items: WindowedItems = { ids: [], render: () => document.createElement('li') };
  private readonly heights = new Map<string, number>();
  private pending = 0;
  private estimated = FIRST_ESTIMATE;
  private readonly onScroll = () => {
    if (this.pending === 0) this.pending = requestAnimationFrame(() => this.update());
  };
  private readonly resize = new ResizeObserver(() => this.onScroll());

  constructor(
    private readonly list: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly patch: (list: HTMLElement, wanted: readonly HTMLElement[]) => void,
  ) {
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize.observe(scroller);
  }

  set(items: WindowedItems): void {
    this.items = items;
    this.update();
  }

  /** Brings an item into the DOM (scrolling the list to it if it was far away) and returns it. */
  reveal(id: string): HTMLElement | null {
    const index = this.items.ids.indexOf(id);
    if (index === -1) return null;
    const shown = this.list.querySelector<HTMLElement>(`:scope > [data-id="${CSS.escape(id)}"]`);
    if (shown !== null) return shown;
    this.scroller.scrollTop = this.listTop() + this.offsetOf(index) - this.scroller.clientHeight / 3;
    this.update();
    return this.list.querySelector<HTMLElement>(`:scope > [data-id="${CSS.escape(id)}"]`);
  }

  dispose(): void {
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.scroller.removeEventListener('scroll', this.onScroll);
    this.resize.disconnect();
    this.list.style.removeProperty('padding-top');
    this.list.style.removeProperty('padding-bottom');
  }

  private update(): void {
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    const { ids } = this.items;
    this.estimated = this.estimate();
    const top = this.scroller.scrollTop - this.listTop() - OVERSCAN;
    const bottom = this.scroller.scrollTop - this.listTop() + this.scroller.clientHeight + OVERSCAN;
    let first = 0;
    let offset = 0;
    while (first < ids.length - 1 && offset + this.height(first) < top) offset += this.height(first++);
    let last = first;
    let end = offset + this.height(first);
    while (last < ids.length - 1 && end < bottom) end += this.height(++last);
    const elements: HTMLElement[] = [];
    for (let index = first; index <= last && index < ids.length; index++) {
      const element = this.items.render(index);
      element.setAttribute('aria-posinset', String(index + 1));
      element.setAttribute('aria-setsize', String(ids.length));
      elements.push(element);
    }
    this.patch(this.list, elements);
    // Measure what is shown, so the padding standing in for the rest gets closer to the truth.
    elements.forEach((element, i) => {
      const id = ids[first + i];
      if (id !== undefined) this.heights.set(id, element.offsetHeight + this.gap());
    });
    this.estimated = this.estimate();
    const before = this.offsetOf(first);
    const after = this.offsetOf(ids.length) - this.offsetOf(last + 1);
    this.list.style.paddingTop = `calc(0.5rem + ${before}px)`;
    this.list.style.paddingBottom = `calc(0.5rem + ${Math.max(0, after)}px)`;
    this.items.shown?.(new Set(ids.slice(first, last + 1)));
  }

  private height(index: number): number {
    const id = this.items.ids[index];
    return (id === undefined ? undefined : this.heights.get(id)) ?? this.estimated;
  }

  private offsetOf(index: number): number {
    let offset = 0;
    for (let i = 0; i < index && i < this.items.ids.length; i++) offset += this.height(i);
    return offset;
  }

  /** Unmeasured items are taken to be as tall as the measured ones are on average. */
  private estimate(): number {
    if (this.heights.size === 0) return FIRST_ESTIMATE;
    let sum = 0;
    for (const height of this.heights.values()) sum += height;
    return sum / this.heights.size;
  }

  private gapPx: number | null = null;
  private gap(): number {
    const first = this.list.firstElementChild;
    if (this.gapPx === null && first !== null) this.gapPx = Number.parseFloat(getComputedStyle(first).marginBottom) || 0;
    return this.gapPx ?? 0;
  }

  /** Where the list starts within the scroller's content. */
  private listTop(): number {
    return this.list.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top + this.scroller.scrollTop;
  }
}
