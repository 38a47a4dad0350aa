// Focus mode: only the article, its column centred. The panels wait over the article and the
// toolbar above it; the pointer at an edge, or a key, calls them back.
import type { Panels } from './panels';

/** How close to the window's edge the pointer has to come, in CSS pixels. */
const EDGE = 8;
const TOP = 48;

export class FocusMode {
  private on = false;

  constructor(
    private readonly shell: HTMLElement,
    private readonly toolbar: HTMLElement,
    private readonly button: HTMLButtonElement,
    private readonly panels: Panels,
    private readonly reader: HTMLElement,
    private readonly announce: (text: string) => void,
  ) {
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => this.toggle());
    document.addEventListener('pointermove', (event) => this.pointerAt(event), { passive: true });
  }

  get active(): boolean {
    return this.on;
  }

  toggle(): boolean {
    this.set(!this.on);
    return true;
  }

  /** Escape leaves focus mode once nothing else is there to close. */
  leave(): boolean {
    if (!this.on) return false;
    this.set(false);
    return true;
  }

  private set(on: boolean): void {
    this.on = on;
    this.shell.classList.toggle('is-focus-mode', on);
    this.button.setAttribute('aria-pressed', String(on));
    this.toolbar.classList.remove('is-peeking');
    const focusInPanel = document.activeElement?.closest('.library, .notes-panel') != null;
    this.panels.setForceOverlay(on);
    // The panel that had focus is gone: reading goes on in the article.
    if (on && (focusInPanel || document.activeElement === this.button)) this.reader.focus({ preventScroll: true });
    this.announce(on ? 'Focus mode. Press f or Escape to leave it.' : 'Focus mode off.');
  }

  private pointerAt(event: PointerEvent): void {
    if (!this.on || event.pointerType === 'touch') return;
    const width = document.documentElement.clientWidth;
    if (event.clientX <= EDGE) this.panels.peek('library');
    else if (event.clientX >= width - EDGE) this.panels.peek('notes');
    const overToolbar = event.target instanceof Node && this.toolbar.contains(event.target);
    this.toolbar.classList.toggle('is-peeking', event.clientY <= TOP || overToolbar);
  }
}
