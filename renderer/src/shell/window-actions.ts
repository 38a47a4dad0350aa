// Keys for controls that live in the window's frame rather than in the app's state: the field
// that saves a web page, the reading settings, and the library row that has the focus.

/** Puts the focus in the "Paste a link to save" field. */
export function focusSaveLink(): boolean {
  const input = document.querySelector<HTMLInputElement>('.url-input');
  if (input === null) return false;
  input.focus();
  input.select();
  return true;
}

/** Opens the reading settings (theme, font, size) with the focus on the first of them. */
export function openReadingSettings(): boolean {
  const button = document.querySelector<HTMLButtonElement>('[aria-controls="reading-settings"]');
  const panel = document.getElementById('reading-settings');
  if (button === null || panel === null) return false;
  if (panel.hidden) button.click();
  panel.querySelector<HTMLElement>('select, input')?.focus();
  return true;
}

/** The article of the library row that has the focus, if one has. */
export function focusedRowArticle(): string | null {
  const active = document.activeElement;
  const row = active instanceof HTMLElement ? active.closest<HTMLElement>('.library-list [data-article]') : null;
  return row?.dataset.article ?? null;
}
