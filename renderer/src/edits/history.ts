// The one undo history of everything a person changes (highlights, their notes, colours and tags,
// reviews, the article note and tags, colour names, archive and trash), so Ctrl+Z always takes
// back the last change they made, whichever kind it was. Each entry knows how to go back and
// forth through the same handlers the app uses.
export interface UndoEntry {
  /** What the change was, for "Undid …": "highlight", "article note". */
  label: string;
  /** The article to open to show the change taken back or made again; null when it shows elsewhere (the library list, the legend). */
  showIn: string | null;
  /** Each answers whether the store took the step; a refused step stays where it was. */
  undo: () => Promise<boolean>;
  redo: () => Promise<boolean>;
}

/** The entry stepped through, and whether the store took the step. */
export interface Step {
  entry: UndoEntry;
  done: boolean;
}

const KEPT = 200;

export class UndoStack {
  private readonly done: UndoEntry[] = [];
  private readonly undone: UndoEntry[] = [];
  private queue: Promise<void> = Promise.resolve();

  /**
   * Makes a change in turn with undo and redo steps and records the entry it answers (null: the
   * change did not happen). A Ctrl+Z pressed while the store is still answering waits for this
   * change and takes it back, never the one before it.
   */
  perform(change: () => Promise<UndoEntry | null>): Promise<UndoEntry | null> {
    return this.inTurn(async () => {
      const entry = await change();
      if (entry !== null) this.push(entry);
      return entry;
    });
  }

  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > KEPT) this.done.shift();
    this.undone.length = 0;
  }

  /** Forgets everything: after a change that cannot be undone, nothing before it is replayed. */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  /** Takes out a change that did not happen after all (the store refused it). */
  drop(entry: UndoEntry): void {
    for (const list of [this.done, this.undone]) {
      const at = list.indexOf(entry);
      if (at !== -1) list.splice(at, 1);
    }
  }

  /** Whether `entry` is the change Ctrl+Z would take back now. */
  isLast(entry: UndoEntry): boolean {
    return this.done[this.done.length - 1] === entry;
  }

  undo(): Promise<Step | null> {
    return this.step(this.done, this.undone, 'undo');
  }

  redo(): Promise<Step | null> {
    return this.step(this.undone, this.done, 'redo');
  }

  // Presses that arrive while a step is still talking to the store wait their turn instead
  // of being dropped: two quick Ctrl+Z presses are two undos.
  private step(from: UndoEntry[], to: UndoEntry[], direction: 'undo' | 'redo'): Promise<Step | null> {
    return this.inTurn(async () => {
      const entry = from.pop();
      if (entry === undefined) return null;
      let done = false;
      try {
        done = await entry[direction]();
      } finally {
        (done ? to : from).push(entry);
      }
      return { entry, done };
    });
  }

  private inTurn<R>(work: () => Promise<R>): Promise<R> {
    const run = this.queue.then(work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
