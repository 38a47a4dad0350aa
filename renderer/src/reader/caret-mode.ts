// Caret browsing for the article, as browsers offer it on F7: the text gets a movable caret so a
// person can select a passage with Shift and the arrow keys and highlight it without a mouse.
// The body becomes contenteditable only to get that caret; every edit is refused.

export class CaretMode {
  private on = false;

  constructor(private readonly say: (message: string) => void) {}

  get active(): boolean {
    return this.on;
  }

  toggle(body: HTMLElement | null): void {
    if (body === null) return;
    this.on = !this.on;
    if (this.on) {
      body.contentEditable = 'true';
      body.spellcheck = false;
      body.setAttribute('aria-readonly', 'true');
      body.addEventListener('beforeinput', refuse);
      body.addEventListener('drop', refuse);
      body.focus({ preventScroll: true });
      // The caret starts where the selection is if that is in the article, else at its start.
      const selection = window.getSelection();
      if (selection !== null && (selection.anchorNode === null || !body.contains(selection.anchorNode))) selection.collapse(body, 0);
      this.say('Caret browsing on: move with the arrow keys, select with Shift, press h to highlight. F7 turns it off.');
    } else {
      this.off(body);
      this.say('Caret browsing off.');
    }
  }

  /** Leaves caret mode, e.g. when another article opens. */
  off(body: HTMLElement | null): void {
    this.on = false;
    if (body === null) return;
    body.removeAttribute('contenteditable');
    body.removeAttribute('aria-readonly');
    body.removeEventListener('beforeinput', refuse);
    body.removeEventListener('drop', refuse);
  }
}

function refuse(event: Event): void {
  event.preventDefault();
}
