// What the app's main process does at the first start over a library without a search index, as a
// plain Node program (bundled and run by first-start.bench.ts, so no TypeScript loader sits in the
// measured process): take the data dir's write lock, open the library and list it (the library
// view's first request: from here the library is usable), then catch the search index up in the
// background as the handler table does after that first listing, until it is built and saved.
// Prints one JSON line: ms to the listing, ms to the index saved, the longest the event loop was
// held meanwhile (how long another request could wait), and the process's peak RSS.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Library } from '../../../electron/core/library/library';
import { acquireWriteLock } from '../../../electron/core/library/write-lock';
import { LibrarySearch } from '../../../electron/core/search/library-search';

async function main(): Promise<void> {
  const [dataDir, query = 'river bridge'] = process.argv.slice(2);
  if (dataDir === undefined) throw new Error('usage: first-start <dataDir> [query]');
  const began = performance.now();
  const lock = await acquireWriteLock(dataDir, { waitMs: 5_000 });
  const library = await Library.open(dataDir, { lock });
  const summaries = await library.summaries();
  const usableMs = performance.now() - began;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const search = await LibrarySearch.open(library);
  await search.startIndexing();
  const indexedMs = performance.now() - began;
  loop.disable();
  const results = await search.search(query);
  await lock.release();
  process.stdout.write(
    `${JSON.stringify({
      articles: summaries.length,
      highlights: summaries.reduce((n, s) => n + s.highlightCount, 0),
      results: results.length,
      usableMs,
      indexedMs,
      longestLoopDelayMs: loop.max / 1e6,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
