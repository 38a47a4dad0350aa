// Two more ways in: drop files (or a link) on the window, or paste a web address anywhere that is
// not a text field.
import { margin } from './bridge';
import { isWebAddress } from '../../electron/shared/web-address';

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

export function listenForPastedLinks(importSources: (sources: string[]) => void): void {
  document.addEventListener('paste', (event) => {
    const inField = event.target instanceof HTMLElement && event.target.closest('input, textarea, [contenteditable]') !== null;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (inField || !isWebAddress(text)) return;
    event.preventDefault();
    importSources([text.trim()]);
  });
}
