// The export worker's entry (built by electron-vite beside the main process as
// out/main/export-worker.js): it renders one job into its temp file and reports progress, then
// says it is written; the main process renames it into place, or removes it on a cancel.
import { parentPort } from 'node:worker_threads';
import { UserError } from '../errors';
import { writeJobTemp } from './export-runner';
import { WorkerJobSchema, type WorkerReport } from './export-worker-protocol';

const port = parentPort;
if (port === null) throw new Error('export-worker.js runs as a worker thread only.');
const report = (message: WorkerReport) => port.postMessage(message);

port.once('message', (message: unknown) => {
  const parsed = WorkerJobSchema.safeParse(message);
  if (!parsed.success) {
    report({ kind: 'failed', message: 'Margin refused a malformed export job.', code: null, sentence: true });
    return;
  }
  const { job, target, temp } = parsed.data;
  writeJobTemp(job, target, temp, { onProgress: ({ done, total }) => report({ kind: 'progress', done, total }) }).then(
    () => report({ kind: 'written' }),
    (error: unknown) => {
      const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
      report({ kind: 'failed', message: error instanceof Error ? error.message : String(error), code, sentence: error instanceof UserError });
    },
  );
});
