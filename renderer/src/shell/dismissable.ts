// Something shown over the article (a panel, the table of contents) that goes away the way people
// expect: Escape, a click outside it, or the keyboard moving on. Focus goes in when it opens from
// a key or a button, and back to where it was when Escape closes it.

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** The first control a person can reach inside an element, if any is shown. */
export function firstFocusable(element: HTMLElement): HTMLElement | null {
  for (const candidate of element.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (candidate.getClientRects().length > 0) return candidate;
  }
  return null;
}

export class Dismissable {
  private returnTo: HTMLElement | null = null;
  /** Opened by the pointer resting at the window's edge: it goes when the pointer leaves it. */
  private peeking = false;
  private shown = false;

  constructor(
    private readonly element: HTMLElement,
    private readonly trigger: HTMLElement,
    private readonly changed: (open: boolean) => void,
    private readonly focusTarget: () => HTMLElement | null = () => firstFocusable(element),
  ) {
    // Seen before the field's own handler: a field with text keeps its Escape (clearing a search,
    // cancelling a note); an empty one lets it close the whole.
    element.addEventListener(
      'keydown',
      (event) => {
        const field = event.target instanceof HTMLElement ? event.target.closest('input, textarea') : null;
        const fieldHasText = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.value !== '');
        if (!this.shown || event.key !== 'Escape' || fieldHasText || event.defaultPrevented) return;
        event.preventDefault();
        event.stopPropagation();
        this.close(true);
      },
      true,
    );
    element.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (this.shown && next instanceof Node && !element.contains(next) && !trigger.contains(next)) this.hide('never');
    });
    element.addEventListener('pointerdown', () => (this.peeking = false));
  }

  get isOpen(): boolean {
    return this.shown;
  }

  /** Shows the element; `focus` moves the keyboard into it, `peek` is the pointer's visit. */
  open(how: { focus: boolean; peek?: boolean }): void {
    if (!this.shown) {
      const active = document.activeElement;
      this.returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
      this.shown = true;
      this.peeking = how.peek === true;
      document.addEventListener('pointerdown', this.outside, true);
      document.addEventListener('pointermove', this.away, { passive: true });
      this.changed(true);
    }
    if (how.focus) (this.focusTarget() ?? this.element).focus();
  }

  /** Hides it; focus goes back when asked, or when it was inside (it would be lost otherwise). */
  close(restoreFocus: boolean): void {
    this.hide(restoreFocus ? 'always' : 'if-inside');
  }

  private hide(restore: 'always' | 'if-inside' | 'never'): void {
    if (!this.shown) return;
    this.shown = false;
    this.peeking = false;
    document.removeEventListener('pointerdown', this.outside, true);
    document.removeEventListener('pointermove', this.away);
    const hadFocus = this.element.contains(document.activeElement);
    this.changed(false);
    if (restore === 'always' || (restore === 'if-inside' && hadFocus)) {
      const back = this.returnTo?.isConnected === true && this.returnTo.getClientRects().length > 0 ? this.returnTo : this.trigger;
      back.focus();
    }
    this.returnTo = null;
  }

  /** The pointer that brought it has moved on (hit-tested here: it may never have "entered"). */
  private readonly away = (event: PointerEvent): void => {
    const target = event.target;
    if (!this.peeking || !(target instanceof Node) || this.element.contains(target) || this.element.contains(document.activeElement)) return;
    this.hide('never');
  };

  private readonly outside = (event: PointerEvent): void => {
    const target = event.target;
    if (target instanceof Node && (this.element.contains(target) || this.trigger.contains(target))) return;
    this.hide('never');
  };
}
