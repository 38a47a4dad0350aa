// A writer process for the store's crash and two-writer tests: it saves highlights (and now and
// then an article) as fast as it can and prints each one on stdout once Margin acknowledged it, so
// the test can kill it at any moment and then check that every printed record is on disk.
// Built with vite and run with plain Node by tests/unit/support/node-script.ts.
import { describeSpan } from '../../electron/shared/anchoring';
import { messageFor } from '../../electron/core/errors';
import { importPlainText } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { acquireWriteLock, type WriteLock } from '../../electron/core/library/write-lock';
import { seeded } from '../support/seeded';
import type { WriterJob } from '../unit/support/store-writer';

/** The job the test hands over (its fields are described where the tests build it). */
type Job = Required<WriterJob>;

const say = (line: string) => process.stdout.write(`${line}\n`);

function go(): Promise<void> {
  return new Promise((resolve) => {
    let input = '';
    process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
      input += chunk;
      if (input.includes('go\n')) {
        process.stdin.pause();
        resolve();
      }
    });
  });
}

async function main(job: Job): Promise<void> {
  let lock: WriteLock | undefined;
  if (job.mode === 'session') lock = await acquireWriteLock(job.dataDir, { waitMs: job.waitMs, program: job.tag === 'app' ? 'app' : 'command' });
  const library = await Library.open(job.dataDir, { lock, waitMs: job.waitMs });
  // Saves go to the first few articles and to those this process adds; their text is read now,
  // so that after "ready" the process spends its time saving.
  const pool = library.articles().slice(0, 3).map((article) => article.id);
  for (const id of pool) await library.content(id);
  say('ready');
  if (job.waitForGo) await go();
  const random = seeded(job.seed);
  for (let n = 1; job.count === 0 || n <= job.count; n += 1) {
    if (job.articleEvery > 0 && n % job.articleEvery === 0) {
      const meta = await library.addArticle(importPlainText(`Added by ${job.tag} ${n}\n\nA short article written while the test might kill this process.`, null));
      say(`article ${meta.id}`);
      pool.push(meta.id);
    }
    const articleId = pool[Math.floor(random() * pool.length)];
    if (articleId === undefined) throw new Error('the library has no article to highlight');
    const { text } = await library.content(articleId);
    const start = Math.floor(random() * (text.length - 20));
    const made = await library.addAnnotation(articleId, {
      color: 'yellow',
      note: `${job.tag} ${n}`,
      target: describeSpan(text, start, start + 1 + Math.floor(random() * 19)),
    });
    say(`highlight ${articleId} ${made.id}`);
  }
  await lock?.release();
  say('done');
}

main(JSON.parse(process.argv[2] ?? '{}') as Job).catch((error: unknown) => {
  process.stderr.write(`${messageFor(error)}\n`);
  process.exitCode = 3;
});
