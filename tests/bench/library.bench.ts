// The whole library at once (main-process memory and the library view): a seeded library of 1,000
// articles and 100,000 highlights written straight on disk (tests/bench/support/library-fixture.ts),
// measured beside the same kind of library holding 10 articles:
// - main-process memory: RSS of a plain Node child that does what main does at start (open the
//   library, list it, open the search index and run one search), bundled first so no TypeScript
//   loader sits in the process (target: <= 300 MB). The first start of each library builds and
//   saves its search index; it is a warm-up, reported in the note, and later starts open it.
// - library view ready: in Chromium, through the e2e harness, ms from navigation start to the
//   library list showing a row for every article (target: <= 500 ms).
// The table's columns say ms; the memory rows are in MB, as their names say.
// Run: npx vitest bench --run tests/bench/library.bench.ts (MARGIN_BENCH_QUICK=1 for a short run)
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { bench, describe } from 'vitest';
import { rendererDir, startReader, type Reader } from '../e2e/support/harness';
import { chromiumArgs, systemChromium } from '../support/chromium';
import { bundleForNode } from './support/bundle-node';
import { writeLibrary, type LibrarySize } from './support/library-fixture';
import { runNodeChild } from './support/node-child';
import { ONCE, QUICK, TINY, record, rowOf, stats } from './support/paired';

const FILE = 'library';
const SEED = 20_261_126;
const LARGE: LibrarySize = TINY ? { articles: 20, highlights: 500 } : QUICK ? { articles: 100, highlights: 10_000 } : { articles: 1_000, highlights: 100_000 };
/** The baseline: 10 articles at the same density of highlights. */
const SMALL: LibrarySize = { articles: 10, highlights: (LARGE.highlights / LARGE.articles) * 10 };
const MEMORY_ROUNDS = TINY ? 1 : QUICK ? 3 : 5;
const VIEW_ROUNDS = TINY ? 1 : QUICK ? 3 : 5;
const QUERY = 'river bridge';

const sizeName = (size: LibrarySize) => `${size.articles.toLocaleString('en')} articles / ${size.highlights.toLocaleString('en')} highlights`;

// ---- Main-process memory -----------------------------------------------------------------------

interface Start {
  articles: number;
  highlights: number;
  results: number;
  ms: number;
  rssMB: number;
  heapUsedMB: number;
  peakRssMB: number;
}

async function startMain(script: string, dataDir: string): Promise<Start> {
  return JSON.parse((await runNodeChild(['--expose-gc', script, dataDir, QUERY], 'main-start')).trim()) as Start;
}

async function measureMemory(): Promise<void> {
  const dirs: string[] = [];
  try {
    const bundle = await bundleForNode(join(import.meta.dirname, 'support', 'main-start.ts'));
    dirs.push(bundle.dir);
    const sides = [
      { label: 'large', size: LARGE, dataDir: await mkdtemp(join(tmpdir(), 'margin-bench-library-')) },
      { label: 'small', size: SMALL, dataDir: await mkdtemp(join(tmpdir(), 'margin-bench-library-')) },
    ];
    for (const side of sides) {
      dirs.push(side.dataDir);
      await writeLibrary(side.dataDir, side.size, SEED);
    }
    // Warm-up: the first start builds and saves the search index, as a first search in the app does.
    const first = new Map<string, Start>();
    for (const side of sides) first.set(side.label, await startMain(bundle.file, side.dataDir));
    const samples = new Map<string, Start[]>();
    for (let round = 0; round < MEMORY_ROUNDS; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const start = await startMain(bundle.file, side.dataDir);
        if (start.articles !== side.size.articles || start.highlights !== side.size.highlights) {
          throw new Error(`main-start saw ${start.articles} articles / ${start.highlights} highlights, expected ${sizeName(side.size)}`);
        }
        samples.set(side.label, [...(samples.get(side.label) ?? []), start]);
      }
    }
    const of = (label: string, pick: (start: Start) => number) => (samples.get(label) ?? []).map(pick);
    const large = first.get('large') as Start;
    const median = (values: number[]) => stats('', values).median;
    const note =
      `MB, not ms. Start to first search ${median(of('large', (s) => s.ms)).toFixed(0)} ms, heap after GC ${median(of('large', (s) => s.heapUsedMB)).toFixed(0)} MB; ` +
      `first start (builds the index): ${large.ms.toFixed(0)} ms, RSS ${large.rssMB.toFixed(0)} MB, peak ${large.peakRssMB.toFixed(0)} MB`;
    const subject = `Margin main at start, ${LARGE.articles.toLocaleString('en')} articles`;
    const baseline = `${SMALL.articles} articles`;
    record(
      rowOf(`main-process RSS (MB) after start + one search, ${sizeName(LARGE)}`, FILE, stats(subject, of('large', (s) => s.rssMB)), stats(baseline, of('small', (s) => s.rssMB)), {
        target: '<= 300 MB',
        note,
      }),
    );
    record(
      rowOf(`main-process peak RSS (MB) during start + one search, ${sizeName(LARGE)}`, FILE, stats(subject, of('large', (s) => s.peakRssMB)), stats(baseline, of('small', (s) => s.peakRssMB)), {
        target: '<= 300 MB',
        note: 'MB, not ms. Peak over the process lifetime, before the final GC',
      }),
    );
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

// ---- Library view ready in Chromium --------------------------------------------------------------

// Runs in the page before the renderer: waits for a row per article in the library list and
// returns the time of the frame after (performance.now() counts from navigation start).
const PROBE = `(() => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now())));
  window.__marginLibraryBench = {
    ready: async (expected) => {
      for (;;) {
        const rows = document.querySelectorAll('#library-list li.article-row').length;
        if (rows >= expected) return { readyAt: await frame(), rows };
        if (performance.now() > 120000) throw new Error('library list showed ' + rows + ' of ' + expected + ' rows');
        await frame();
      }
    },
  };
})();`;

interface ViewSide {
  size: LibrarySize;
  reader: Reader;
  page: Page;
}

async function openView(browser: Browser, size: LibrarySize): Promise<ViewSide> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // startReader makes its own data dir; the generated library replaces the one it holds there
  // (the Library it opened rereads library.json on the next listing).
  const reader = await startReader(page, async (library) => {
    await writeLibrary(library.dataDir, size, SEED);
  });
  await page.addInitScript({ content: PROBE });
  return { size, reader, page };
}

async function loadView(side: ViewSide): Promise<number> {
  await side.page.goto(`${side.reader.origin}/index.html`);
  const { readyAt } = (await side.page.evaluate(`window.__marginLibraryBench.ready(${side.size.articles})`)) as { readyAt: number; rows: number };
  return readyAt;
}

async function measureView(): Promise<void> {
  const executablePath = systemChromium();
  if (executablePath === undefined || !existsSync(join(rendererDir, 'index.html'))) {
    console.log('[reader] skipped library view: needs Chromium (CHROMIUM_PATH or /usr/bin/chromium) and the built renderer (npx electron-vite build)');
    return;
  }
  const browser = await chromium.launch({ executablePath, args: chromiumArgs(), headless: true });
  const sides: ViewSide[] = [];
  try {
    sides.push(await openView(browser, LARGE), await openView(browser, SMALL));
    const samples = new Map<LibrarySize, number[]>();
    const cold = new Map<LibrarySize, number>();
    // Round 0 is warm-up (the browser compiles the renderer; the handlers read every annotations
    // file for the first time, as at the app's first start): reported in the note, not kept.
    for (let round = 0; round <= VIEW_ROUNDS; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const ms = await loadView(side);
        if (round === 0) cold.set(side.size, ms);
        else samples.set(side.size, [...(samples.get(side.size) ?? []), ms]);
      }
    }
    record(
      rowOf(
        `library view ready (every row listed), ${sizeName(LARGE)}`,
        FILE,
        stats(`${LARGE.articles.toLocaleString('en')} articles`, samples.get(LARGE) ?? []),
        stats(`${SMALL.articles} articles`, samples.get(SMALL) ?? []),
        {
          target: '<= 500 ms',
          note: `from navigation start; first load (cold caches in the handlers): ${(cold.get(LARGE) ?? NaN).toFixed(0)} ms vs ${(cold.get(SMALL) ?? NaN).toFixed(0)} ms`,
        },
      ),
    );
  } finally {
    for (const side of sides) await side.reader.close().catch(() => undefined);
    await browser.close();
  }
}

describe(`library of ${sizeName(LARGE)}`, () => {
  let memoryDone = false;
  bench('paired: main-process RSS at start, large vs 10 articles', async () => {
    if (memoryDone) return;
    memoryDone = true;
    await measureMemory();
  }, ONCE);
  let viewDone = false;
  bench('paired: library view ready, large vs 10 articles', async () => {
    if (viewDone) return;
    viewDone = true;
    await measureView();
  }, ONCE);
});
