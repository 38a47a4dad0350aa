// The app's keyboard map, in the order the "?" help lists it. Where two rows share a key (n, Escape)
// the first that acts wins, so the order is part of the behaviour.
import { HIGHLIGHT_COLORS } from '../../../electron/shared/model';
import type { AnnotationController } from '../annotations/annotation-controller';
import type { HighlightKeys } from '../annotations/highlight-keys';
import type { LibraryActions } from '../library/library-actions';
import type { FindBar } from '../reader/find-bar';
import type { ParagraphSteps } from '../reader/paragraph-steps';
import type { ReviewView } from '../review/review-view';
import type { ShellControls } from './shell-layout';
import type { Shortcut } from './shortcuts';
import { focusSaveLink, openReadingSettings } from './window-actions';

interface AppKeyTargets {
  paragraphs: ParagraphSteps;
  find: FindBar;
  keys: HighlightKeys;
  annotations: AnnotationController;
  library: LibraryActions;
  shell: ShellControls;
  review: ReviewView;
  /** The article open in the reader, if any. */
  openId(): string | null;
  toggleCaret(): boolean;
  exportNotes(wholeLibrary: boolean): void;
  /** Closes the menus over the article and leaves the focused highlight. */
  escape(): boolean;
  showShortcuts(): boolean;
}

/** Moves the keyboard to a control of a panel, showing the panel first if it is folded away. */
function focusInPanel(shell: ShellControls, panel: 'library' | 'notes', selector: string): boolean {
  shell.reveal(panel);
  const target = document.getElementById(panel)?.querySelector<HTMLElement>(selector);
  target?.focus();
  return target != null;
}

export function appShortcuts(t: AppKeyTargets): Shortcut[] {
  const { keys, annotations, library, shell } = t;
  const run = (step: () => unknown) => () => (void step(), true);
  return [
    { keys: ['j'], label: 'Next paragraph', section: 'Reading', run: () => t.paragraphs.step(1) },
    { keys: ['k'], label: 'Previous paragraph', section: 'Reading', run: () => t.paragraphs.step(-1) },
    { keys: ['Ctrl+F'], label: 'Find in the article', section: 'Reading', inFields: true, run: run(() => t.find.open()) },
    { keys: ['F7'], label: 'Caret browsing: move a caret through the text, to select with the keys below', section: 'Selecting text', run: () => t.toggleCaret() },
    { keys: ['h'], label: 'Highlight the selection (in the colour used last)', section: 'Highlights', run: () => keys.highlight(false) },
    { keys: ['n'], label: 'With text selected: highlight it and write a note', section: 'Highlights', run: () => keys.highlight(true) },
    { keys: ['n'], label: 'Next highlight', section: 'Highlights', run: () => annotations.step(1) },
    { keys: ['p'], label: 'Previous highlight', section: 'Highlights', run: () => annotations.step(-1) },
    { keys: ['1', '2', '3', '4', '5'], label: `Colour: ${HIGHLIGHT_COLORS.join(', ')} (the selection, or the focused highlight)`, section: 'Highlights', run: (event) => keys.color(Number(event.key) - 1) },
    { keys: ['e'], label: 'Edit the note of the focused highlight', section: 'Highlights', run: () => keys.editNote() },
    { keys: ['#'], label: 'Tag the focused highlight (with none focused, the article)', section: 'Highlights', run: () => keys.tag() },
    { keys: ['Delete', 'Backspace'], label: 'Delete the focused highlight', section: 'Highlights', run: () => keys.delete() },
    { keys: ['Shift+N'], label: 'Write a note on the whole article', section: 'Highlights', run: () => annotations.articleId !== null && (annotations.panelActions.editArticleNote(true), true) },
    { keys: ['Shift+A'], label: 'Accept the new words of a highlight waiting for review (the focused one, or the first)', section: 'Highlights', run: () => keys.review('.review-card:has(.review-candidate)', (id) => void annotations.acceptCandidate(id)) },
    { keys: ['Shift+H'], label: 'Attach a highlight waiting for review to the selected words', section: 'Highlights', run: () => keys.review('.review-card', (id) => void annotations.attachSelection(id)) },
    { keys: ['Shift+C'], label: 'Name the colours (the colour legend)', section: 'Highlights', run: () => focusInPanel(shell, 'notes', '.legend-input') },
    { keys: ['/'], label: 'Search the library', section: 'Library', run: run(() => (shell.reveal('library'), library.panel.focusSearch())) },
    { keys: ['l'], label: 'Go to the open article in the library list', section: 'Library', run: () => library.panel.focusRow(t.openId()) },
    { keys: ['Shift+L'], label: 'The library’s list choices: which articles (Reading, Archive, Trash), sort, tag, site', section: 'Library', run: () => focusInPanel(shell, 'library', '.library-controls select') },
    { keys: ['ArrowDown', 'ArrowUp'], label: 'In the library list: the next or previous article (Enter opens it)', section: 'Library', repeats: true, run: (event) => library.panel.stepRow(event.key === 'ArrowDown' ? 1 : -1) },
    { keys: ['Ctrl+O'], label: 'Open an article from a file', section: 'Library', inFields: true, run: run(() => library.importFiles()) },
    { keys: ['Ctrl+L'], label: 'Save a web page: type or paste its address', section: 'Library', inFields: true, run: () => focusSaveLink() },
    { keys: ['a'], label: 'Archive the article (the focused row’s, or the open one); again to bring it back', section: 'Library', run: () => library.stateKey('archived') },
    { keys: ['Shift+Delete', 'Shift+Backspace'], label: 'Move the article to the trash', section: 'Library', run: () => library.stateKey('trash') },
    { keys: ['u'], label: 'Restore the article from the trash or the archive', section: 'Library', run: () => library.stateKey('reading') },
    { keys: ['Ctrl+Shift+Delete', 'Ctrl+Shift+Backspace'], label: 'Empty the trash', section: 'Library', inFields: true, run: run(() => library.emptyTrash()) },
    { keys: ['Shift+I'], label: 'Import the open article again from where it came from', section: 'Library', run: () => reimportOpen(t) },
    { keys: ['Ctrl+E'], label: 'Export the article’s notes', section: 'Library', inFields: true, run: run(() => t.exportNotes(false)) },
    { keys: ['Ctrl+Shift+E'], label: 'Export the notes of the whole library', section: 'Library', inFields: true, run: run(() => t.exportNotes(true)) },
    { keys: ['Ctrl+Shift+O'], label: 'Import annotations (W3C JSON-LD)', section: 'Library', inFields: true, run: run(() => library.importAnnotations()) },
    { keys: ['Ctrl+Shift+S'], label: 'Back up the library', section: 'Library', inFields: true, run: run(() => library.backUp()) },
    { keys: ['Ctrl+Z'], label: 'Undo', section: 'Window', run: run(() => annotations.undo()) },
    { keys: ['Ctrl+Y', 'Ctrl+Shift+Z'], label: 'Redo', section: 'Window', run: run(() => annotations.redo()) },
    { keys: ['Ctrl+,'], label: 'Reading settings: theme, font, size, line width', section: 'Window', inFields: true, run: () => openReadingSettings() },
    { keys: ['['], label: 'Show or hide the library', section: 'Window', run: () => shell.toggle('library') },
    { keys: [']'], label: 'Show or hide highlights and notes', section: 'Window', run: () => shell.toggle('notes') },
    { keys: ['t'], label: 'Table of contents', section: 'Reading', run: () => shell.toggleContents() },
    { keys: ['f'], label: 'Focus mode: only the article (f or Escape leaves it)', section: 'Window', run: () => shell.toggleFocusMode() },
    { keys: ['r'], label: 'Review: a few of your highlights each day', section: 'Library', run: () => t.review.show() },
    ...t.review.shortcuts,
    { keys: ['Escape'], label: 'Close menus, leave the focused highlight', section: 'Window', run: () => t.escape() },
    { keys: ['Escape'], label: 'Close the panel shown over the article, leave focus mode', section: 'Window', run: () => shell.escape() },
    { keys: ['?'], label: 'Show this list', section: 'Window', run: () => t.showShortcuts() },
  ];
}

function reimportOpen(t: AppKeyTargets): boolean {
  const id = t.openId();
  if (id !== null) void t.library.reimport(id);
  return id !== null;
}
