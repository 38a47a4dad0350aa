// How far the person has read the open article. A long one by where they scrolled; one that fits
// the window without scrolling is only read once they go on past its end (End, Page Down, Space,
// the down arrow or the wheel), not the moment it opens: its first screen is all of it. Nothing is
// saved until the person moves from where opening put them: swapping the article in resets the
// pane's scroll, and that scroll must not overwrite how far they had read (a finished article
// opens at its top, and would otherwise count as unread).
const ONWARD_KEYS = new Set(['End', 'PageDown', ' ', 'ArrowDown']);

export class ReadingProgress {
  private wentPastEnd = false;
  /** Where opening left the pane, until the person scrolls away from it. */
  private openedAt: number | null = null;
  private saveTimer = 0;

  /** @param readOn told when the person goes on past the end of an article that fits the window. */
  constructor(
    private readonly reader: HTMLElement,
    readOn: () => void,
  ) {
    const onward = () => {
      if (!this.fits() || this.wentPastEnd) return;
      this.wentPastEnd = true;
      readOn();
    };
    reader.addEventListener('keydown', (event) => {
      // Keys on a control in the article's header (Restore, Import again, a tag field) are the control's.
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, button, a[href], [contenteditable]') !== null;
      if (!typing && ONWARD_KEYS.has(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) onward();
    });
    reader.addEventListener('wheel', (event) => event.deltaY > 0 && onward(), { passive: true });
  }

  /** A new article is open: nothing of it is read yet. */
  opened(): void {
    window.clearTimeout(this.saveTimer);
    this.wentPastEnd = false;
    this.openedAt = null;
  }

  /** The article is shown where it opens (its saved place, a passage, or the top). */
  placed(): void {
    this.openedAt = this.reader.scrollTop;
  }

  /** Where the article was left, as a share of its length. */
  restore(progress: number): void {
    if (progress > 0 && progress < 1) this.reader.scrollTop = progress * (this.reader.scrollHeight - this.reader.clientHeight);
  }

  /** Saves the progress a moment after scrolling stops; with no save, only drops the one waiting. */
  saveSoon(save: ((progress: number) => void) | null): void {
    window.clearTimeout(this.saveTimer);
    if (save === null) return;
    this.saveTimer = window.setTimeout(() => {
      const progress = this.now();
      if (progress !== null) save(progress);
    }, 700);
  }

  /** The progress to save, 0 to 1, or null while an article that fits the window has not been read on. */
  now(): number | null {
    const range = this.reader.scrollHeight - this.reader.clientHeight;
    if (range <= 0) return this.wentPastEnd ? 1 : null;
    if (this.openedAt !== null && Math.abs(this.reader.scrollTop - this.openedAt) < 1) return null;
    this.openedAt = null;
    return Math.min(1, Math.max(0, this.reader.scrollTop / range));
  }

  private fits(): boolean {
    return this.reader.scrollHeight <= this.reader.clientHeight;
  }
}
