// Whether importing a file also downloads the web images its page names. Off unless the person
// turns it on: a saved page is read from what lies beside it on disk, and Margin does not go
// online for a file by itself. A web address is always fetched with its images. Kept on this
// device, like the reading settings.
import { h } from '../dom';

const KEY = 'margin.import-options';

export function fetchImagesChosen(storage: Storage = localStorage): boolean {
  try {
    return (JSON.parse(storage.getItem(KEY) ?? '{}') as { fetchImages?: unknown }).fetchImages === true;
  } catch {
    return false;
  }
}

/** The checkbox, for the settings panel. */
export function importOptionsSection(storage: Storage = localStorage): HTMLElement {
  const box = h('input', { type: 'checkbox', checked: fetchImagesChosen(storage) });
  box.addEventListener('change', () => storage.setItem(KEY, JSON.stringify({ fetchImages: box.checked })));
  return h(
    'fieldset',
    { class: 'import-options' },
    h('legend', {}, 'Importing files'),
    h('label', { class: 'checkbox-setting' }, box, h('span', {}, 'Download a saved page’s images from the web')),
    h('p', { class: 'setting-hint' }, 'Off: only the images saved beside the page on disk are kept.'),
  );
}
