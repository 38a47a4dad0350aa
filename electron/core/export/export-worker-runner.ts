// The runner the app uses: each one-file export in a fresh worker thread (export-worker.ts), so
// the main process keeps answering the window while 100,000 highlights are written. A cancel
// ends the worker and removes its temp file; only a temp file the worker reported complete is
// renamed over the target, so the file there is either the previous one or the whole export.
import { unlink } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { tempPathFor } from '../library/durable-write';
import { UserError } from '../errors';
import { ExportCancelled, replaceWithTemp } from './durable-stream';
import type { ExportRunner } from './export-runner';
import { WorkerReportSchema, type WorkerJob, type WorkerReport } from './export-worker-protocol';

const failure = (report: Extract<WorkerReport, { kind: 'failed' }>): Error =>
  report.sentence ? new UserError(report.message) : Object.assign(new Error(report.message), report.code === null ? {} : { code: report.code });

/** @param entry the built worker file (out/main/export-worker.js) */
export function workerRunner(entry: string): ExportRunner {
  return async (job, target, options = {}) => {
    const temp = tempPathFor(target);
    const worker = new Worker(entry);
    const removeTemp = () => unlink(temp).catch(() => undefined);
    try {
      await new Promise<void>((resolve, reject) => {
        const cancel = () => {
          reject(new ExportCancelled());
        };
        if (options.signal?.aborted === true) cancel();
        options.signal?.addEventListener('abort', cancel, { once: true });
        worker.on('message', (message: unknown) => {
          const parsed = WorkerReportSchema.safeParse(message);
          if (!parsed.success) return reject(new Error('The export worker sent a malformed report.'));
          const report = parsed.data;
          if (report.kind === 'progress') options.onProgress?.({ done: report.done, total: report.total });
          else if (report.kind === 'written') resolve();
          else reject(failure(report));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`The export worker stopped (exit code ${code}).`)));
        const message: WorkerJob = { job, target, temp };
        worker.postMessage(message);
      });
    } catch (error) {
      await worker.terminate();
      await removeTemp();
      throw error;
    }
    await worker.terminate();
    if (options.signal?.aborted === true) {
      await removeTemp();
      throw new ExportCancelled();
    }
    await replaceWithTemp(target, temp);
  };
}
