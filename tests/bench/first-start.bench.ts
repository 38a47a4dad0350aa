// The first start over a library whose search index is not built yet (a new install over an
// existing data dir, or a damaged index): 1,000 articles and 100,000 highlights (quick: 100 /
// 10,000) against 10 articles at the same density, in a plain Node child per start doing what
// main does (tests/bench/support/first-start.ts): ms from opening to the library listed (usable;
// target <= 2 s), ms until the index is built in the background and saved, and the peak RSS of
// the process in MB (target <= 250 MB; the table's "ms" columns hold MB for that row). The index
// and its texts are removed before every start, so each one builds it.
// Run: npx vitest bench --run tests/bench/first-start.bench.ts (MARGIN_BENCH_QUICK=1 for a short run)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { INDEX_FILE_NAME, TEXT_DIR_NAME } from '../../electron/core/search';
import { bundleForNode } from './support/bundle-node';
import { writeLibrary, type LibrarySize } from './support/library-fixture';
import { runNodeChild } from './support/node-child';
import { ONCE, QUICK, TINY, record, rowOf, stats } from './support/paired';

const FILE = 'first-start';
const SEED = 20_261_126;
const LARGE: LibrarySize = TINY ? { articles: 20, highlights: 500 } : QUICK ? { articles: 100, highlights: 10_000 } : { articles: 1_000, highlights: 100_000 };
const SMALL: LibrarySize = { articles: 10, highlights: (LARGE.highlights / LARGE.articles) * 10 };
const ROUNDS = TINY ? 1 : 3;

interface FirstStart {
  articles: number;
  highlights: number;
  results: number;
  usableMs: number;
  indexedMs: number;
  longestLoopDelayMs: number;
  peakRssMB: number;
}

const sizeName = (size: LibrarySize) => `${size.articles.toLocaleString('en')} articles / ${size.highlights.toLocaleString('en')} highlights`;

async function firstStart(script: string, dataDir: string, size: LibrarySize): Promise<FirstStart> {
  await rm(join(dataDir, INDEX_FILE_NAME), { force: true });
  await rm(join(dataDir, TEXT_DIR_NAME), { recursive: true, force: true });
  const start = JSON.parse((await runNodeChild(['--expose-gc', script, dataDir], 'first-start')).trim()) as FirstStart;
  if (start.articles !== size.articles || start.highlights !== size.highlights || start.results === 0) {
    throw new Error(`first-start saw ${start.articles} articles / ${start.highlights} highlights and ${start.results} results, expected ${sizeName(size)}`);
  }
  return start;
}

async function measure(): Promise<void> {
  const dirs: string[] = [];
  try {
    const bundle = await bundleForNode(join(import.meta.dirname, 'support', 'first-start.ts'));
    dirs.push(bundle.dir);
    const sides = [
      { label: 'large', size: LARGE, dataDir: await mkdtemp(join(tmpdir(), 'margin-bench-first-')) },
      { label: 'small', size: SMALL, dataDir: await mkdtemp(join(tmpdir(), 'margin-bench-first-')) },
    ];
    for (const side of sides) {
      dirs.push(side.dataDir);
      await writeLibrary(side.dataDir, side.size, SEED);
    }
    const samples = new Map<string, FirstStart[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        samples.set(side.label, [...(samples.get(side.label) ?? []), await firstStart(bundle.file, side.dataDir, side.size)]);
      }
    }
    const of = (label: string, pick: (start: FirstStart) => number) => (samples.get(label) ?? []).map(pick);
    const subject = `${LARGE.articles.toLocaleString('en')} articles`;
    const baseline = `${SMALL.articles} articles`;
    const loopNote = `longest event-loop delay while indexing: median ${stats('', of('large', (s) => s.longestLoopDelayMs)).median.toFixed(0)} ms (10 articles: ${stats('', of('small', (s) => s.longestLoopDelayMs)).median.toFixed(0)} ms)`;
    record(rowOf(`first start to a usable library (listed), no search index yet, ${sizeName(LARGE)}`, FILE, stats(subject, of('large', (s) => s.usableMs)), stats(baseline, of('small', (s) => s.usableMs)), { target: '<= 2000 ms' }));
    record(rowOf(`first start to the search index built and saved (in the background), ${sizeName(LARGE)}`, FILE, stats(subject, of('large', (s) => s.indexedMs)), stats(baseline, of('small', (s) => s.indexedMs)), { note: loopNote }));
    record(
      rowOf(`first start peak RSS (MB), index built, ${sizeName(LARGE)}`, FILE, stats(subject, of('large', (s) => s.peakRssMB)), stats(baseline, of('small', (s) => s.peakRssMB)), {
        target: '<= 250 MB',
        note: 'MB, not ms. Peak over the process lifetime',
      }),
    );
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

describe(`first start of ${sizeName(LARGE)}`, () => {
  let done = false;
  bench('paired: first start without a search index, large vs 10 articles', async () => {
    if (done) return;
    done = true;
    await measure();
  }, ONCE);
});
