// What the app's main process does at start, as a plain Node program (bundled and run by
// library.bench.ts, so no TypeScript loader sits in the measured process): open the library in
// the data dir given, list it (the library view's first request), open the search index and run
// one search (the first search builds and saves the index if there is none), holding the data
// dir's write lock throughout as the app does. Prints one JSON line:
// RSS and heap after all that (after a GC when exposed), and the peak RSS of the process.
import { Library } from '../../../electron/core/library/library';
import { acquireWriteLock } from '../../../electron/core/library/write-lock';
import { LibrarySearch } from '../../../electron/core/search/library-search';

async function main(): Promise<void> {
  const [dataDir, query = 'river bridge'] = process.argv.slice(2);
  if (dataDir === undefined) throw new Error('usage: main-start <dataDir> [query]');
  const began = performance.now();
  const lock = await acquireWriteLock(dataDir, { waitMs: 5_000 });
  const library = await Library.open(dataDir, { lock });
  const summaries = await library.summaries();
  const search = await LibrarySearch.open(library);
  const results = await search.search(query);
  const ms = performance.now() - began;
  await lock.release();
  const peakBeforeGc = process.resourceUsage().maxRSS / 1024;
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const MB = 1024 * 1024;
  process.stdout.write(
    `${JSON.stringify({
      articles: summaries.length,
      highlights: summaries.reduce((n, s) => n + s.highlightCount, 0),
      results: results.length,
      ms,
      rssMB: memory.rss / MB,
      heapUsedMB: memory.heapUsed / MB,
      peakRssMB: peakBeforeGc,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
