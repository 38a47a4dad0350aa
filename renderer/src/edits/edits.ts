// Every change a person makes to what they own (highlights and their notes, colours, tags and
// reviews; the article note and tags; archive and trash; colour names), made through the store
// and recorded in the one undo history with the way back. The app decides what to show; this
// module changes, remembers and takes back.
import type { Annotation, ArticleState, ArticleSummary, ColorLabels, HighlightColor, Review, Selectors } from '../../../electron/shared/model';
import type { MarginApi } from '../../../electron/shared/api';
import { call, margin } from '../bridge';
import { UndoStack, type UndoEntry } from './history';

/** The store calls edits make: `window.margin` in the app, a fake in unit tests. */
export type EditStore = Pick<MarginApi, 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'restoreAnnotation' | 'setArticleNote' | 'updateArticle' | 'setColorLabel'>;

export interface AnnotationChange {
  note?: string;
  color?: HighlightColor;
  tags?: string[];
  target?: Selectors;
  review?: Review | null;
}

/** What the app shows of each change, told as the store answers. */
export interface EditView {
  openId(): string | null;
  /** Opens an article, to show a change taken back or made again in it. */
  show(articleId: string): Promise<void>;
  title(articleId: string): string | null;
  annotationChanged(annotation: Annotation): void;
  annotationRemoved(articleId: string, id: string): void;
  articleNoteChanged(articleId: string, note: string): void;
  articleChanged(summary: ArticleSummary): void;
  colorLabelsChanged(labels: ColorLabels): void;
  /** A new change went into the history (an older "Undo" offered on screen is now stale). */
  recorded(): void;
}

const STATE_LABELS: Record<ArticleState, (title: string) => string> = {
  reading: (title) => `returning “${title}” to reading`,
  archived: (title) => `archiving “${title}”`,
  trash: (title) => `moving “${title}” to the trash`,
};

export class Edits {
  private readonly history = new UndoStack();
  /** Highlights shown but not yet stored, each with whether storing it worked. */
  private readonly storing = new Map<string, Promise<boolean>>();
  /**
   * Highlights and articles as the store last answered for them. A change asked for while an
   * earlier one was still on its way was shown the record before both: its way back is what the
   * earlier change left, or Ctrl+Z would take back both.
   */
  private readonly highlights = new Answers<Annotation>();
  private readonly articles = new Answers<ArticleSummary>();

  constructor(
    private readonly view: EditView,
    private readonly store: () => EditStore = margin,
  ) {}

  /** Takes back the last change; the sentence to show, or null when the store already said why not. */
  undo(): Promise<string | null> {
    return this.step('undo');
  }

  redo(): Promise<string | null> {
    return this.step('redo');
  }

  /** The "Undo" offered beside a message: only while that change is still the last one. */
  async undoIfLast(entry: UndoEntry): Promise<string | null> {
    return this.history.isLast(entry) ? this.undo() : null;
  }

  /**
   * After a change that cannot be undone and rewrites what came before (a new revision, emptying
   * the trash, imported annotations), Ctrl+Z does not reach past it.
   */
  forgetAll(): void {
    this.history.clear();
  }

  /** Whether a highlight shown at once was refused by the store (then nothing more is done to it). */
  async refused(id: string): Promise<boolean> {
    return (await this.storing.get(id)) === false;
  }

  createHighlight(input: { id: string; articleId: string; color: HighlightColor; target: Selectors }): Promise<Annotation | null> {
    const { id, articleId } = input;
    const stored = call(this.store().createAnnotation({ ...input, note: '' }));
    this.storing.set(id, stored.then((created) => created !== null));
    // Recorded as the gesture happens, without waiting for the store, so a change made while the
    // store is still answering comes after it in the history, as it did for the person.
    const entry = this.entryFor({
      label: 'highlight',
      showIn: articleId,
      undo: async () => (await stored) !== null && this.remove(articleId, id),
      redo: async () => {
        const created = await stored;
        return created !== null && this.restore(created);
      },
    });
    void this.record(async () => entry);
    return stored.then((created) => {
      this.storing.delete(id);
      // In turn, so the entry is out whether or not it was recorded yet.
      if (created === null) void this.history.perform(async () => (this.history.drop(entry), null));
      return created;
    });
  }

  /**
   * A change to a highlight: the fields to set, or, for an edit relative to what is stored (tags
   * added or removed), a function given the highlight as it stands when the change's turn comes.
   */
  async updateHighlight(before: Annotation, asked: AnnotationChange | ((was: Annotation) => AnnotationChange), label: string): Promise<Annotation | null> {
    if (await this.refused(before.id)) return null;
    const { articleId, id } = before;
    const mark = this.highlights.now();
    let updated: Annotation | null = null;
    await this.record(async () => {
      const was = this.highlights.since(id, mark, before);
      const change = typeof asked === 'function' ? asked(was) : asked;
      if (change.tags !== undefined && Object.keys(change).length === 1 && change.tags.join(',') === was.tags.join(',')) return null;
      updated = await this.patch(articleId, id, change);
      if (updated === null) return null;
      const back: AnnotationChange = {};
      if (change.note !== undefined) back.note = was.note;
      if (change.color !== undefined) back.color = was.color;
      if (change.tags !== undefined) back.tags = was.tags;
      // A review is taken back with the words and the review it had: it waits again.
      if (change.target !== undefined || change.review !== undefined) Object.assign(back, { target: was.target, review: was.review });
      return this.entryFor({
        label,
        showIn: articleId,
        undo: async () => (await this.patch(articleId, id, back)) !== null,
        redo: async () => (await this.patch(articleId, id, change)) !== null,
      });
    });
    return updated;
  }

  /** The entry recorded, for an "Undo" beside the message; null when nothing was deleted. */
  async deleteHighlight(annotation: Annotation): Promise<UndoEntry | null> {
    if (await this.refused(annotation.id)) return null;
    const { articleId, id } = annotation;
    return this.record(async () => {
      if (!(await this.remove(articleId, id))) return null;
      return this.entryFor({ label: 'delete', showIn: articleId, undo: () => this.restore(annotation), redo: () => this.remove(articleId, id) });
    });
  }

  async setArticleNote(articleId: string, before: string, note: string): Promise<boolean> {
    let saved = false;
    await this.record(async () => {
      saved = await this.articleNote(articleId, note);
      if (!saved || note === before) return null;
      return this.entryFor({ label: 'article note', showIn: articleId, undo: () => this.articleNote(articleId, before), redo: () => this.articleNote(articleId, note) });
    });
    return saved;
  }

  /** Article tags, worked out from the tags as stored when the change's turn comes. */
  async setArticleTags(articleId: string, seen: string[], edit: (was: string[]) => string[]): Promise<void> {
    const asked = this.articles.now();
    await this.record(async () => {
      const before = this.articles.since(articleId, asked, null)?.tags ?? seen;
      const tags = edit(before);
      if (tags.join(',') === before.join(',')) return null;
      if (!(await this.updateArticle(articleId, { tags }))) return null;
      return this.entryFor({ label: 'article tags', showIn: articleId, undo: () => this.updateArticle(articleId, { tags: before }), redo: () => this.updateArticle(articleId, { tags }) });
    });
  }

  setArticleState(articleId: string, seen: ArticleState, state: ArticleState): Promise<UndoEntry | null> {
    const asked = this.articles.now();
    return this.record(async () => {
      const before = this.articles.since(articleId, asked, null)?.state ?? seen;
      if (!(await this.updateArticle(articleId, { state }))) return null;
      const label = STATE_LABELS[state](this.view.title(articleId) ?? 'the article');
      return this.entryFor({ label, showIn: null, undo: () => this.updateArticle(articleId, { state: before }), redo: () => this.updateArticle(articleId, { state }) });
    });
  }

  async renameColor(color: HighlightColor, before: string, label: string): Promise<void> {
    await this.record(async () => {
      if (!(await this.colorLabel(color, label))) return null;
      return this.entryFor({ label: `renaming ${color}`, showIn: null, undo: () => this.colorLabel(color, before), redo: () => this.colorLabel(color, label) });
    });
  }

  private async step(direction: 'undo' | 'redo'): Promise<string | null> {
    const openBefore = this.view.openId();
    const step = await (direction === 'undo' ? this.history.undo() : this.history.redo());
    if (step === null) return direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.';
    if (!step.done) return null;
    const { label, showIn } = step.entry;
    const where = showIn !== null && showIn !== openBefore ? ` in “${this.view.title(showIn) ?? 'another article'}”` : '';
    return `${direction === 'undo' ? 'Undid' : 'Redid'} ${label}${where}.`;
  }

  /**
   * Makes a change in turn with undo and redo, so Ctrl+Z pressed before the store answered takes
   * back this change and not the one before; records the entry the change answers.
   */
  private async record(change: () => Promise<UndoEntry | null>): Promise<UndoEntry | null> {
    const entry = await this.history.perform(change);
    if (entry !== null) this.view.recorded();
    return entry;
  }

  /** The history's entry for a change: going back or forth through it also opens the article it shows in. */
  private entryFor(entry: UndoEntry): UndoEntry {
    const { showIn } = entry;
    const shown = (step: () => Promise<boolean>) => async () => {
      const done = await step();
      if (done && showIn !== null && this.view.openId() !== showIn) await this.view.show(showIn);
      return done;
    };
    return { ...entry, undo: shown(entry.undo), redo: shown(entry.redo) };
  }

  private async patch(articleId: string, id: string, change: AnnotationChange): Promise<Annotation | null> {
    const updated = await call(this.store().updateAnnotation({ articleId, id, ...change }));
    if (updated !== null) this.known(updated);
    return updated;
  }

  private known(annotation: Annotation): void {
    this.highlights.answered(annotation.id, annotation);
    this.view.annotationChanged(annotation);
  }

  private async remove(articleId: string, id: string): Promise<boolean> {
    if ((await call(this.store().deleteAnnotation({ articleId, id }))) === null) return false;
    this.highlights.forget(id);
    this.view.annotationRemoved(articleId, id);
    return true;
  }

  private async restore(annotation: Annotation): Promise<boolean> {
    const restored = await call(this.store().restoreAnnotation({ annotation }));
    if (restored !== null) this.known(restored);
    return restored !== null;
  }

  private async articleNote(articleId: string, note: string): Promise<boolean> {
    const saved = await call(this.store().setArticleNote({ id: articleId, note }));
    if (saved !== null) this.view.articleNoteChanged(articleId, saved.note);
    return saved !== null;
  }

  private async updateArticle(id: string, change: { tags?: string[]; state?: ArticleState }): Promise<boolean> {
    const updated = await call(this.store().updateArticle({ id, ...change }));
    if (updated === null) return false;
    this.articles.answered(id, updated);
    this.view.articleChanged(updated);
    return true;
  }

  private async colorLabel(color: HighlightColor, label: string): Promise<boolean> {
    const settings = await call(this.store().setColorLabel({ color, label }));
    if (settings !== null) this.view.colorLabelsChanged(settings.colorLabels);
    return settings !== null;
  }
}

/** What the store last answered for each record, numbered in the order the answers came. */
class Answers<T> {
  private count = 0;
  private readonly latest = new Map<string, { value: T; at: number }>();

  /** A mark to hand to `since` for a change asked for now. */
  now(): number {
    return this.count;
  }

  answered(id: string, value: T): void {
    this.latest.set(id, { value, at: ++this.count });
  }

  forget(id: string): void {
    this.latest.delete(id);
  }

  /** The record as it stood before a change asked for at `asked`: an answer come since, or what the person saw. */
  since<S extends T | null>(id: string, asked: number, seen: S): T | S {
    const answer = this.latest.get(id);
    return answer !== undefined && answer.at > asked ? answer.value : seen;
  }
}
