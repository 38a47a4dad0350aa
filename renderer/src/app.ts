// The reader's wiring: the open article, and the parts that act on it (the highlights' controller,
// the library's actions, the keys, the dialogs), each told about the others here. Every change to
// the library goes through `window.margin` and the state is updated from what the handler answers.
import type { MenuCommand } from '../../electron/shared/channels';
import type { ArticleState, ArticleView, HighlightColor } from '../../electron/shared/model';
import { AnnotationController } from './annotations/annotation-controller';
import { HighlightKeys } from './annotations/highlight-keys';
import { HighlightPicker } from './annotations/highlight-picker';
import { HighlightsView } from './annotations/highlights-view';
import type { ScreenReaderMarks } from './annotations/screen-reader-marks';
import { listenForHighlightGestures } from './annotations/selection-gestures';
import { SelectionToolbar } from './annotations/selection-toolbar';
import { call, margin } from './bridge';
import { h } from './dom';
import { Edits, type EditView } from './edits/edits';
import { ExportDialog } from './export/export-dialog';
import type { ImportFlow } from './library/import-flow';
import { LibraryActions } from './library/library-actions';
import { CaretMode } from './reader/caret-mode';
import { FindBar, showPassage } from './reader/find-bar';
import { ParagraphSteps } from './reader/paragraph-steps';
import { renderArticle, type RenderedArticle } from './reader/reader-view';
import { ReadingKeys } from './reader/reading-keys';
import { ReadingProgress } from './reader/reading-progress';
import { selectionShortcuts } from './reader/selection-extend';
import type { Span } from './reader/text-offsets';
import { showTrashBanner } from './reader/trash-banner';
import { WordSelection } from './reader/word-selection';
import { ReviewView } from './review/review-view';
import { appShortcuts } from './shell/app-shortcuts';
import { focusReader, focusReaderUnlessTyping, showModalReturningFocus } from './shell/focus-return';
import type { ShellControls } from './shell/shell-layout';
import { dispatchShortcuts } from './shell/key-dispatch';
import { shortcutsDialog, type Shortcut } from './shell/shortcuts';
import { StatusLine } from './shell/status-line';

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
}

export class ReaderApp {
  private open: OpenArticle | null = null;
  private readonly status: StatusLine;
  private readonly edits = new Edits(this.editView());
  private readonly highlights: HighlightsView;
  private readonly annotations: AnnotationController;
  private readonly library: LibraryActions;
  private readonly picker = new HighlightPicker((id) => this.annotations.focus(id, false));
  private readonly caret = new CaretMode((message) => this.say(message));
  readonly review = new ReviewView({ openArticle: (id, at) => void this.openArticle(id, at).then(() => this.el.reader.focus({ preventScroll: true })) });
  private readonly paragraphs: ParagraphSteps;
  private readonly keys: HighlightKeys;
  private readonly shortcuts: Shortcut[];
  private readonly shortcutsHelp: HTMLDialogElement;
  readonly find = new FindBar(() => this.open?.rendered ?? null);
  private readonly exporter = new ExportDialog((message) => this.say(message));
  private readonly toolbar = new SelectionToolbar((color, withNote) => this.highlightSelection(color, withNote));
  private readonly progress: ReadingProgress;
  private readonly words: WordSelection;

  constructor(private readonly el: AppElements) {
    this.status = new StatusLine(el.status, el.announcer);
    this.library = new LibraryActions(
      { say: (message, action) => this.say(message, action), openId: () => this.openId(), openArticle: (id, at) => this.openArticle(id, at), clearReader: () => this.clearReader() },
      this.edits,
    );
    this.highlights = new HighlightsView({
      ...el,
      status: this.status,
      map: () => this.open?.rendered.map ?? null,
      selectedSpan: () => this.words.span(),
      controller: () => this.annotations,
      counted: (id, count) => this.library.counted(id, count),
    });
    this.annotations = new AnnotationController(this.edits, this.highlights);
    const reading = new ReadingKeys(el.reader);
    this.paragraphs = new ParagraphSteps(el.reader, () => this.open?.rendered.body ?? null, () => this.caret.active);
    this.keys = new HighlightKeys({
      reader: el.reader,
      notesList: el.notesList,
      controller: this.annotations,
      selectionInArticle: () => this.selectionInArticle(),
      highlightSelection: (color, withNote) => this.highlightSelection(color, withNote),
      highlightWithLastColor: (withNote) => this.toolbar.highlightWithLastColor(withNote),
      focusArticleTags: () => this.open?.rendered.focusTags() ?? false,
    });
    this.shortcuts = [
      ...reading.shortcuts(),
      ...appShortcuts({
        paragraphs: this.paragraphs,
        find: this.find,
        keys: this.keys,
        annotations: this.annotations,
        library: this.library,
        shell: el.shell,
        review: this.review,
        openId: () => this.openId(),
        toggleCaret: () => this.toggleCaret(),
        exportNotes: (wholeLibrary) => this.exportNotes(wholeLibrary),
        escape: () => this.escape(),
        showShortcuts: () => this.showShortcuts(),
      }),
      ...selectionShortcuts(() => this.open?.rendered.body ?? null),
    ];
    this.shortcutsHelp = shortcutsDialog(this.shortcuts);
    this.progress = new ReadingProgress(el.reader, () => this.trackProgress());
    this.words = new WordSelection(el.reader, () => (this.open === null ? null : { rendered: this.open.rendered, language: this.open.view.meta.language ?? undefined }));
    document.body.append(this.toolbar.element, this.picker.element, this.shortcutsHelp, this.exporter.element, this.review.element);
    el.libraryHost.append(this.library.panel.element);
    this.listen();
  }

  /** Highlights as <mark>s for screen readers, when the person chose it in the reading settings. */
  get marks(): ScreenReaderMarks {
    return this.highlights.marks;
  }

  get imports(): ImportFlow {
    return this.library.imports;
  }

  async start(): Promise<void> {
    const settings = await call(margin().librarySettings({}));
    this.annotations.colorLabels = settings?.colorLabels ?? {};
    this.annotations.knownTags = settings?.highlightTags ?? [];
    await this.library.refresh();
    // Repairs the store made while opening (after the list, which may find more) are news to the person.
    const after = await call(margin().librarySettings({}));
    if (after !== null && after.notices.length > 0) this.say(after.notices.join(' '));
    // Pick up where the person stopped; a new library opens on its newest article.
    const reading = this.library.articles.filter((a) => a.state === 'reading');
    const first = [...reading].sort((a, b) => (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? '') || b.importedAt.localeCompare(a.importedAt))[0];
    if (first !== undefined) await this.openArticle(first.id);
    else this.el.reader.replaceChildren(h('p', { class: 'reader-empty' }, 'Open an article (File › Open Article…) or save a link to start reading.'));
  }

  /** One sentence for the person, with an optional action such as Undo. */
  say(message: string, action?: { label: string; run: () => void }): void {
    this.status.say(message, action);
  }

  async runMenuCommand(command: MenuCommand): Promise<void> {
    if (command === 'import-files') await this.library.importFiles();
    else if (command === 'highlight-selection' || command === 'note-selection') this.keys.highlight(command === 'note-selection');
    else if (command === 'show-shortcuts') this.showShortcuts();
    else if (command === 'import-annotations') await this.library.importAnnotations();
    else if (command === 'backup-library') await this.library.backUp();
    else if (command === 'review-highlights') this.review.show();
    else this.exportNotes(command === 'export-library');
  }

  /** Files dropped, addresses pasted or saved, sources handed over by the system. */
  importSources(sources: string[]): Promise<void> {
    return this.library.importSources(sources);
  }

  async openArticle(id: string, at?: Span): Promise<void> {
    const view = await call(margin().openArticle({ id }));
    if (view === null) return;
    this.progress.opened();
    this.caret.off(this.open?.rendered.body ?? null);
    const rendered = renderArticle(this.el.reader, view, {
      editTags: (edit) => this.library.editTags(id, this.open?.view.meta.id === id ? this.open.view.meta.tags : [], edit),
      reimport: () => void this.library.reimport(id),
    });
    this.open = { view, rendered };
    this.annotations.opened({ articleId: id, text: rendered.text, annotations: view.annotations, articleNote: view.articleNote });
    this.toolbar.hide();
    this.library.render();
    this.annotations.render();
    this.find.reset();
    this.el.shell.articleShown(rendered.body);
    this.showTrashState(id, view.meta.state);
    if (at !== undefined) showPassage(rendered.map, at);
    else this.progress.restore(view.meta.progress);
    this.progress.placed();
    // Reading keys work at once, wherever the article was opened from.
    focusReaderUnlessTyping();
    void margin().updateArticle({ id, opened: true });
  }

  private openId(): string | null {
    return this.open?.view.meta.id ?? null;
  }

  /** How the app shows each change the person makes, takes back or makes again. */
  private editView(): EditView {
    return {
      openId: () => this.openId(),
      show: (articleId) => this.openArticle(articleId),
      title: (articleId) => this.library.find(articleId)?.title ?? null,
      annotationChanged: (annotation) => this.annotations.annotationChanged(annotation),
      annotationRemoved: (articleId, id) => this.annotations.annotationRemoved(articleId, id),
      articleNoteChanged: (articleId, note) => this.annotations.articleNoteChanged(articleId, note),
      articleChanged: (summary) => {
        this.library.articleChanged(summary);
        if (this.open?.view.meta.id === summary.id) {
          this.open.rendered.showTags(summary.tags);
          this.showTrashState(summary.id, summary.state);
        }
      },
      colorLabelsChanged: (labels) => this.annotations.colorLabelsChanged(labels),
      recorded: () => this.status.undoStale(),
    };
  }

  private clearReader(): void {
    this.open = null;
    this.annotations.closed();
    this.highlights.clear();
    this.el.reader.replaceChildren(h('p', { class: 'reader-empty' }, 'Choose an article from your library.'));
    this.el.shell.articleShown(null);
  }

  /** Reading progress, saved a moment after scrolling stops. */
  private trackProgress(): void {
    const id = this.openId();
    if (id === null) return this.progress.saveSoon(null);
    this.progress.saveSoon((progress) => {
      void margin()
        .updateArticle({ id, progress })
        // Only where the person is reading: an answer that arrives after a later change (archiving the article,
        // tagging it) must not bring back the state it had when the position was saved.
        .then((result) => result.ok && this.library.progressSaved(result.value.id, result.value.progress, result.value.lastReadAt));
    });
  }

  private exportNotes(wholeLibrary: boolean): void {
    this.exporter.open(this.openId(), wholeLibrary);
  }

  /** An article in the trash says so, with Restore: back to where it was, reading or the archive. */
  private showTrashState(id: string, state: ArticleState): void {
    const wasShown = this.el.reader.querySelector('.trash-banner') !== null;
    showTrashBanner(this.el.reader, state === 'trash', () => void this.library.restore(id));
    if (state === 'trash' && !wasShown) this.status.announce('This article is in the trash.');
  }

  /** One highlight per gesture: the selection is cleared as the highlight shows, so a held key or a double click finds nothing more to save. */
  private highlightSelection(color: HighlightColor, withNote: boolean): void {
    const span = this.open === null ? null : this.words.span();
    if (span === null) return;
    this.toolbar.hide();
    // In caret browsing the caret stays, at the end of the passage, to go on from there.
    if (this.caret.active) window.getSelection()?.collapseToEnd();
    else window.getSelection()?.removeAllRanges();
    void this.annotations.highlight(span, color, withNote);
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
    return this.annotations.unfocus();
  }

  private showShortcuts(): boolean {
    if (!this.shortcutsHelp.open) showModalReturningFocus(this.shortcutsHelp);
    return true;
  }

  private selectionInArticle(): Range | null {
    const open = this.open;
    const selection = window.getSelection();
    if (open === null || selection === null || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return open.rendered.body.contains(range.commonAncestorContainer) ? range : null;
  }

  private listen(): void {
    const { reader } = this.el;
    listenForHighlightGestures({ reader, toolbar: this.toolbar, picker: this.picker, highlights: this.highlights, controller: this.annotations, selectionInArticle: () => this.selectionInArticle(), scrolled: () => this.trackProgress() });
    dispatchShortcuts(this.shortcuts, (target) => this.caret.active && this.open?.rendered.body.contains(target) === true);
  }
}
