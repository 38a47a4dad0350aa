// The export the app is making, if any: its progress for the Export dialog's bar, and its cancel.
// Progress is asked for by a request that answers at the next change (`next`), so the window
// hears of each step without the main process pushing messages at it; every change, and the end
// of the export, answers the waiting request.
import type { ExportStatus } from '../../shared/contract';
import { UserError } from '../errors';
import type { RunOptions } from './export-runner';

export class RunningExport {
  private controller: AbortController | null = null;
  private done = 0;
  private total = 0;
  private version = 0;
  private readonly waiting = new Set<() => void>();

  status(): ExportStatus {
    return { running: this.controller !== null, done: this.done, total: this.total, version: this.version };
  }

  /** Runs one export, with the signal that cancels it and the callback its writer reports progress to. */
  async run<T>(work: (options: Required<RunOptions>) => Promise<T>): Promise<T> {
    if (this.controller !== null) throw new UserError('An export is already being made; wait for it or cancel it first.');
    const controller = new AbortController();
    this.controller = controller;
    this.change(0, 0);
    try {
      return await work({ signal: controller.signal, onProgress: ({ done, total }) => this.change(done, total) });
    } finally {
      this.controller = null;
      this.change(0, 0);
    }
  }

  /** Cancels the running export; false when there is none. */
  cancel(): boolean {
    if (this.controller === null) return false;
    this.controller.abort();
    return true;
  }

  /** The status once it differs from version `after` (at once when it already does). */
  next(after: number): Promise<ExportStatus> {
    if (this.version !== after) return Promise.resolve(this.status());
    return new Promise((resolve) => {
      const answer = () => {
        this.waiting.delete(answer);
        resolve(this.status());
      };
      this.waiting.add(answer);
    });
  }

  private change(done: number, total: number): void {
    this.done = done;
    this.total = total;
    this.version++;
    for (const answer of [...this.waiting]) answer();
  }
}
