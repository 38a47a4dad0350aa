import { ReaderApp } from './app';
import { call, margin, setErrorReporter } from './bridge';
import { h } from './dom';
import { listenForDrops, listenForPastes } from './library/drop-and-paste';
import { firstRunTip } from './shell/first-run-tip';
import { importOptionsSection } from './settings/import-options';
import { applySettings, loadSettings, settingsPanel, spellcheckOption } from './settings/reading-settings';
import { saveUrlForm } from './library/save-url-form';
import { ShellLayout } from './shell/shell-layout';

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
const reviewButton = h('button', { type: 'button', 'aria-keyshortcuts': 'r' }, 'Review highlights');

const shellLayout = new ShellLayout(reader, (text) => {
  announcer.textContent = '';
  window.setTimeout(() => (announcer.textContent = text), 50);
});
const app = new ReaderApp({ libraryHost, reader, notesTop, notesList, notesHeading, status, announcer, shell: shellLayout });
const importSources = (sources: string[]) => void app.importSources(sources);
readingSettings.panel.append(app.marks.option());

const library = h(
  'aside',
  { class: 'library', id: 'library', 'aria-label': 'Library' },
  h('header', { class: 'library-header' }, h('span', { class: 'wordmark' }, 'Margin'), openButton),
  saveUrlForm((url) => importSources([url])),
  app.imports.progress,
  libraryHost,
  h('footer', { class: 'library-footer' }, reviewButton, exportLibrary),
);
const notes = h(
  'aside',
  { class: 'notes-panel', id: 'notes', 'aria-label': 'Highlights and notes' },
  h('header', { class: 'panel-header' }, notesHeading, h('span', { class: 'panel-actions' }, readingSettings.button, exportArticle)),
  readingSettings.panel,
  h('div', { class: 'notes-scroll' }, notesTop, notesList),
);
const shell = h('div', { class: 'shell' }, library, h('div', { class: 'reader-column' }, shellLayout.toolbar, shellLayout.contents.element, app.find.element, firstRunTip(), reader), notes);
document.getElementById('app')?.replaceChildren(shell, status, announcer);
shellLayout.attach({ shell, reader, library, notes });

setErrorReporter((message) => app.say(message));
openButton.addEventListener('click', () => void app.runMenuCommand('import-files'));
exportArticle.addEventListener('click', () => void app.runMenuCommand('export-article'));
exportLibrary.addEventListener('click', () => void app.runMenuCommand('export-library'));
reviewButton.addEventListener('click', () => void app.runMenuCommand('review-highlights'));
window.margin.onMenuCommand((command) => void app.runMenuCommand(command));
window.margin.onImportRequest(importSources);
listenForDrops(document.body, importSources, (message) => app.say(message));
listenForPastes(importSources, (text) => void app.imports.importText(text), (message) => app.say(message));
void app.start();
// Spell checking is the person's choice only where it downloads a dictionary; the library says where.
void call(margin().librarySettings({})).then((answer) => {
  if (answer === null || !answer.spellcheck.choosable) return;
  const save = async (on: boolean) => (await call(margin().setSpellcheck({ on }))) !== null;
  readingSettings.panel.append(spellcheckOption(answer.spellcheck.on, save));
});
