// Runs a one-file export (single-file-export.ts) to the file the person chose. In the app it runs
// in a worker (export-worker-runner.ts), so a library-wide export never holds up the main
// process; the CLI and the tests run the same steps in their own thread. Either way progress is
// reported as articles written, a cancel leaves nothing at the target (the previous file there,
// if any, untouched), and a failure rejects with the disk's error for the caller to put in words.
import { readFile } from 'node:fs/promises';
import { nodeDurableFs, tempPathFor, type DurableFs } from '../library/durable-write';
import { ExportCancelled, replaceWithTemp, writeTempFile } from './durable-stream';
import { textOf, wholeText, type ExportText } from './export-text';
import { mergeMarkdown } from './markdown-merge';
import { singleFileText, type SingleFileJob } from './single-file-export';

export interface ExportProgress {
  /** Articles written so far. */
  done: number;
  total: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export type ExportRunner = (job: SingleFileJob, target: string, options?: RunOptions) => Promise<void>;

/**
 * The job's text. A Markdown file already at the target is merged (the person's own text outside
 * Margin's markers is kept), which needs the new text whole; every other export is streamed.
 */
async function textFor(job: SingleFileJob, target: string): Promise<ExportText> {
  const text = singleFileText(job);
  if (job.format !== 'markdown') return text;
  const existing = await readFile(target, 'utf8').catch(() => null);
  return existing === null ? text : wholeText(mergeMarkdown(existing, textOf(text)), job.articles.length);
}

/** Writes the job's file into `temp`, fsync'd and closed: everything but putting it in place. */
export async function writeJobTemp(job: SingleFileJob, target: string, temp: string, options: RunOptions & { fs?: DurableFs } = {}): Promise<void> {
  const total = job.articles.length;
  await writeTempFile(target, temp, await textFor(job, target), {
    ...(options.fs === undefined ? {} : { fs: options.fs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: (done) => options.onProgress?.({ done, total }),
  });
}

/** The runner for this thread; `fs` lets tests make the disk fail or wait. */
export function inThreadRunner(fs: DurableFs = nodeDurableFs): ExportRunner {
  return async (job, target, options = {}) => {
    const temp = tempPathFor(target);
    await writeJobTemp(job, target, temp, { ...options, fs });
    if (options.signal?.aborted === true) {
      await fs.unlink(temp).catch(() => undefined);
      throw new ExportCancelled();
    }
    await replaceWithTemp(target, temp, fs);
  };
}
