// Measures what one durable highlight save costs: into libraries of 1k, 10k
// and 100k highlights over 10, 100 and 1,000 articles, with Margin's store (one annotations file
// per article, fsync of file and folder) and, in the same run, with one raw lowdb JSONFile holding
// the same data (steno: rewrite the whole file, no fsync). Prints median and p95 per save and the
// ratio. Target: <= 10 ms median per durable save at 100k.
// Run: npx vitest bench --run tests/bench/store.bench.ts (MARGIN_BENCH_QUICK=1 for a small run)
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { afterAll, bench, describe } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring';
import { newArticleState, type Annotation, type ArticleMeta } from '../../electron/shared/model';
import { annotationsFile, articleDir, articleHtmlFile, libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { measurePair, record, rowOf, stats, TINY } from './support/paired';

const QUICK = process.env.MARGIN_BENCH_QUICK === '1';
const SIZES = (TINY ? [1_000] : QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000]).map((highlights) => ({ highlights, articles: highlights / 100 }));
/** Saves measured per library; the single file gets fewer where each save takes long. */
const SAVES = TINY ? 10 : QUICK ? 30 : 200;
const singleFileSaves = (highlights: number) => (highlights >= 100_000 ? (QUICK ? 3 : 10) : highlights >= 10_000 ? (QUICK ? 10 : 40) : SAVES);
const WARMUP_SAVES = 20;
/** Saves go to the article being read; these many articles take turns. */
const TARGETS = 10;

// ---- A library on disk, written directly (building it through the store would take minutes) ----

const WORDS = 'the city of kharkiv front line bridge shield officials claimed advance miles region weekend troops'.split(' ');
const articleText = (n: number) => Array.from({ length: 500 }, (_, i) => WORDS[(i * 7 + n) % WORDS.length]).join(' ');

function annotationOn(articleId: string, text: string, n: number): Annotation {
  const start = (n * 37) % (text.length - 40);
  const stamp = new Date().toISOString();
  return {
    id: randomUUID(),
    articleId,
    color: 'yellow',
    note: `A note of ordinary length on highlight ${n}, long enough to look like what a reader writes.`,
    tags: ['bench'],
    target: describeSpan(text, start, start + 24),
    review: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

interface Fixture {
  dataDir: string;
  metas: ArticleMeta[];
  annotations: Annotation[][];
}

async function makeFixture(highlights: number, articles: number): Promise<Fixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'margin-bench-'));
  const stamp = new Date().toISOString();
  const metas: ArticleMeta[] = [];
  const annotations: Annotation[][] = [];
  for (let a = 0; a < articles; a++) {
    const id = randomUUID();
    const text = articleText(a);
    metas.push({
      id,
      title: `Article ${a}`,
      byline: null,
      siteName: null,
      sourceUrl: null,
      sourceFile: `article-${a}.txt`,
      sourcePath: null,
      publishedAt: null,
      language: null,
      direction: null,
      format: 'text',
      ...newArticleState(),
      wordCount: 500,
      importedAt: stamp,
      createdAt: stamp,
      updatedAt: stamp,
    } as ArticleMeta);
    const list = Array.from({ length: highlights / articles }, (_, n) => annotationOn(id, text, n));
    annotations.push(list);
    await mkdir(articleDir(dataDir, id), { recursive: true });
    await writeFile(articleHtmlFile(dataDir, id), `<p>${text}</p>`);
    await writeFile(annotationsFile(dataDir, id), JSON.stringify({ schemaVersion: 1, articleId: id, articleNote: '', annotations: list }, null, 2));
  }
  await writeFile(libraryFile(dataDir), JSON.stringify({ schemaVersion: 1, articles: metas, settings: { sampleAdded: true } }, null, 2));
  return { dataDir, metas, annotations };
}

// ---- Timing ----------------------------------------------------------------------------------

// tinybench runs its setup hook twice and does not await its teardown, so each way builds its
// library on its first call, outside the time taken, and the previous one is removed then.
interface Prepared {
  save: () => Promise<unknown>;
  dispose: () => Promise<void>;
}
const prepared = new Map<string, Promise<Prepared>>();

async function preparedFor(key: string, prepare: () => Promise<Prepared>): Promise<Prepared> {
  let state = prepared.get(key);
  if (state === undefined) {
    for (const [other, old] of [...prepared]) {
      prepared.delete(other);
      await (await old).dispose();
    }
    state = prepare();
    prepared.set(key, state);
  }
  return state;
}

const times = new Map<string, number[]>();
function timed(key: string, prepare: () => Promise<Prepared>): () => Promise<void> {
  return async () => {
    const { save } = await preparedFor(key, prepare);
    const start = performance.now();
    await save();
    const list = times.get(key) ?? [];
    list.push(performance.now() - start);
    times.set(key, list);
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const ms = (n: number) => Number(n.toFixed(2));

afterAll(async () => {
  for (const state of prepared.values()) await (await state).dispose();
  if (times.size === 0) return;
  const rows = [];
  for (const { highlights, articles } of SIZES) {
    const row: Record<string, number | string> = { library: `${highlights.toLocaleString('en-US')} / ${articles}` };
    const medians: Record<string, number> = {};
    for (const way of ['margin', 'margin-lock-per-save', 'lowdb']) {
      const sorted = [...(times.get(`${way} ${highlights}`) ?? [])].sort((a, b) => a - b);
      medians[way] = quantile(sorted, 0.5);
      row[`${way} median`] = ms(quantile(sorted, 0.5));
      row[`${way} p95`] = ms(quantile(sorted, 0.95));
    }
    row['lowdb ÷ margin'] = ms((medians.lowdb ?? NaN) / (medians.margin ?? NaN));
    rows.push(row);
    // The target is judged on these one-store-at-a-time runs. In the alternating pair below, the
    // two stores share one process and one disk: a durable save right after lowdb's 30 MB rewrite
    // pays for part of its garbage collection and, through ext4's journal, its writeback, which a
    // person's Margin never has beside it. The pair stays in the table for the ratio.
    const alone = (way: string, name: string) => stats(name, times.get(`${way} ${highlights}`) ?? []);
    record(
      rowOf(`save one highlight, library of ${highlights.toLocaleString('en-US')} / ${articles} articles, each store alone`, 'store', alone('margin', 'Margin store (durable)'), alone('lowdb', 'raw lowdb JSONFile'), {
        target: highlights >= 100_000 ? 'median <= 10 ms' : undefined,
        note: 'one store per run, nothing else in the process',
      }),
    );
  }
  console.log('\nms per highlight save, by library size (highlights / articles). margin: durable (fsync of file and folder), write lock held as the app does; margin-lock-per-save: the lock taken for each save, as a CLI command without one; lowdb: one raw JSONFile, no fsync.');
  console.table(rows);
});

// ---- The benchmarks ----------------------------------------------------------------------------

const RUN = (iterations: number) => ({ iterations, time: 0, warmupIterations: 0, warmupTime: 0 });

async function storeIn(highlights: number, articles: number, withLock: boolean): Promise<Prepared> {
  const fixture = await makeFixture(highlights, articles);
  const lock = withLock ? await acquireWriteLock(fixture.dataDir) : undefined;
  const library = await Library.open(fixture.dataDir, { lock });
  // As in the app: the list has been shown (every file read), the article's text is known, and
  // this session's first save into each article (which also keeps a backup) is behind us.
  await library.summaries();
  const targets = fixture.metas.slice(0, TARGETS);
  for (const meta of targets) {
    const { text } = await library.content(meta.id);
    await library.addAnnotation(meta.id, { color: 'green', note: 'first save', target: describeSpan(text, 0, 10) });
  }
  let turn = 0;
  const save = async () => {
    const meta = targets[turn++ % targets.length];
    if (meta === undefined) throw new Error('no article');
    const { text } = await library.content(meta.id);
    const start = (turn * 53) % (text.length - 40);
    return library.addAnnotation(meta.id, { color: 'blue', note: `saved ${turn}`, target: describeSpan(text, start, start + 20) });
  };
  // Unmeasured saves, so the first measured ones do not pay for compiling the code.
  for (let i = 0; i < WARMUP_SAVES; i++) await save();
  return {
    save,
    dispose: async () => {
      await lock?.release();
      await rm(fixture.dataDir, { recursive: true, force: true });
    },
  };
}

async function singleFileWith(highlights: number, articles: number): Promise<Prepared> {
  const fixture = await makeFixture(highlights, articles);
  const dir = await mkdtemp(join(tmpdir(), 'margin-bench-lowdb-'));
  const db = new Low(new JSONFile<{ articles: ArticleMeta[]; annotations: Annotation[] }>(join(dir, 'db.json')), {
    articles: fixture.metas,
    annotations: fixture.annotations.flat(),
  });
  await db.write();
  const text = articleText(0);
  let turn = 0;
  return {
    save: async () => {
      const meta = fixture.metas[turn++ % TARGETS];
      if (meta === undefined) throw new Error('no article');
      db.data.annotations.push(annotationOn(meta.id, text, turn));
      await db.write();
    },
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      await rm(fixture.dataDir, { recursive: true, force: true });
    },
  };
}

for (const { highlights, articles } of SIZES) {
  describe(`save one highlight into ${highlights.toLocaleString('en-US')} highlights over ${articles} articles`, () => {
    // The one-way-at-a-time runs below (and their printed table, with the lock-per-save variant)
    // are for the full run; the quick suite has a minute and keeps only the alternating pair.
    if (!QUICK) {
      bench('Margin store, write lock held (the app)', timed(`margin ${highlights}`, () => storeIn(highlights, articles, true)), RUN(SAVES));
      bench(
        'Margin store, lock per save (CLI without a lock)',
        timed(`margin-lock-per-save ${highlights}`, () => storeIn(highlights, articles, false)),
        RUN(SAVES),
      );
      bench('raw lowdb JSONFile, one file', timed(`lowdb ${highlights}`, () => singleFileWith(highlights, articles)), RUN(singleFileSaves(highlights)));
    }
    // For the suite's table: both stores open side by side, one save into each per round, the
    // order flipped each round, so the two meet the same disk and the same load.
    let paired = false;
    bench('paired: Margin store vs raw lowdb, alternating', async () => {
      if (paired) return;
      paired = true;
      const [ours, theirs] = [await storeIn(highlights, articles, true), await singleFileWith(highlights, articles)];
      try {
        await measurePair(
          `save one highlight, library of ${highlights.toLocaleString('en-US')} / ${articles} articles`,
          'store',
          { name: 'Margin store (durable)', run: ours.save },
          { name: 'raw lowdb JSONFile', run: theirs.save },
          { warmup: 3, rounds: singleFileSaves(highlights), note: 'alternating in one process: each pays part of the other’s garbage collection and disk writeback' },
        );
      } finally {
        await ours.dispose();
        await theirs.dispose();
      }
    }, RUN(1));
  });
}
