// How the open article's highlights reach the screen: painted over the text (and as <mark>s for
// screen readers, when chosen), and as cards in the side panel, which keep the keyboard focus
// through a redraw.
import type { ShellControls } from '../shell/shell-layout';
import type { StatusLine } from '../shell/status-line';
import { focusCard, focusReader, keepFocusInCards } from '../shell/focus-return';
import type { Span, TextMap } from '../reader/text-offsets';
import type { AnnotationController, AnnotationView } from './annotation-controller';
import { HighlightPainter, type PaintedSpan } from './highlight-painter';
import { highlightsAt } from './hit-test';
import { clearNotesList, renderNotesPanel, revealCard } from './notes-panel';
import { ScreenReaderMarks } from './screen-reader-marks';

interface HighlightsViewParts {
  reader: HTMLElement;
  notesTop: HTMLElement;
  notesList: HTMLElement;
  notesHeading: HTMLElement;
  shell: Pick<ShellControls, 'reveal'>;
  status: StatusLine;
  /** The open article's text map, if one is open. */
  map(): TextMap | null;
  selectedSpan(): Span | null;
  /** The highlights the controller shows. */
  controller(): AnnotationController;
  /** The open article's highlight count, for its library row. */
  counted(articleId: string, count: number): void;
}

export class HighlightsView implements AnnotationView {
  private readonly painter: HighlightPainter;
  /** Highlights as <mark>s for screen readers, when the person chose it in the reading settings. */
  readonly marks = new ScreenReaderMarks(() => this.paint());
  readonly say: AnnotationView['say'];

  constructor(private readonly parts: HighlightsViewParts) {
    this.painter = new HighlightPainter(parts.reader);
    this.say = (message, action) => parts.status.say(message, action);
  }

  paint(): void {
    const map = this.parts.map();
    const controller = this.parts.controller();
    if (map === null || controller.articleId === null) return;
    const painted = controller.painted();
    this.marks.show(map, painted, controller.colorLabels);
    this.painter.show(map, painted, controller.focusedId);
  }

  renderPanel(): void {
    const list = this.parts.notesList;
    keepFocusInCards(list.parentElement ?? list, () => this.renderPanelNow());
  }

  /** The painted highlights under a point, innermost first. */
  at(x: number, y: number): PaintedSpan[] {
    const map = this.parts.map();
    return map === null ? [] : highlightsAt(this.painter.all(), map, x, y);
  }

  clear(): void {
    this.painter.clear();
    clearNotesList(this.parts.notesTop, this.parts.notesList);
  }

  revealNotes(): void {
    this.parts.shell.reveal('notes');
  }

  scrollArticleTo(span: Span): void {
    const behavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    this.parts.map()?.elementAt(span.start)?.scrollIntoView({ block: 'center', behavior });
  }

  scrollCardIntoView(id: string): void {
    revealCard(this.parts.notesList, id)?.scrollIntoView({ block: 'nearest' });
  }

  focusCard(id: string | null): void {
    if (id === null) focusReader();
    else focusCard(revealCard(this.parts.notesList, id));
  }

  selectedSpan(): Span | null {
    return this.parts.selectedSpan();
  }

  afterNextPaint(step: () => void): void {
    requestAnimationFrame(() => window.setTimeout(step, 0));
  }

  announce(text: string): void {
    this.parts.status.announce(text);
  }

  private renderPanelNow(): void {
    const controller = this.parts.controller();
    const state = controller.panelState();
    const articleId = controller.articleId;
    if (state === null || articleId === null) return;
    this.parts.notesHeading.textContent = `Highlights (${state.annotations.length})`;
    renderNotesPanel(this.parts.notesTop, this.parts.notesList, state, controller.panelActions);
    this.parts.counted(articleId, state.annotations.length);
  }
}
