// Where the keyboard focus goes when what held it closes or disappears: a dialog gives it back to
// what opened it, a removed row or card passes it to its neighbour, and nothing ever leaves it on
// the page's body, where a keyboard or screen reader user would have to start over.

/** The reader pane: where the focus goes when nothing closer makes sense. */
export function focusReader(): void {
  document.getElementById('reader')?.focus({ preventScroll: true });
}

/**
 * The reader takes the focus for an article that just opened, unless the person is typing
 * elsewhere meanwhile (a second link while the first imports): their keys must not become
 * reading keys halfway through a word.
 */
export function focusReaderUnlessTyping(): void {
  const active = document.activeElement;
  const typing = (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.value !== '' && !active.closest('#reader');
  if (!typing) focusReader();
}

/** Whether the focus is nowhere in particular (on the body, or on an element that has gone). */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement || !active.isConnected;
}

/**
 * Shows a dialog modally; when it closes the focus goes back to what had it before (the button or
 * key's place that opened it), or, if that has gone meanwhile, to `fallback`.
 */
export function showModalReturningFocus(dialog: HTMLDialogElement, fallback: () => void = focusReader): void {
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  dialog.addEventListener(
    'close',
    () => {
      // After the dialog's own close steps, which may move the focus themselves. The close event
      // comes a task later than the key that closed the dialog: if the person has put the focus
      // somewhere since (a shortcut pressed at once), it stays where they put it.
      queueMicrotask(() => {
        const active = document.activeElement;
        if (!focusLost() && active !== opener && !(active !== null && dialog.contains(active))) return;
        if (opener !== null && opener.isConnected && !opener.closest('[hidden], dialog:not([open])')) opener.focus({ preventScroll: true });
        if (focusLost() || (document.activeElement !== null && dialog.contains(document.activeElement))) fallback();
      });
    },
    { once: true },
  );
  dialog.showModal();
}

/**
 * Runs an update of a list whose items may disappear; if the focused item went, the focus goes to
 * the item now in its place (the next one), or the one before, or the list itself.
 */
export function keepFocusInList(list: HTMLElement, update: () => void): void {
  const active = document.activeElement;
  const item = active instanceof Element && list.contains(active) ? [...list.children].find((child) => child.contains(active)) : undefined;
  const index = item === undefined ? -1 : [...list.children].indexOf(item);
  update();
  if (index === -1 || !focusLost()) return;
  const items = [...list.children];
  const candidates = [...items.slice(index), ...items.slice(0, index).reverse()];
  for (const candidate of candidates) {
    const target = candidate.querySelector<HTMLElement>('button:not([disabled]), a[href], input, [tabindex]');
    if (target !== null) {
      target.focus();
      return;
    }
  }
  if (!list.hasAttribute('tabindex')) list.setAttribute('tabindex', '-1');
  list.focus();
}

/** Puts the focus on a highlight's card in the notes list (its quote, which reads it out), or on the reader. */
export function focusCard(card: HTMLElement | null): void {
  const quote = card?.querySelector<HTMLElement>('.card-quote');
  if (quote != null) quote.focus();
  else focusReader();
}

/**
 * Runs an update that may build a highlight's card (or the article's note) again: the focus stays
 * on the same control of the new card rather than falling to the body; from a note editor that
 * closed, it goes to the card's "Add note" or "Edit note".
 */
export function keepFocusInCards(panel: HTMLElement, update: () => void): void {
  const active = document.activeElement;
  const block = active instanceof HTMLElement && panel.contains(active) ? active.closest<HTMLElement>('[data-id], .article-note') : null;
  const controls = (of: HTMLElement) => [...of.querySelectorAll<HTMLElement>('button, input, textarea, [tabindex]')];
  const index = block === null ? -1 : controls(block).indexOf(active as HTMLElement);
  const fromEditor = active instanceof HTMLElement && active.closest('.note-editor') !== null;
  update();
  if (block === null || !focusLost()) return;
  const id = block.dataset.id;
  const again = panel.querySelector<HTMLElement>(id === undefined ? '.article-note' : `[data-id="${CSS.escape(id)}"]`);
  if (again === null) return;
  const fromTagField = active instanceof HTMLElement && active.matches('.tag-input');
  const target = fromEditor
    ? again.querySelector<HTMLElement>('.note-editor textarea, button.link')
    : fromTagField
      ? again.querySelector<HTMLElement>('.tag-input, .tag-add')
      : (controls(again)[index] ?? null);
  (target ?? again.querySelector<HTMLElement>('.card-quote, button'))?.focus({ preventScroll: true });
}
