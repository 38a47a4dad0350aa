// The reader's state and the actions on it. Views render from state; every change to the
// library goes through `window.margin` and the state is updated from what the handler answers.
import { describeSpan } from '../../electron/shared/anchoring/describe';
import { anchorAll } from '../../electron/shared/anchoring/anchor-all';
import { resolve } from '../../electron/shared/anchoring/resolve';
import type { MenuCommand } from '../../electron/shared/channels';
import { HIGHLIGHT_COLORS, type Annotation, type ArticleState, type ArticleSummary, type ArticleView, type ColorLabels, type HighlightColor } from '../../electron/shared/model';
import { call, margin } from './bridge';
import { h } from './dom';
import { ImportFlow } from './library/import-flow';
import { fetchImagesChosen } from './settings/import-options';
import { HighlightPainter, type PaintedSpan } from './annotations/highlight-painter';
import { confirmDialog } from './shell/confirm-dialog';
import { LibraryPanel } from './library/library-panel';
import { clearNotesList, renderNotesPanel, revealCard, type NotesPanelActions } from './annotations/notes-panel';
import { renderArticle, type RenderedArticle } from './reader/reader-view';
import { CaretMode } from './reader/caret-mode';
import { ExportDialog } from './export/export-dialog';
import { FindBar } from './reader/find-bar';
import { HighlightPicker } from './annotations/highlight-picker';
import { highlightsAt } from './annotations/hit-test';
import { SelectionToolbar } from './annotations/selection-toolbar';
import { WordSelection } from './reader/word-selection';
import { Edits, type AnnotationChange, type EditView } from './edits/edits';
import type { UndoEntry } from './edits/history';
import { handleShortcut, shortcutsDialog, type Shortcut } from './shell/shortcuts';
import type { ShellControls } from './shell/shell-layout';
import { ReviewView } from './review/review-view';
import { ReadingKeys } from './reader/reading-keys';
import { ParagraphSteps } from './reader/paragraph-steps';
import { selectionShortcuts } from './reader/selection-extend';
import { focusCard, focusReader, focusReaderUnlessTyping, keepFocusInCards, showModalReturningFocus } from './shell/focus-return';
import { focusedRowArticle, focusSaveLink, openReadingSettings } from './shell/window-actions';
import { ReadingProgress } from './reader/reading-progress';
import { showTrashBanner } from './reader/trash-banner';
import { UNDO_PASSES_THROUGH, applyTagEdit, type TagEdit } from './reader/tag-field';
import { compareInDocument, placeInOrder } from './annotations/document-order';
import { ScreenReaderMarks } from './annotations/screen-reader-marks';

export interface AppElements {
  libraryHost: HTMLElement;
  reader: HTMLElement;
  notesTop: HTMLElement;
  notesList: HTMLElement;
  notesHeading: HTMLElement;
  status: HTMLElement;
  /** A visually hidden live region for screen readers. */
  announcer: HTMLElement;
  /** The panels, focus mode and table of contents around the article. */
  shell: ShellControls;
}

interface OpenArticle {
  view: ArticleView;
  rendered: RenderedArticle;
  annotations: Annotation[];
  spans: Map<string, { start: number; end: number }>;
}

/** Runs a step once the browser has painted the current frame. */
const afterNextPaint = (step: () => void) => requestAnimationFrame(() => window.setTimeout(step, 0));


export class ReaderApp {
  private articles: ArticleSummary[] = [];
  private open: OpenArticle | null = null;
  private focusedId: string | null = null;
  private editingId: string | null = null;
  private editingArticleNote = false;
  /** The highlight whose note is being saved, so its editor closes when the store answers. */
  private savingNoteOf: string | null = null;
  private colorLabels: ColorLabels = {};
  private knownTags: string[] = [];
  private readonly edits = new Edits(this.editView());
  private readonly picker = new HighlightPicker((id) => this.focus(id, false));
  private readonly caret = new CaretMode((message) => this.say(message));
  readonly review = new ReviewView({ openArticle: (id, at) => void this.openArticle(id, at).then(() => this.el.reader.focus({ preventScroll: true })) });
  private readonly reading: ReadingKeys;
  private readonly paragraphs: ParagraphSteps;
  private readonly shortcuts: Shortcut[] = [
    { keys: ['j'], label: 'Next paragraph', section: 'Reading', run: () => this.paragraphs.step(1) },
    { keys: ['k'], label: 'Previous paragraph', section: 'Reading', run: () => this.paragraphs.step(-1) },
    { keys: ['Ctrl+F'], label: 'Find in the article', section: 'Reading', inFields: true, run: () => (this.find.open(), true) },
    { keys: ['F7'], label: 'Caret browsing: move a caret through the text, to select with the keys below', section: 'Selecting text', run: () => this.toggleCaret() },
    { keys: ['h'], label: 'Highlight the selection (in the colour used last)', section: 'Highlights', run: () => this.highlightKey(false) },
    { keys: ['n'], label: 'With text selected: highlight it and write a note', section: 'Highlights', run: () => this.highlightKey(true) },
    { keys: ['n'], label: 'Next highlight', section: 'Highlights', run: () => this.step(1) },
    { keys: ['p'], label: 'Previous highlight', section: 'Highlights', run: () => this.step(-1) },
    { keys: ['1', '2', '3', '4', '5'], label: `Colour: ${HIGHLIGHT_COLORS.join(', ')} (the selection, or the focused highlight)`, section: 'Highlights', run: (event) => this.colorKey(Number(event.key) - 1) },
    { keys: ['e'], label: 'Edit the note of the focused highlight', section: 'Highlights', run: () => this.editFocused() },
    { keys: ['#'], label: 'Tag the focused highlight (with none focused, the article)', section: 'Highlights', run: () => this.tagKey() },
    { keys: ['Delete', 'Backspace'], label: 'Delete the focused highlight', section: 'Highlights', run: () => this.deleteFocused() },
    { keys: ['Shift+N'], label: 'Write a note on the whole article', section: 'Highlights', run: () => this.open !== null && (this.panelActions.editArticleNote(true), true) },
    { keys: ['Shift+A'], label: 'Accept the new words of a highlight waiting for review (the focused one, or the first)', section: 'Highlights', run: () => this.reviewKey('.review-card:has(.review-candidate)', (id) => void this.acceptCandidate(id)) },
    { keys: ['Shift+H'], label: 'Attach a highlight waiting for review to the selected words', section: 'Highlights', run: () => this.reviewKey('.review-card', (id) => void this.attachSelection(id)) },
    { keys: ['Shift+C'], label: 'Name the colours (the colour legend)', section: 'Highlights', run: () => this.focusInPanel('notes', '.legend-input') },
    { keys: ['/'], label: 'Search the library', section: 'Library', run: () => this.searchLibrary() },
    { keys: ['l'], label: 'Go to the open article in the library list', section: 'Library', run: () => this.library.focusRow(this.open?.view.meta.id ?? null) },
    { keys: ['Shift+L'], label: 'The library’s list choices: which articles (Reading, Archive, Trash), sort, tag, site', section: 'Library', run: () => this.focusInPanel('library', '.library-controls select') },
    { keys: ['ArrowDown', 'ArrowUp'], label: 'In the library list: the next or previous article (Enter opens it)', section: 'Library', repeats: true, run: (event) => this.library.stepRow(event.key === 'ArrowDown' ? 1 : -1) },
    { keys: ['Ctrl+O'], label: 'Open an article from a file', section: 'Library', inFields: true, run: () => (void this.importFiles(), true) },
    { keys: ['Ctrl+L'], label: 'Save a web page: type or paste its address', section: 'Library', inFields: true, run: () => focusSaveLink() },
    { keys: ['a'], label: 'Archive the article (the focused row’s, or the open one); again to bring it back', section: 'Library', run: () => this.stateKey('archived') },
    { keys: ['Shift+Delete', 'Shift+Backspace'], label: 'Move the article to the trash', section: 'Library', run: () => this.stateKey('trash') },
    { keys: ['u'], label: 'Restore the article from the trash or the archive', section: 'Library', run: () => this.stateKey('reading') },
    { keys: ['Ctrl+Shift+Delete', 'Ctrl+Shift+Backspace'], label: 'Empty the trash', section: 'Library', inFields: true, run: () => (void this.emptyTrash(), true) },
    { keys: ['Shift+I'], label: 'Import the open article again from where it came from', section: 'Library', run: () => (this.open !== null && void this.reimport(this.open.view.meta.id), this.open !== null) },
    { keys: ['Ctrl+E'], label: 'Export the article’s notes', section: 'Library', inFields: true, run: () => (this.exportNotes(false), true) },
    { keys: ['Ctrl+Shift+E'], label: 'Export the notes of the whole library', section: 'Library', inFields: true, run: () => (this.exportNotes(true), true) },
    { keys: ['Ctrl+Shift+O'], label: 'Import annotations (W3C JSON-LD)', section: 'Library', inFields: true, run: () => (void this.importAnnotations(), true) },
    { keys: ['Ctrl+Shift+S'], label: 'Back up the library', section: 'Library', inFields: true, run: () => (void this.backUp(), true) },
    { keys: ['Ctrl+Z'], label: 'Undo', section: 'Window', run: () => (void this.undo(), true) },
    { keys: ['Ctrl+Y', 'Ctrl+Shift+Z'], label: 'Redo', section: 'Window', run: () => (void this.redo(), true) },
    { keys: ['Ctrl+,'], label: 'Reading settings: theme, font, size, line width', section: 'Window', inFields: true, run: () => openReadingSettings() },
    { keys: ['['], label: 'Show or hide the library', section: 'Window', run: () => this.el.shell.toggle('library') },
    { keys: [']'], label: 'Show or hide highlights and notes', section: 'Window', run: () => this.el.shell.toggle('notes') },
    { keys: ['t'], label: 'Table of contents', section: 'Reading', run: () => this.el.shell.toggleContents() },
    { keys: ['f'], label: 'Focus mode: only the article (f or Escape leaves it)', section: 'Window', run: () => this.el.shell.toggleFocusMode() },
    { keys: ['r'], label: 'Review: a few of your highlights each day', section: 'Library', run: () => this.review.show() },
    ...this.review.shortcuts,
    { keys: ['Escape'], label: 'Close menus, leave the focused highlight', section: 'Window', run: () => this.escape() },
    { keys: ['Escape'], label: 'Close the panel shown over the article, leave focus mode', section: 'Window', run: () => this.el.shell.escape() },
    { keys: ['?'], label: 'Show this list', section: 'Window', run: () => this.showShortcuts() },
  ];
  private readonly shortcutsHelp: HTMLDialogElement;
  readonly find = new FindBar(() => this.open?.rendered ?? null);
  private readonly exporter = new ExportDialog((message) => this.say(message));
  private readonly toolbar = new SelectionToolbar((color, withNote) => void this.highlightSelection(color, withNote));
  readonly imports = new ImportFlow({ say: (message) => this.say(message), libraryChanged: (id) => this.libraryChanged(id) });

  readonly library = new LibraryPanel({
    open: (id, at) => void this.openArticle(id, at),
    setState: (id, state) => void this.setArticleState(id, state),
    emptyTrash: () => void this.emptyTrash(),
    search: (query) => call(margin().searchLibrary({ query })),
  });
  private progressTimer = 0;
  private readonly progress: ReadingProgress;
  private readonly painter: HighlightPainter;
  /** Highlights as <mark>s for screen readers, when the person chose it in the reading settings. */
  readonly marks = new ScreenReaderMarks(() => this.paintAnnotations());
  private readonly words: WordSelection;

  constructor(private readonly el: AppElements) {
    this.painter = new HighlightPainter(el.reader);
    this.reading = new ReadingKeys(el.reader);
    this.paragraphs = new ParagraphSteps(el.reader, () => this.open?.rendered.body ?? null, () => this.caret.active);
    this.shortcuts.unshift(...this.reading.shortcuts());
    this.shortcuts.push(...selectionShortcuts(() => this.open?.rendered.body ?? null));
    this.shortcutsHelp = shortcutsDialog(this.shortcuts);
    this.progress = new ReadingProgress(el.reader, () => this.trackProgress());
    this.words = new WordSelection(el.reader, () => (this.open === null ? null : { rendered: this.open.rendered, language: this.open.view.meta.language ?? undefined }));
    document.body.append(this.toolbar.element, this.picker.element, this.shortcutsHelp, this.exporter.element, this.review.element);
    el.libraryHost.append(this.library.element);
    this.listen();
  }

  async start(): Promise<void> {
    const settings = await call(margin().librarySettings({}));
    this.colorLabels = settings?.colorLabels ?? {};
    this.knownTags = settings?.highlightTags ?? [];
    await this.refreshLibrary();
    // Repairs the store made while opening (after the list, which may find more) are news to the person.
    const after = await call(margin().librarySettings({}));
    if (after !== null && after.notices.length > 0) this.say(after.notices.join(' '));
    // Pick up where the person stopped; a new library opens on its newest article.
    const reading = this.articles.filter((a) => a.state === 'reading');
    const first = [...reading].sort((a, b) => (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? '') || b.importedAt.localeCompare(a.importedAt))[0];
    if (first !== undefined) await this.openArticle(first.id);
    else this.el.reader.replaceChildren(h('p', { class: 'reader-empty' }, 'Open an article (File › Open Article…) or save a link to start reading.'));
  }

  /** Tells screen readers what just happened, without a visible toast. */
  private announce(text: string): void {
    this.el.announcer.textContent = '';
    window.setTimeout(() => (this.el.announcer.textContent = text), 50);
  }

  /** One sentence for the person, with an optional action such as Undo. */
  say(message: string, action?: { label: string; run: () => void }): void {
    const parts: (string | HTMLElement)[] = [message];
    // A keyboard user on the Undo button goes back to the reader when the message goes.
    const hide = () => {
      const hadFocus = this.el.status.contains(document.activeElement);
      this.el.status.hidden = true;
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
    this.el.status.replaceChildren(...parts);
    this.el.status.hidden = false;
    window.clearTimeout(Number(this.el.status.dataset.timer));
    this.el.status.dataset.timer = String(window.setTimeout(hide, action === undefined ? 6000 : 10000));
  }

  private async setArticleState(id: string, state: ArticleState): Promise<void> {
    const before = this.articles.find((a) => a.id === id)?.state;
    if (before === undefined) return;
    const entry = await this.edits.setArticleState(id, before, state);
    if (entry === null) return;
    const done =
      state === 'trash' ? 'Moved to the trash.' : before === 'trash' ? (state === 'archived' ? 'Restored to the archive.' : 'Restored to your reading list.') : state === 'archived' ? 'Archived.' : 'Back in your reading list.';
    this.sayWithUndo(done, entry);
  }

  /** A message with an "Undo" that takes back that change, while it is still the last one. */
  private sayWithUndo(message: string, entry: UndoEntry): void {
    this.say(message, { label: 'Undo', run: () => void this.edits.undoIfLast(entry).then((said) => said !== null && this.say(said)) });
  }

  private editArticleTags(id: string, edit: TagEdit): void {
    const before = this.articles.find((a) => a.id === id)?.tags ?? (this.open?.view.meta.id === id ? this.open.view.meta.tags : []);
    void this.edits.setArticleTags(id, before, (was) => applyTagEdit(was, edit));
  }

  /** How the app shows each change the person makes, takes back or makes again. */
  private editView(): EditView {
    return {
      openId: () => this.open?.view.meta.id ?? null,
      show: (articleId) => this.openArticle(articleId),
      title: (articleId) => this.articles.find((a) => a.id === articleId)?.title ?? null,
      annotationChanged: (annotation) => {
        // A saved note closes its editor in the same render; a refused one leaves it open.
        if (annotation.id === this.savingNoteOf) {
          this.savingNoteOf = null;
          if (this.editingId === annotation.id) this.editingId = null;
        }
        this.applyAnnotation(annotation);
      },
      annotationRemoved: (articleId, id) => {
        if (this.open?.view.meta.id === articleId) this.dropAnnotation(id);
      },
      articleNoteChanged: (articleId, note) => {
        const open = this.open;
        if (open === null || open.view.meta.id !== articleId) return;
        open.view = { ...open.view, articleNote: note };
        this.editingArticleNote = false;
        this.renderAnnotations();
      },
      articleChanged: (summary) => {
        this.articles = this.articles.map((a) => (a.id === summary.id ? summary : a));
        this.renderLibrary();
        if (this.open?.view.meta.id === summary.id) {
          this.open.rendered.showTags(summary.tags);
          this.showTrashState(summary.id, summary.state);
        }
      },
      colorLabelsChanged: (labels) => {
        this.colorLabels = labels;
        this.renderAnnotations();
      },
      recorded: () => {
        // An "Undo" beside an older message would no longer take back the last change.
        if (this.el.status.querySelector('.status-action') !== null) this.el.status.hidden = true;
      },
    };
  }

  private async reimport(id: string): Promise<void> {
    this.say('Importing the article again…');
    const report = await call(margin().reimportArticle({ id, fetchImages: fetchImagesChosen() }));
    if (report === null) return;
    this.edits.forgetAll();
    await this.openArticle(id);
    const carried = report.exact + report.moved + report.fuzzy - report.needsReview;
    this.say(
      report.needsReview === 0
        ? `Version ${report.revision}: all ${carried} highlight${carried === 1 ? '' : 's'} found their place.`
        : `Version ${report.revision}: ${carried} highlight${carried === 1 ? '' : 's'} found their place; ${report.needsReview} need${report.needsReview === 1 ? 's' : ''} your review.`,
    );
  }

  private async emptyTrash(): Promise<void> {
    const count = this.articles.filter((a) => a.state === 'trash').length;
    if (count === 0) return this.say('The trash is empty.');
    const sure = await confirmDialog('Empty the trash?', `${count} article${count === 1 ? '' : 's'} and ${count === 1 ? 'its' : 'their'} highlights will be deleted for good.`, 'Delete for good');
    if (!sure) return;
    const result = await call(margin().emptyTrash({}));
    if (result === null) return;
    this.edits.forgetAll();
    if (this.open !== null && !this.articles.some((a) => a.id === this.open?.view.meta.id && a.state !== 'trash')) this.clearReader();
    await this.refreshLibrary();
    this.say(`Deleted ${result.deleted} article${result.deleted === 1 ? '' : 's'} for good.`);
  }

  private clearReader(): void {
    this.open = null;
    this.painter.clear();
    this.el.reader.replaceChildren(h('p', { class: 'reader-empty' }, 'Choose an article from your library.'));
    this.el.shell.articleShown(null);
    clearNotesList(this.el.notesTop, this.el.notesList);
  }

  /** Reading progress, saved a moment after scrolling stops. */
  private trackProgress(): void {
    window.clearTimeout(this.progressTimer);
    const open = this.open;
    if (open === null) return;
    this.progressTimer = window.setTimeout(() => {
      const progress = this.progress.now();
      if (progress === null) return;
      void margin()
        .updateArticle({ id: open.view.meta.id, progress })
        .then((result) => {
          if (!result.ok) return;
          // Only where the person is reading: an answer that arrives after a later change (archiving the article,
          // tagging it) must not bring back the state it had when the position was saved.
          const { id, progress: saved, lastReadAt } = result.value;
          this.articles = this.articles.map((a) => (a.id === id ? { ...a, progress: saved, lastReadAt } : a));
          this.renderLibrary();
        });
    }, 700);
  }

  async runMenuCommand(command: MenuCommand): Promise<void> {
    if (command === 'import-files') await this.importFiles();
    else if (command === 'highlight-selection' || command === 'note-selection') this.highlightKey(command === 'note-selection');
    else if (command === 'show-shortcuts') this.showShortcuts();
    else if (command === 'import-annotations') await this.importAnnotations();
    else if (command === 'backup-library') await this.backUp();
    else if (command === 'review-highlights') this.review.show();
    else this.exportNotes(command === 'export-library');
  }

  private exportNotes(wholeLibrary: boolean): void {
    this.exporter.open(this.open?.view.meta.id ?? null, wholeLibrary);
  }

  private async importAnnotations(): Promise<void> {
    const report = await call(margin().importAnnotations({}));
    if (report === null) return;
    this.edits.forgetAll();
    const parts = [`Attached ${report.attached} annotation${report.attached === 1 ? '' : 's'}.`];
    if (report.alreadyThere > 0) parts.push(`${report.alreadyThere} were already there.`);
    parts.push(...report.problems.slice(0, 3));
    if (report.problems.length > 3) parts.push(`${report.problems.length - 3} more could not be attached.`);
    parts.push(...report.notes);
    this.say(parts.join(' '));
    if (this.open !== null) await this.openArticle(this.open.view.meta.id);
    await this.refreshLibrary();
  }

  private async backUp(): Promise<void> {
    const result = await call(margin().backUpLibrary({}));
    if (result?.path) this.say(`Backed up ${result.files} files to ${result.path}.`);
  }

  async importFiles(): Promise<void> {
    const chosen = await call(margin().chooseImportFiles({}));
    if (chosen !== null) await this.imports.run(chosen.paths);
  }

  /** Files dropped, addresses pasted or saved, sources handed over by the system. */
  importSources(sources: string[]): Promise<void> {
    return this.imports.run(sources);
  }

  private async libraryChanged(openId: string | null): Promise<void> {
    await this.refreshLibrary();
    if (openId !== null) await this.openArticle(openId);
  }

  async openArticle(id: string, at?: { start: number; end: number }): Promise<void> {
    const view = await call(margin().openArticle({ id }));
    if (view === null) return;
    window.clearTimeout(this.progressTimer);
    this.progress.opened();
    this.caret.off(this.open?.rendered.body ?? null);
    const rendered = renderArticle(this.el.reader, view, {
      editTags: (edit) => void this.editArticleTags(id, edit),
      reimport: () => void this.reimport(id),
    });
    const spans = new Map<string, { start: number; end: number }>();
    // A highlight flagged after a revision waits in "Needs review" until the person decides.
    const settled = view.annotations.filter((a) => a.review === null);
    anchorAll(rendered.text, settled.map((a) => a.target)).forEach((anchor, i) => {
      const annotation = settled[i];
      if (annotation !== undefined && anchor.status !== 'orphaned') spans.set(annotation.id, { start: anchor.start, end: anchor.end });
    });
    this.open = { view, rendered, annotations: [...view.annotations].sort(compareInDocument(spans)), spans };
    this.focusedId = null;
    this.editingId = null;
    this.editingArticleNote = false;
    this.toolbar.hide();
    this.renderLibrary();
    this.renderAnnotations();
    this.find.reset();
    this.el.shell.articleShown(rendered.body);
    this.showTrashState(id, view.meta.state);
    if (at !== undefined) this.showPassage(at);
    else this.restoreProgress(view.meta.progress);
    this.progress.placed();
    // Reading keys work at once, wherever the article was opened from.
    focusReaderUnlessTyping();
    void margin().updateArticle({ id, opened: true });
  }

  /** An article in the trash says so, with Restore: back to where it was, reading or the archive. */
  private showTrashState(id: string, state: ArticleState): void {
    const wasShown = this.el.reader.querySelector('.trash-banner') !== null;
    showTrashBanner(this.el.reader, state === 'trash', () => void this.setArticleState(id, this.articles.find((a) => a.id === id)?.trashedFrom ?? 'reading'));
    if (state === 'trash' && !wasShown) this.announce('This article is in the trash.');
  }

  private restoreProgress(progress: number): void {
    const reader = this.el.reader;
    if (progress > 0 && progress < 1) reader.scrollTop = progress * (reader.scrollHeight - reader.clientHeight);
  }

  /** Scrolls to a passage (a search result) and marks it until the next one. */
  private showPassage(at: { start: number; end: number }): void {
    const open = this.open;
    const range = open === null ? null : open.rendered.map.staticRange(at.start, Math.max(at.end, at.start + 1));
    if (open === null || range === null) return;
    CSS.highlights.set('margin-find-current', new Highlight(range));
    open.rendered.map.elementAt(at.start)?.scrollIntoView({ block: 'center' });
  }

  private async refreshLibrary(): Promise<void> {
    this.articles = (await call(margin().listArticles({}))) ?? this.articles;
    this.renderLibrary();
  }

  private renderLibrary(): void {
    this.library.update(this.articles, this.open?.view.meta.id ?? null);
  }

  private renderAnnotations(): void {
    this.paintAnnotations();
    this.renderPanel();
  }

  private paintAnnotations(): void {
    const open = this.open;
    if (open === null) return;
    const placed = open.annotations.filter((a) => open.spans.has(a.id));
    const painted: PaintedSpan[] = placed.map((annotation) => ({ id: annotation.id, color: annotation.color, ...(open.spans.get(annotation.id) as { start: number; end: number }) }));
    this.marks.show(open.rendered.map, painted.map((span, i) => ({ ...span, hasNote: placed[i]?.note.trim() !== '' })), this.colorLabels);
    this.painter.show(open.rendered.map, painted, this.focusedId);
  }

  private renderPanel(): void {
    keepFocusInCards(this.el.notesList.parentElement ?? this.el.notesList, () => this.renderPanelNow());
  }

  private renderPanelNow(): void {
    const open = this.open;
    if (open === null) return;
    const review = new Set(open.annotations.filter((a) => !open.spans.has(a.id)).map((a) => a.id));
    const candidates = new Map<string, string>();
    for (const annotation of open.annotations) {
      const candidate = annotation.review?.candidate;
      if (candidate != null && candidate.end <= open.rendered.text.length) candidates.set(annotation.id, open.rendered.text.slice(candidate.start, candidate.end));
    }
    this.el.notesHeading.textContent = `Highlights (${open.annotations.length})`;
    const knownTags = [...new Set([...this.knownTags, ...open.annotations.flatMap((a) => a.tags)])].sort();
    renderNotesPanel(
      this.el.notesTop,
      this.el.notesList,
      {
        annotations: open.annotations,
        review,
        candidates,
        focusedId: this.focusedId,
        editingId: this.editingId,
        articleNote: open.view.articleNote,
        editingArticleNote: this.editingArticleNote,
        colorLabels: this.colorLabels,
        knownTags,
      },
      this.panelActions,
    );
    const count = this.articles.find((a) => a.id === open.view.meta.id);
    if (count !== undefined && count.highlightCount !== open.annotations.length) {
      count.highlightCount = open.annotations.length;
      this.renderLibrary();
    }
  }

  private async highlightSelection(color: HighlightColor, withNote: boolean): Promise<void> {
    const open = this.open;
    // One highlight per gesture: the selection is cleared as the highlight shows, so a held key
    // or a double click finds nothing more to save.
    if (open === null) return;
    const span = this.words.span();
    if (span === null) return;
    const target = describeSpan(open.rendered.text, span.start, span.end);
    this.toolbar.hide();
    // The highlight shows at once, under the id it will be stored with; the store's answer
    // replaces it, and if the store refuses, it goes again and the person is told why.
    const stamp = new Date().toISOString();
    const id = crypto.randomUUID();
    const articleId = open.view.meta.id;
    const shown: Annotation = { id, articleId, color, note: '', tags: [], target, review: null, createdAt: stamp, updatedAt: stamp };
    // In caret browsing the caret stays, at the end of the passage, to go on from there.
    if (this.caret.active) window.getSelection()?.collapseToEnd();
    else window.getSelection()?.removeAllRanges();
    this.applyAnnotation(shown, false);
    this.focusedId = id;
    this.editingId = withNote ? id : null;
    if (withNote) this.el.shell.reveal('notes');
    // The passage is painted in this frame; its card follows in the next, so the person sees
    // the highlight without waiting for the side panel.
    this.paintAnnotations();
    afterNextPaint(() => {
      if (this.open !== open) return;
      this.renderPanel();
      this.scrollCardIntoView(id);
    });
    const created = await this.edits.createHighlight({ id, articleId, color, target });
    if (this.open !== open) return;
    if (created === null) {
      this.dropAnnotation(id);
      return;
    }
    // The stored highlight differs from the one shown only in its times, unless the store
    // described the passage differently; then it is shown anew. Keeping the shown one keeps a note
    // editor the person may already be typing in.
    const same = (a: Annotation) => JSON.stringify([a.color, a.note, a.tags, a.target]);
    if (same(created) === same(shown)) Object.assign(shown, { createdAt: created.createdAt, updatedAt: created.updatedAt });
    else this.applyAnnotation(created);
    this.announce(`Highlighted: ${created.target.quote.exact.slice(0, 80)}`);
  }

  private readonly panelActions: NotesPanelActions = {
    goTo: (id) => this.focus(id, true),
    editNote: (id) => {
      if (id !== null) this.el.shell.reveal('notes');
      this.editingId = id;
      if (id !== null) this.focusedId = id;
      this.renderAnnotations();
    },
    saveNote: (id, note) => void this.update(id, { note }, 'note'),
    recolor: (id, color) => void this.update(id, { color }, 'colour'),
    editTags: (id, edit) => void this.update(id, (was) => ({ tags: applyTagEdit(was.tags, edit) }), 'tags'),
    remove: (id) => void this.remove(id),
    editArticleNote: (editing) => {
      this.editingArticleNote = editing;
      this.renderAnnotations();
    },
    saveArticleNote: (note) => void this.saveArticleNote(note),
    renameColor: (color, label) => void this.renameColor(color, label),
    acceptCandidate: (id) => void this.acceptCandidate(id),
    attachSelection: (id) => void this.attachSelection(id),
  };

  /** Puts an annotation (new, changed or restored) into the open article and works out where it is. */
  private applyAnnotation(annotation: Annotation, render = true): void {
    const open = this.open;
    if (open === null || annotation.articleId !== open.view.meta.id) return;
    const anchor = annotation.review === null ? resolve(annotation.target, open.rendered.text) : null;
    if (anchor !== null && anchor.status !== 'orphaned') open.spans.set(annotation.id, { start: anchor.start, end: anchor.end });
    else open.spans.delete(annotation.id);
    open.annotations = placeInOrder(open.annotations, annotation, open.spans);
    if (render) this.renderAnnotations();
  }

  private dropAnnotation(id: string): void {
    const open = this.open;
    if (open === null) return;
    open.annotations = open.annotations.filter((a) => a.id !== id);
    open.spans.delete(id);
    if (this.focusedId === id) this.focusedId = null;
    if (this.editingId === id) this.editingId = null;
    this.renderAnnotations();
  }

  private async update(id: string, change: AnnotationChange | ((was: Annotation) => AnnotationChange), label: string): Promise<void> {
    const before = this.open?.annotations.find((a) => a.id === id);
    if (before === undefined) return;
    if (typeof change !== 'function' && change.note !== undefined) this.savingNoteOf = id;
    await this.edits.updateHighlight(before, change, label);
    if (this.savingNoteOf === id) this.savingNoteOf = null;
  }

  private async remove(id: string): Promise<void> {
    const annotation = this.open?.annotations.find((a) => a.id === id);
    if (annotation === undefined) return;
    const placed = this.open?.annotations.filter((a) => this.open?.spans.has(a.id)) ?? [];
    const at = placed.indexOf(annotation);
    const neighbour = placed[at + 1] ?? placed[at - 1] ?? null;
    const entry = await this.edits.deleteHighlight(annotation);
    if (entry === null) return;
    this.sayWithUndo('Highlight deleted.', entry);
    // The focus goes on to the next highlight's card, so Delete again deletes that one.
    if (neighbour !== null && this.open?.annotations.includes(neighbour) === true) {
      this.focus(neighbour.id, true);
      focusCard(revealCard(this.el.notesList, neighbour.id));
    } else focusReader();
  }

  private async undo(): Promise<void> {
    const message = await this.edits.undo();
    if (message !== null) this.say(message);
  }

  private async redo(): Promise<void> {
    const message = await this.edits.redo();
    if (message !== null) this.say(message);
  }

  private async saveArticleNote(note: string): Promise<void> {
    const open = this.open;
    if (open === null) return;
    await this.edits.setArticleNote(open.view.meta.id, open.view.articleNote, note);
  }

  private async renameColor(color: HighlightColor, label: string): Promise<void> {
    await this.edits.renameColor(color, this.colorLabels[color] ?? '', label);
  }

  private async acceptCandidate(id: string): Promise<void> {
    const open = this.open;
    const candidate = open?.annotations.find((a) => a.id === id)?.review?.candidate;
    if (open === null || candidate === null || candidate === undefined) return;
    await this.update(id, { target: describeSpan(open.rendered.text, candidate.start, candidate.end), review: null }, 'review');
  }

  /** Shift+A, Shift+H: on the review card that has the focus, or else the first one waiting. */
  private reviewKey(cards: string, act: (id: string) => void): boolean {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(cards) : null;
    const id = (active ?? document.querySelector<HTMLElement>(cards))?.dataset.id;
    if (id === undefined) return false;
    act(id);
    return true;
  }

  /** Moves the keyboard to a control of a panel, showing the panel first if it is folded away. */
  private focusInPanel(panel: 'library' | 'notes', selector: string): boolean {
    this.el.shell.reveal(panel);
    const target = document.getElementById(panel)?.querySelector<HTMLElement>(selector);
    target?.focus();
    return target != null;
  }

  private async attachSelection(id: string): Promise<void> {
    const open = this.open;
    if (open === null) return;
    const span = this.words.span();
    if (span === null) {
      this.say('Select the words in the article first, then choose Attach to selection.');
      return;
    }
    await this.update(id, { target: describeSpan(open.rendered.text, span.start, span.end), review: null }, 'review');
  }

  private focus(id: string, scrollArticle: boolean): void {
    const open = this.open;
    if (open === null) return;
    this.focusedId = id;
    this.renderAnnotations();
    const span = open.spans.get(id);
    if (scrollArticle && span !== undefined) {
      open.rendered.map.elementAt(span.start)?.scrollIntoView({ block: 'center', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
    this.scrollCardIntoView(id);
  }

  private searchLibrary(): boolean {
    this.el.shell.reveal('library');
    this.library.focusSearch();
    return true;
  }

  private highlightKey(withNote: boolean): boolean {
    if (this.selectionInArticle() === null) return false;
    this.toolbar.highlightWithLastColor(withNote);
    return true;
  }

  /** Moves the focus to the next or previous highlight in reading order. */
  private step(direction: 1 | -1): boolean {
    const list = this.open?.annotations.filter((a) => this.open?.spans.has(a.id));
    if (list === undefined || list.length === 0) return false;
    const at = list.findIndex((a) => a.id === this.focusedId);
    const next = at === -1 ? (direction === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + direction));
    const target = list[next];
    if (target !== undefined) this.focus(target.id, true);
    if (target !== undefined) this.announce(`Highlight ${next + 1} of ${list.length}, ${target.color}${target.note.trim() === '' ? '' : ', has a note'}: ${target.target.quote.exact.slice(0, 120)}`);
    return true;
  }

  /** 1 to 5: highlights the selection in that colour, or recolours the focused highlight. */
  private colorKey(index: number): boolean {
    const color = HIGHLIGHT_COLORS[index];
    if (color === undefined) return false;
    const id = this.highlightInReach();
    if (this.selectionInArticle() !== null) void this.highlightSelection(color, false);
    else if (id !== null) void this.update(id, { color }, 'colour');
    else return false;
    return true;
  }

  /**
   * The highlight the keys for one highlight act on: the focused one, while the keyboard is in the
   * article or the notes (from a library row or the contents, Delete must not reach a highlight).
   */
  private highlightInReach(): string | null {
    const active = document.activeElement;
    const inReach = active !== null && (this.el.reader.contains(active) || this.el.notesList.closest('aside')?.contains(active) === true);
    return inReach ? this.focusedId : null;
  }

  private tagKey(): boolean {
    const id = this.highlightInReach();
    if (id === null) return this.open?.rendered.focusTags() ?? false;
    revealCard(this.el.notesList, id)?.querySelector<HTMLElement>('.tag-add')?.click();
    return true;
  }

  /** a, Shift+Delete, u: the focused library row's article, or else the open one. */
  private stateKey(wanted: ArticleState): boolean {
    const id = focusedRowArticle() ?? this.open?.view.meta.id ?? null;
    const article = this.articles.find((a) => a.id === id);
    const state = article?.state;
    if (id === null || state === undefined) return false;
    // Restoring from the trash puts the article back where it was, as the banner and the row do.
    const restored = state === 'trash' && wanted === 'reading' ? (article?.trashedFrom ?? 'reading') : wanted;
    const next = wanted === 'archived' && state === 'archived' ? 'reading' : restored;
    if (next !== state) void this.setArticleState(id, next);
    else this.say(next === 'trash' ? 'Already in the trash.' : 'Already in your reading list.');
    return true;
  }

  private editFocused(): boolean {
    const id = this.highlightInReach();
    if (id === null) return false;
    this.panelActions.editNote(id);
    return true;
  }

  private deleteFocused(): boolean {
    const id = this.highlightInReach();
    if (id === null || this.selectionInArticle() !== null) return false;
    void this.remove(id);
    return true;
  }

  private toggleCaret(): boolean {
    const body = this.open?.rendered.body ?? null;
    const start = body !== null && !body.contains(window.getSelection()?.anchorNode ?? null) ? this.paragraphs.caretStart(document.activeElement) : null;
    this.caret.toggle(body);
    if (this.caret.active && start !== null) window.getSelection()?.collapse(start, 0);
    if (!this.caret.active) focusReader();
    return true;
  }

  private escape(): boolean {
    this.toolbar.hide();
    this.picker.hide();
    if (this.focusedId === null) return false;
    this.focusedId = null;
    this.renderAnnotations();
    return true;
  }

  private showShortcuts(): boolean {
    if (!this.shortcutsHelp.open) showModalReturningFocus(this.shortcutsHelp);
    return true;
  }

  private scrollCardIntoView(id: string): void {
    revealCard(this.el.notesList, id)?.scrollIntoView({ block: 'nearest' });
  }

  private selectionInArticle(): Range | null {
    const open = this.open;
    const selection = window.getSelection();
    if (open === null || selection === null || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return open.rendered.body.contains(range.commonAncestorContainer) ? range : null;
  }

  private listen(): void {
    const updateToolbar = () => {
      const range = this.selectionInArticle();
      if (range === null) this.toolbar.hide();
      else this.toolbar.showAt(range.getBoundingClientRect());
    };
    this.el.reader.addEventListener('mouseup', () => window.setTimeout(updateToolbar, 0));
    document.addEventListener('selectionchange', () => {
      if (this.selectionInArticle() === null) this.toolbar.hide();
    });
    this.el.reader.addEventListener('keyup', (event) => {
      if (event.shiftKey) updateToolbar();
    });
    this.el.reader.addEventListener(
      'scroll',
      () => {
        this.toolbar.hide();
        this.trackProgress();
      },
      { passive: true },
    );
    this.el.reader.addEventListener('click', (event) => {
      if (this.open === null || this.selectionInArticle() !== null) return;
      const hits = highlightsAt(this.painter.all(), this.open.rendered.map, event.clientX, event.clientY);
      const annotations = new Map(this.open.annotations.map((a) => [a.id, a]));
      if (hits.length === 1 && hits[0] !== undefined) this.focus(hits[0].id, false);
      else if (hits.length > 1) {
        const entries = hits.map((hit) => ({ id: hit.id, color: hit.color, quote: annotations.get(hit.id)?.target.quote.exact ?? '' }));
        this.picker.show(entries, event.clientX, event.clientY);
      }
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const inCaretArticle = this.caret.active && target !== null && this.open?.rendered.body.contains(target) === true;
      // A dialog has its own keys (Escape closes it); the app's wait until it closes.
      if (target?.closest('dialog') != null) return;
      // A tag field with nothing typed since its last tag hands undo and redo to the app.
      const undoKey = (event.ctrlKey || event.metaKey) && !event.altKey && ['z', 'y'].includes(event.key.toLowerCase());
      const undoPasses = undoKey && target?.hasAttribute(UNDO_PASSES_THROUGH) === true;
      const typing = !inCaretArticle && !undoPasses && target?.closest('textarea, input, select, [contenteditable]') != null;
      if (handleShortcut(this.shortcuts, event, typing)) event.preventDefault();
    });
  }
}
