// More ways in: drop files (or a link) on the window, or paste a web address or any text anywhere
// that is not a text field.
import { margin } from '../bridge';
import { isWebAddress } from '../../../electron/shared/web-address';

export function listenForDrops(target: HTMLElement, importSources: (sources: string[]) => void, say: (message: string) => void): void {
  target.addEventListener('dragover', (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    target.classList.add('is-drop-target');
  });
  target.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) target.classList.remove('is-drop-target');
  });
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    target.classList.remove('is-drop-target');
    const transfer = event.dataTransfer;
    if (transfer === null) return;
    const paths = [...transfer.files].map((file) => margin().pathForFile(file)).filter((path): path is string => path !== null);
    if (paths.length > 0) return importSources(paths);
    const link = (transfer.getData('text/uri-list') || transfer.getData('text/plain')).split(/\r?\n/u).find((line) => !line.startsWith('#'));
    if (link !== undefined && isWebAddress(link)) return importSources([link.trim()]);
    say('Drop text, HTML or Markdown files, or a link, to add them to your library.');
  });
}

/**
 * A web address pasted anywhere but a text field is saved; other text becomes an article of its
 * own. From a web page the clipboard also holds HTML: its plain text is taken, never its markup.
 */
export function listenForPastes(importSources: (sources: string[]) => void, importText: (text: string) => void, say: (message: string) => void): void {
  document.addEventListener('paste', (event) => {
    const inField = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable], dialog') !== null;
    const data = event.clipboardData;
    if (inField || data === null) return;
    event.preventDefault();
    if (!data.types.includes('text/plain')) return say('Paste text or a web address to add it to your library.');
    const text = data.getData('text/plain');
    if (isWebAddress(text)) importSources([text.trim()]);
    else importText(text);
  });
}
