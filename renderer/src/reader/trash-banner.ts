// An article opened from the trash says so above its headline, with the way to put it back.
import { h } from '../dom';

/** Shows or takes away the banner at the top of the reader; focus in a banner taken away goes to the reader. */
export function showTrashBanner(reader: HTMLElement, inTrash: boolean, restore: () => void): void {
  const shown = reader.querySelector<HTMLElement>(':scope > .trash-banner');
  if (inTrash === (shown !== null)) return;
  if (shown !== null) {
    const hadFocus = shown.contains(document.activeElement);
    shown.remove();
    if (hadFocus) reader.focus({ preventScroll: true });
    return;
  }
  const button = h('button', { type: 'button', class: 'trash-restore' }, 'Restore');
  button.addEventListener('click', restore);
  reader.prepend(h('div', { class: 'trash-banner', role: 'status' }, h('span', {}, 'This article is in the trash.'), ' ', button));
}
