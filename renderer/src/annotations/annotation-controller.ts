// The open article's highlights and every action on them: a selection saved as a highlight, its
// colour, note and tags, a review decided, a highlight deleted, the article note and the colour
// names, all through the one undo history. It holds no DOM: what it shows goes through an
// AnnotationView, and the store is reached through Edits, so tests drive it with a fake store.
import { describeSpan } from '../../../electron/shared/anchoring';
import type { Annotation, ColorLabels, HighlightColor } from '../../../electron/shared/model';
import type { AnnotationChange, Edits } from '../edits/edits';
import { sayWithUndo, type Say } from '../edits/say-with-undo';
import { applyTagEdit } from '../reader/tag-field';
import type { Span } from '../reader/text-offsets';
import type { MarkedHighlight } from './screen-reader-marks';
import type { NotesPanelActions, NotesPanelState } from './notes-panel';
import { OpenHighlights, type ArticleHighlights } from './open-highlights';

/** How the controller's state reaches the screen. */
export interface AnnotationView {
  /** Paints the highlights over the article (the side panel waits for renderPanel). */
  paint(): void;
  renderPanel(): void;
  revealNotes(): void;
  scrollArticleTo(span: Span): void;
  scrollCardIntoView(id: string): void;
  /** Where the keyboard goes after a delete: that highlight's card, or (null) the article. */
  focusCard(id: string | null): void;
  /** The words selected in the article, snapped as they would be highlighted. */
  selectedSpan(): Span | null;
  /** Runs a step once the browser has painted the current frame. */
  afterNextPaint(step: () => void): void;
  say: Say;
  /** For screen readers only. */
  announce(text: string): void;
}

export class AnnotationController {
  private open: OpenHighlights | null = null;
  private focused: string | null = null;
  private editing: string | null = null;
  private editingArticleNote = false;
  /** The highlight whose note is being saved, so its editor closes when the store answers. */
  private savingNoteOf: string | null = null;
  colorLabels: ColorLabels = {};
  knownTags: string[] = [];

  constructor(
    private readonly edits: Edits,
    private readonly view: AnnotationView,
  ) {}

  get articleId(): string | null {
    return this.open?.articleId ?? null;
  }

  get focusedId(): string | null {
    return this.focused;
  }

  get editingId(): string | null {
    return this.editing;
  }

  get annotations(): readonly Annotation[] {
    return this.open?.all ?? [];
  }

  /** The highlights with a place in the text, in reading order. */
  placed(): Annotation[] {
    return this.open?.placed() ?? [];
  }

  /** An article was opened: its highlights are anchored in its text, nothing focused or edited; the caller renders. */
  opened(article: ArticleHighlights): void {
    this.open = new OpenHighlights(article);
    this.focused = null;
    this.editing = null;
    this.editingArticleNote = false;
  }

  closed(): void {
    this.open = null;
  }

  /** The highlights to paint, each with where it is and whether it has a note. */
  painted(): MarkedHighlight[] {
    return this.open?.painted() ?? [];
  }

  panelState(): NotesPanelState | null {
    const open = this.open;
    if (open === null) return null;
    const annotations = open.all;
    const knownTags = [...new Set([...this.knownTags, ...annotations.flatMap((a) => a.tags)])].sort();
    const { focused: focusedId, editing: editingId, editingArticleNote, colorLabels } = this;
    return { annotations, ...open.waiting(), focusedId, editingId, articleNote: open.articleNote, editingArticleNote, colorLabels, knownTags };
  }

  readonly panelActions: NotesPanelActions = {
    goTo: (id) => this.focus(id, true),
    editNote: (id) => {
      if (id !== null) this.view.revealNotes();
      this.editing = id;
      if (id !== null) this.focused = id;
      this.render();
    },
    saveNote: (id, note) => void this.update(id, { note }, 'note'),
    recolor: (id, color) => void this.update(id, { color }, 'colour'),
    editTags: (id, edit) => void this.update(id, (was) => ({ tags: applyTagEdit(was.tags, edit) }), 'tags'),
    remove: (id) => void this.remove(id),
    editArticleNote: (editing) => {
      this.editingArticleNote = editing;
      this.render();
    },
    saveArticleNote: (note) => void this.saveArticleNote(note),
    renameColor: (color, label) => void this.edits.renameColor(color, this.colorLabels[color] ?? '', label),
    acceptCandidate: (id) => void this.acceptCandidate(id),
    attachSelection: (id) => void this.attachSelection(id),
  };

  /** Saves a passage as a highlight; it shows at once, and goes again if the store refuses it. */
  async highlight(span: Span, color: HighlightColor, withNote: boolean): Promise<void> {
    const open = this.open;
    if (open === null) return;
    const target = describeSpan(open.text, span.start, span.end);
    // Shown under the id it will be stored with; the store's answer replaces it.
    const stamp = new Date().toISOString();
    const id = crypto.randomUUID();
    const { articleId } = open;
    const shown: Annotation = { id, articleId, color, note: '', tags: [], target, review: null, createdAt: stamp, updatedAt: stamp };
    this.place(shown, false);
    this.focused = id;
    this.editing = withNote ? id : null;
    if (withNote) this.view.revealNotes();
    // The passage is painted in this frame; its card follows in the next, so the person sees
    // the highlight without waiting for the side panel.
    this.view.paint();
    this.view.afterNextPaint(() => {
      if (this.open !== open) return;
      this.view.renderPanel();
      this.view.scrollCardIntoView(id);
    });
    const created = await this.edits.createHighlight({ id, articleId, color, target });
    if (this.open !== open) return;
    if (created === null) return this.drop(id);
    // The stored highlight differs from the one shown only in its times, unless the store
    // described the passage differently; then it is shown anew. Keeping the shown one keeps a note
    // editor the person may already be typing in.
    const same = (a: Annotation) => JSON.stringify([a.color, a.note, a.tags, a.target]);
    if (same(created) === same(shown)) Object.assign(shown, { createdAt: created.createdAt, updatedAt: created.updatedAt });
    else this.place(created);
    this.view.announce(`Highlighted: ${created.target.quote.exact.slice(0, 80)}`);
  }

  async update(id: string, change: AnnotationChange | ((was: Annotation) => AnnotationChange), label: string): Promise<void> {
    const before = this.open?.find(id);
    if (before === undefined) return;
    if (typeof change !== 'function' && change.note !== undefined) this.savingNoteOf = id;
    await this.edits.updateHighlight(before, change, label);
    if (this.savingNoteOf === id) this.savingNoteOf = null;
  }

  async remove(id: string): Promise<void> {
    const annotation = this.open?.find(id);
    if (annotation === undefined) return;
    const placed = this.placed();
    const at = placed.indexOf(annotation);
    const neighbour = placed[at + 1] ?? placed[at - 1] ?? null;
    const entry = await this.edits.deleteHighlight(annotation);
    if (entry === null) return;
    sayWithUndo(this.edits, this.view.say, 'Highlight deleted.', entry);
    // The focus goes on to the next highlight's card, so Delete again deletes that one.
    if (neighbour !== null && this.open?.all.includes(neighbour) === true) {
      this.focus(neighbour.id, true);
      this.view.focusCard(neighbour.id);
    } else this.view.focusCard(null);
  }

  async undo(): Promise<void> {
    const message = await this.edits.undo();
    if (message !== null) this.view.say(message);
  }

  async redo(): Promise<void> {
    const message = await this.edits.redo();
    if (message !== null) this.view.say(message);
  }

  async saveArticleNote(note: string): Promise<void> {
    const open = this.open;
    if (open !== null) await this.edits.setArticleNote(open.articleId, open.articleNote, note);
  }

  async acceptCandidate(id: string): Promise<void> {
    const open = this.open;
    const candidate = open?.find(id)?.review?.candidate;
    if (open === null || candidate === null || candidate === undefined) return;
    await this.update(id, { target: describeSpan(open.text, candidate.start, candidate.end), review: null }, 'review');
  }

  async attachSelection(id: string): Promise<void> {
    const open = this.open;
    if (open === null) return;
    const span = this.view.selectedSpan();
    if (span === null) return this.view.say('Select the words in the article first, then choose Attach to selection.');
    await this.update(id, { target: describeSpan(open.text, span.start, span.end), review: null }, 'review');
  }

  focus(id: string, scrollArticle: boolean): void {
    const open = this.open;
    if (open === null) return;
    this.focused = id;
    this.render();
    const span = open.spanOf(id);
    if (scrollArticle && span !== undefined) this.view.scrollArticleTo(span);
    this.view.scrollCardIntoView(id);
  }

  /** Moves the focus to the next or previous highlight in reading order. */
  step(direction: 1 | -1): boolean {
    const list = this.placed();
    if (list.length === 0) return false;
    const at = list.findIndex((a) => a.id === this.focused);
    const next = at === -1 ? (direction === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + direction));
    const target = list[next];
    if (target === undefined) return true;
    this.focus(target.id, true);
    this.view.announce(`Highlight ${next + 1} of ${list.length}, ${target.color}${target.note.trim() === '' ? '' : ', has a note'}: ${target.target.quote.exact.slice(0, 120)}`);
    return true;
  }

  /** Leaves the focused highlight; false when none was focused. */
  unfocus(): boolean {
    if (this.focused === null) return false;
    this.focused = null;
    this.render();
    return true;
  }

  /** The store's answers, through Edits. */
  annotationChanged(annotation: Annotation): void {
    // A saved note closes its editor in the same render; a refused one leaves it open.
    if (annotation.id === this.savingNoteOf) {
      this.savingNoteOf = null;
      if (this.editing === annotation.id) this.editing = null;
    }
    this.place(annotation);
  }

  annotationRemoved(articleId: string, id: string): void {
    if (this.open?.articleId === articleId) this.drop(id);
  }

  articleNoteChanged(articleId: string, note: string): void {
    const open = this.open;
    if (open === null || open.articleId !== articleId) return;
    open.articleNote = note;
    this.editingArticleNote = false;
    this.render();
  }

  colorLabelsChanged(labels: ColorLabels): void {
    this.colorLabels = labels;
    this.render();
  }

  /** Paints the highlights and redraws the panel. */
  render(): void {
    if (this.open === null) return;
    this.view.paint();
    this.view.renderPanel();
  }

  private place(annotation: Annotation, render = true): void {
    if (this.open?.place(annotation) === true && render) this.render();
  }

  private drop(id: string): void {
    const open = this.open;
    if (open === null) return;
    open.drop(id);
    if (this.focused === id) this.focused = null;
    if (this.editing === id) this.editing = null;
    this.render();
  }
}
