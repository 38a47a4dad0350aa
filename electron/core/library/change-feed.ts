// What the library announces after each change is on disk: one entry per record the change wrote,
// in the order it wrote them. The search index, the renderer's live view and sync listen here;
// a change that failed announces nothing, so a listener never hears of a save the disk refused.
//
// `updatedAt` is the record's own time when it has one (an article's meta, a highlight: reading
// progress is not an edit, so it keeps the article's last edit time), and the time of the write
// for what has none (a deletion, a revision, an article note, a setting).

/** Who asked for the change: the person on this device, or changes brought from elsewhere (sync). */
export type ChangeOrigin = 'local' | 'remote';

interface ChangeBase {
  id: string;
  updatedAt: string;
  origin: ChangeOrigin;
}

/** An article's entry (meta.json and library.json) was added or changed, or the article was deleted with its folder and highlights. */
export interface ArticleChange extends ChangeBase {
  kind: 'article';
  deleted: boolean;
}

/** A new revision of the article `id` is stored (its earlier body kept under revisions/). */
export interface RevisionChange extends ChangeBase {
  kind: 'revision';
  revision: number;
}

/** A highlight was added, changed (colour, note, tags, words, review) or deleted. */
export interface AnnotationChange extends ChangeBase {
  kind: 'annotation';
  articleId: string;
  deleted: boolean;
}

/** The note on the whole article `id` changed. */
export interface ArticleNoteChange extends ChangeBase {
  kind: 'article-note';
}

/** A library setting changed; `id` names it. */
export interface SettingsChange extends ChangeBase {
  kind: 'settings';
  id: 'colorLabels' | 'spellcheck' | 'sampleAdded';
}

export type LibraryChange = ArticleChange | RevisionChange | AnnotationChange | ArticleNoteChange | SettingsChange;

/** A change as a step records it; the write path adds where it came from. */
export type RecordedChange = DistributiveOmit<LibraryChange, 'origin'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type ChangeListener = (change: LibraryChange) => void;

/** The feed as listeners see it. */
export interface LibraryChanges {
  /** Calls listener with each change after it is on disk, in order; returns the way to stop. */
  subscribe(listener: ChangeListener): () => void;
}

export class ChangeFeed implements LibraryChanges {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    // A wrapper per subscription, so the same function subscribed twice is called twice and each unsubscribe ends one.
    const subscription: ChangeListener = (change) => listener(change);
    this.listeners.add(subscription);
    return () => {
      this.listeners.delete(subscription);
    };
  }

  /**
   * Tells every listener. One that throws neither stops the others nor makes a change already on
   * disk look refused; its error is thrown again on its own, where it shows as the bug it is.
   */
  emit(changes: readonly LibraryChange[]): void {
    for (const change of changes) {
      for (const listener of [...this.listeners]) {
        try {
          listener(change);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }
}
