// Runs one file's writes one after another: two saves that overlap in time would otherwise race
// to rename their temp files, and the older one could land last. A promise chain does it; a queue
// package (p-queue and the like) would add concurrency options this never needs.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // A failed task fails its own caller only; the next one still runs.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
