import { ReaderApp } from './app';
import { call, margin, setErrorReporter } from './bridge';
import { h } from './dom';
import { listenForDrops, listenForPastedLinks } from './drop-and-paste';
import { firstRunTip } from './first-run-tip';
import { importOptionsSection } from './import-options';
import { applySettings, loadSettings, settingsPanel, spellcheckOption } from './reading-settings';
import { saveUrlForm } from './save-url-form';

const settings = loadSettings();
applySettings(settings);
const readingSettings = settingsPanel(settings);
readingSettings.panel.append(importOptionsSection());

const libraryHost = h('div', { class: 'library-host' });
const reader = h('main', { class: 'reader', id: 'reader', tabindex: '-1' });
const notesTop = h('div', { class: 'notes-top' });
const notesList = h('ol', { class: 'notes-list', id: 'notes-list', 'aria-label': 'Highlights' });
const notesHeading = h('h2', { class: 'panel-title' }, 'Highlights');
const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite' });
const openButton = h('button', { type: 'button', class: 'primary' }, 'Open…');
const exportLibrary = h('button', { type: 'button' }, 'Export all notes…');
const exportArticle = h('button', { type: 'button' }, 'Export…');

const app = new ReaderApp({ libraryHost, reader, notesTop, notesList, notesHeading, status, announcer });
const importSources = (sources: string[]) => void app.importSources(sources);
readingSettings.panel.append(app.marks.option());

document.getElementById('app')?.replaceChildren(
  h(
    'div',
    { class: 'shell' },
    h(
      'aside',
      { class: 'library', 'aria-label': 'Library' },
      h('header', { class: 'library-header' }, h('span', { class: 'wordmark' }, 'Margin'), openButton),
      saveUrlForm((url) => importSources([url])),
      app.imports.progress,
      libraryHost,
      h('footer', { class: 'library-footer' }, exportLibrary),
    ),
    h('div', { class: 'reader-column' }, app.find.element, firstRunTip(), reader),
    h(
      'aside',
      { class: 'notes-panel', 'aria-label': 'Highlights and notes' },
      h('header', { class: 'panel-header' }, notesHeading, h('span', { class: 'panel-actions' }, readingSettings.button, exportArticle)),
      readingSettings.panel,
      h('div', { class: 'notes-scroll' }, notesTop, notesList),
    ),
  ),
  status,
  announcer,
);

setErrorReporter((message) => app.say(message));
openButton.addEventListener('click', () => void app.runMenuCommand('import-files'));
exportArticle.addEventListener('click', () => void app.runMenuCommand('export-article'));
exportLibrary.addEventListener('click', () => void app.runMenuCommand('export-library'));
window.margin.onMenuCommand((command) => void app.runMenuCommand(command));
window.margin.onImportRequest(importSources);
listenForDrops(document.body, importSources, (message) => app.say(message));
listenForPastedLinks(importSources);
void app.start();
// Spell checking is the person's choice only where it downloads a dictionary; the library says where.
void call(margin().librarySettings({})).then((answer) => {
  if (answer === null || !answer.spellcheck.choosable) return;
  const save = async (on: boolean) => (await call(margin().setSpellcheck({ on }))) !== null;
  readingSettings.panel.append(spellcheckOption(answer.spellcheck.on, save));
});
