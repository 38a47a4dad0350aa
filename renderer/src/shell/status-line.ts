// The one line of news at the bottom of the window: a sentence for the person, with an optional
// action such as Undo, and a live region that tells screen readers without showing anything.
import { h } from '../dom';
import { focusReader } from './focus-return';

export class StatusLine {
  constructor(
    private readonly status: HTMLElement,
    private readonly announcer: HTMLElement,
  ) {}

  say(message: string, action?: { label: string; run: () => void }): void {
    const parts: (string | HTMLElement)[] = [message];
    // A keyboard user on the Undo button goes back to the reader when the message goes.
    const hide = () => {
      const hadFocus = this.status.contains(document.activeElement);
      this.status.hidden = true;
      if (hadFocus) focusReader();
    };
    if (action !== undefined) {
      const button = h('button', { type: 'button', class: 'status-action' }, action.label);
      button.addEventListener('click', () => {
        hide();
        action.run();
      });
      parts.push(' ', button);
    }
    this.status.replaceChildren(...parts);
    this.status.hidden = false;
    window.clearTimeout(Number(this.status.dataset.timer));
    this.status.dataset.timer = String(window.setTimeout(hide, action === undefined ? 6000 : 10000));
  }

  /** Tells screen readers what just happened, without a visible toast. */
  announce(text: string): void {
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = text), 50);
  }

  /** A new change went into the history: an "Undo" beside an older message would no longer take back the last one. */
  undoStale(): void {
    if (this.status.querySelector('.status-action') !== null) this.status.hidden = true;
  }
}
