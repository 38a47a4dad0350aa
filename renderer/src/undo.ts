// Undo and redo for what a person does to highlights (create, note edits, recolour, tags,
// delete). Each entry knows how to go back and forth through the same handlers the app uses.
export interface UndoEntry {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export class UndoStack {
  private readonly done: UndoEntry[] = [];
  private readonly undone: UndoEntry[] = [];
  private queue: Promise<void> = Promise.resolve();

  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > 200) this.done.shift();
    this.undone.length = 0;
  }

  /** Forgets everything, e.g. when another article opens. */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  async undo(): Promise<string | null> {
    return this.step(this.done, this.undone, 'undo');
  }

  async redo(): Promise<string | null> {
    return this.step(this.undone, this.done, 'redo');
  }

  // Presses that arrive while a step is still talking to the store wait their turn instead
  // of being dropped: two quick Ctrl+Z presses are two undos.
  private step(from: UndoEntry[], to: UndoEntry[], direction: 'undo' | 'redo'): Promise<string | null> {
    const run = this.queue.then(async () => {
      const entry = from.pop();
      if (entry === undefined) return null;
      await entry[direction]();
      to.push(entry);
      return entry.label;
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
