// The heaviest path a reader hits: a generated 1 MB article carrying 5,000 highlights,
// many of them overlapping, opened in the built renderer in Chromium through the e2e harness (the
// real handler table over a real library). Measured against the same article with no
// highlights, in the same browser and run, loads alternating round by round:
// - first paint of the article, and highlights painted: every stored highlight in view registered
//   (Margin registers those in and near view only; target: highlights add <= 50%);
// - the longest PerformanceObserver `longtask` while scrolling after load (target: none > 50 ms);
// - select text + press `h` until the new highlight is painted (target: <= 100 ms), and until the
//   library holds it durably (no target: the page shows the highlight before the store answers).
// Chromium here stands in for Electron's renderer (same engine, no Electron binary on this machine).
// Run: npx vitest bench --run tests/bench/reader.bench.ts (MARGIN_BENCH_QUICK=1 for a short run)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { bench, describe } from 'vitest';
import { importPlainText } from '../../electron/core/import/import-file';
import { annotationsFile } from '../../electron/core/library/files';
import type { Library } from '../../electron/core/library/library';
import { describeSpan } from '../../electron/shared/anchoring';
import { HIGHLIGHT_COLORS, type Annotation } from '../../electron/shared/model';
import { rendererDir, startReader, type Reader } from '../e2e/support/harness';
import { chromiumArgs, systemChromium } from '../support/chromium';
import { QUICK, TINY, record, rowOf, stats } from './support/paired';
import { seeded } from '../support/seeded';

// The quick run keeps the density (one highlight per 200 characters) on an eighth of the article:
// at the full size one load with highlights takes seconds here, and the quick suite has a minute.
const ARTICLE_CHARS = TINY ? 60_000 : QUICK ? 125_000 : 1_000_000;
const HIGHLIGHTS = TINY ? 300 : QUICK ? 625 : 5_000;
/** Share of highlights that start inside an earlier one, so overlaps are common, not incidental. */
const OVERLAPPING = 0.4;
const OPENING_HIGHLIGHTS = 8;
const OPENING_CHARS = 1_500;
const ROUNDS = TINY ? 1 : QUICK ? 2 : 5;
const SCROLL_FRAMES = TINY ? 10 : QUICK ? 30 : 300;
const SAVES_PER_ROUND = TINY ? 1 : QUICK ? 2 : 3;
const SEED = 20_261_125;
const FILE = 'reader';


const random = seeded(SEED);
const WORDS = (
  'river bridge morning council station harbour winter light street people market report officials garden ' +
  'train field museum volunteers engineers spring evening history future quietly under between across after ' +
  'before during which would could their there about other these those because through almost nothing village'
).split(' ');

/** Plain text as a person would save it: a title line, then paragraphs of prose. */
function articleSource(): string {
  const sentence = (): string => {
    const words = Array.from({ length: 6 + Math.floor(random() * 20) }, () => WORDS[Math.floor(random() * WORDS.length)] as string);
    const first = words[0] as string;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const paragraphs: string[] = [];
  for (let chars = 0; chars < ARTICLE_CHARS; ) {
    const paragraph = Array.from({ length: 3 + Math.floor(random() * 6) }, sentence).join(' ');
    paragraphs.push(paragraph);
    chars += paragraph.length + 2;
  }
  return `A long read with many highlights\n\n${paragraphs.join('\n\n')}\n`;
}

/** Spans from word start to word end; some start inside an earlier span, so they overlap it. */
function spans(text: string, count: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const wordStart = (near: number): number => {
    const space = text.indexOf(' ', near);
    return space === -1 ? -1 : space + 1;
  };
  while (out.length < count) {
    const inside = out.length > 0 && random() < OVERLAPPING ? out[Math.floor(random() * out.length)] : undefined;
    // The first few sit on the opening screen, so the page opens with highlights in view.
    const anywhere = Math.floor(random() * (out.length < OPENING_HIGHLIGHTS ? OPENING_CHARS : text.length));
    const near = inside === undefined ? anywhere : inside.start + Math.floor(random() * (inside.end - inside.start));
    const start = wordStart(near);
    if (start <= 0) continue;
    const end = text.indexOf(' ', start + 20 + Math.floor(random() * 280));
    if (end === -1 || end <= start) continue;
    out.push({ start, end });
  }
  return out;
}

interface Prepared {
  articleId: string;
  /** Where each highlight is in the article's text, for the page to know which are in view. */
  spans: Array<{ start: number; end: number }>;
  /** Ids of the stored highlights, so saves can make room under the per-article limit. */
  ids: string[];
}

/** Imports the article as a .txt file would be, then writes its highlights file in one go. */
async function prepareArticle(library: Library, dataDir: string, source: string, highlightCount: number): Promise<Prepared> {
  const meta = await library.addArticle(importPlainText(source, 'long-read.txt'));
  const { text } = await library.content(meta.id);
  const stamp = new Date().toISOString();
  const placed = spans(text, highlightCount);
  const annotations: Annotation[] = placed.map(({ start, end }, n) => ({
    id: crypto.randomUUID(),
    articleId: meta.id,
    color: HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length] as Annotation['color'],
    note: n % 10 === 0 ? `A note on highlight ${n}, of the length a reader writes in a margin.` : '',
    tags: [],
    target: describeSpan(text, start, end),
    review: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  // Saving 5,000 highlights one durable save at a time would take longer than the whole quick
  // suite; the store notices the replaced file and reads it again, as it does after another writer.
  const path = annotationsFile(dataDir, meta.id);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { annotations: Annotation[] };
  writeFileSync(path, JSON.stringify({ ...file, annotations }));
  return { articleId: meta.id, spans: placed, ids: annotations.map((annotation) => annotation.id) };
}

// Runs in the page before the renderer. A string, not a function, so the bundler's helpers never
// end up in code serialised into the page. Paint moments are taken at the frame after the one in
// which a condition first held: by then the frame that showed it has been painted.
const PROBE = `(() => {
  const colours = new Set(${JSON.stringify(HIGHLIGHT_COLORS.map((color) => `margin-${color}`))});
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const frame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now())));
  const body = () => document.getElementById('article-body');
  // Margin registers only the highlights in and near view, so "painted" is judged on what a person
  // sees: every stored highlight overlapping the text in view must be registered. The probe works
  // out what is in view on its own (blocks on screen, text offsets from its own walk).
  let spans = [];
  let index = null;
  const textIndex = () => {
    if (index !== null && index.body === body()) return index;
    const starts = new Map();
    const walker = document.createTreeWalker(body(), NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) { starts.set(node, seen); seen += node.data.length; }
    index = { body: body(), starts, length: seen };
    return index;
  };
  const firstTextAt = (element) => {
    const walker = document.createTreeWalker(body(), NodeFilter.SHOW_TEXT);
    walker.currentNode = element;
    const next = walker.nextNode();
    return next === null ? textIndex().length : textIndex().starts.get(next);
  };
  const inView = () => {
    const box = scroller().getBoundingClientRect();
    // Blocks stand one below another: binary search for the first and last on screen, so the
    // probe, which runs every frame, costs the page next to nothing.
    const all = body().children;
    const firstWhere = (test) => { let lo = 0, hi = all.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (test(all[mid].getBoundingClientRect())) hi = mid; else lo = mid + 1; } return lo; };
    const from = firstWhere((r) => r.bottom > box.top);
    const to = firstWhere((r) => r.top >= box.bottom);
    const blocks = [...all].slice(from, to);
    if (blocks.length === 0) return { start: 0, end: 0 };
    const last = blocks[blocks.length - 1];
    const after = last.nextElementSibling;
    return { start: firstTextAt(blocks[0]), end: after === null ? textIndex().length : firstTextAt(after) };
  };
  const painted = () => {
    const view = inView();
    const { starts } = textIndex();
    let n = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!colours.has(name)) continue;
      for (const range of highlight) {
        const start = starts.get(range.startContainer) + range.startOffset;
        const end = starts.get(range.endContainer) + range.endOffset;
        if (start < view.end && end > view.start) n++;
      }
    }
    return n;
  };
  const expectedInView = () => {
    const view = inView();
    return spans.filter((span) => span.start < view.end && span.end > view.start).length;
  };
  async function until(test, timeoutMs) {
    const began = performance.now();
    for (;;) {
      if (test()) return frame();
      if (performance.now() - began > timeoutMs) throw new Error('timed out after ' + timeoutMs + ' ms');
      await frame();
    }
  }
  function scroller() {
    for (let el = body(); el !== null; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el;
    }
    return document.scrollingElement;
  }
  const probe = { keyAt: null, longTasks };
  window.__marginBench = probe;
  addEventListener('keydown', (event) => { if (event.key === 'h') probe.keyAt = event.timeStamp; }, true);
  probe.load = async (stored) => {
    spans = stored;
    index = null;
    const articleAt = await until(() => body() !== null && body().childElementCount > 0, 120000);
    const readyAt = await until(() => CSS.highlights.has('margin-yellow') && painted() >= expectedInView(), 120000);
    return { articleAt, readyAt, painted: painted(), expected: expectedInView() };
  };
  probe.scroll = async (frames) => {
    const el = scroller();
    el.scrollTop = 0;
    await frame();
    const from = performance.now();
    for (let i = 0; i < frames && el.scrollTop + el.clientHeight < el.scrollHeight; i++) {
      el.scrollBy(0, el.clientHeight * 0.9);
      await frame();
    }
    // Long-task entries are delivered after the task; give the last ones time to arrive.
    await new Promise((done) => setTimeout(done, 200));
    const tasks = longTasks.filter((task) => task.start >= from);
    return { longest: tasks.reduce((max, task) => Math.max(max, task.duration), 0), count: tasks.length, scrolled: el.scrollTop };
  };
  probe.select = async (index) => {
    const paragraphs = body().querySelectorAll('p');
    const paragraph = paragraphs[index % paragraphs.length];
    paragraph.scrollIntoView({ block: 'center' });
    await frame();
    await frame();
    const node = [...paragraph.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && child.data.length > 80);
    const start = node.data.indexOf(' ', 5) + 1;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, node.data.indexOf(' ', start + 40));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    await frame();
    probe.keyAt = null;
    return painted();
  };
  probe.saved = async (before) => {
    const paintedAt = await until(() => painted() > before, 20000);
    return paintedAt - probe.keyAt;
  };
})();`;

interface Side {
  label: 'with' | 'without';
  reader: Reader;
  page: Page;
  prepared: Prepared;
}

interface LoadResult {
  articleAt: number;
  readyAt: number;
  painted: number;
  /** Stored highlights overlapping the text in view when it was ready. */
  expected: number;
}

async function load(side: Side): Promise<LoadResult> {
  await side.page.goto(`${side.reader.origin}/index.html`);
  const stored = side.label === 'with' ? side.prepared.spans : [];
  return (await side.page.evaluate(`window.__marginBench.load(${JSON.stringify(stored)})`)) as LoadResult;
}

async function scroll(side: Side): Promise<{ longest: number; count: number; scrolled: number }> {
  return (await side.page.evaluate(`window.__marginBench.scroll(${SCROLL_FRAMES})`)) as { longest: number; count: number; scrolled: number };
}

/**
 * Selects a passage, presses `h`, and returns ms from the key event to the new highlight painted
 * (the page shows it before the store answers), and ms from the key press to the highlight held
 * durably by the library (timed on this side, polling the same Library the page's handlers use).
 */
async function saveOne(side: Side, index: number): Promise<{ painted: number; stored: number }> {
  // The store keeps at most 5,000 highlights per article: make room (untimed), so the save lands
  // on an article holding 4,999 while the page still holds all 5,000 it loaded plus the new one.
  const room = side.label === 'with' ? side.prepared.ids.pop() : undefined;
  if (room !== undefined) side.prepared.spans.pop();
  if (room !== undefined) await side.reader.library.deleteAnnotation(side.prepared.articleId, room);
  const before = (await side.page.evaluate(`window.__marginBench.select(${index})`)) as number;
  const storedCount = async () => (await side.reader.library.annotations(side.prepared.articleId)).length;
  const had = await storedCount();
  const pressedAt = performance.now();
  const stored = (async () => {
    while ((await storedCount()) <= had) await new Promise((done) => setTimeout(done, 1));
    return performance.now() - pressedAt;
  })();
  await side.page.keyboard.press('h');
  const painted = (await side.page.evaluate(`window.__marginBench.saved(${before})`)) as number;
  return { painted, stored: await stored };
}

/** After each round the article without highlights is emptied again, so it stays a baseline. */
async function resetBaseline(side: Side): Promise<void> {
  if (side.label !== 'without') return;
  for (const annotation of await side.reader.library.annotations(side.prepared.articleId)) {
    await side.reader.library.deleteAnnotation(side.prepared.articleId, annotation.id);
  }
}

async function openSide(browser: Browser, label: Side['label'], source: string): Promise<Side> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const count = label === 'with' ? HIGHLIGHTS : 0;
  // The page has not loaded yet: the article goes into the library it will read.
  const reader = await startReader(page);
  const prepared = await prepareArticle(reader.library, reader.dataDir, source, count);
  await page.addInitScript({ content: PROBE });
  return { label, reader, page, prepared };
}

async function run(): Promise<void> {
  const executablePath = systemChromium();
  if (executablePath === undefined || !existsSync(join(rendererDir, 'index.html'))) {
    console.log('[reader] skipped: needs Chromium (CHROMIUM_PATH or /usr/bin/chromium) and the built renderer (npx electron-vite build)');
    return;
  }
  const source = articleSource();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs(), headless: true });
  const sides: Side[] = [];
  try {
    sides.push(await openSide(browser, 'with', source), await openSide(browser, 'without', source));
    const samples = new Map<string, number[]>();
    const add = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);
    let painted = 0;
    let expected = 0;
    let saveIndex = 0;
    let scrolled = 0;
    let longTasks = 0;
    // Round 0 is warm-up: it compiles the renderer and fills caches for both, and is not kept.
    for (let round = 0; round <= ROUNDS; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const loaded = await load(side);
        const moved = await scroll(side);
        const saves: Array<{ painted: number; stored: number }> = [];
        for (let i = 0; i < SAVES_PER_ROUND; i++) saves.push(await saveOne(side, 7 + 13 * saveIndex++));
        await resetBaseline(side);
        if (round === 0) continue;
        if (side.label === 'with') {
          painted = loaded.painted;
          expected = loaded.expected;
          scrolled = moved.scrolled;
          longTasks += moved.count;
        }
        add(`${side.label} article`, loaded.articleAt);
        add(`${side.label} ready`, loaded.readyAt);
        add(`${side.label} longtask`, moved.longest);
        for (const save of saves) {
          add(`${side.label} save`, save.painted);
          add(`${side.label} stored`, save.stored);
        }
      }
    }
    const side = (label: string, key: string) => stats(label, samples.get(key) ?? []);
    const size = `${(ARTICLE_CHARS / 1e6).toFixed(2)} MB`;
    const many = `${HIGHLIGHTS.toLocaleString('en')} highlights`;
    const note = `${painted} highlights painted in view (${expected} stored there); ${longTasks} long tasks over ${ROUNDS} scrolls of ${Math.round(scrolled).toLocaleString('en')} px`;
    const rows = [
      rowOf(`reader ${size}: first paint of the article`, FILE, side(many, 'with article'), side('no highlights', 'without article')),
      rowOf(`reader ${size}: highlights painted`, FILE, side(many, 'with ready'), side('no highlights', 'without ready'), { target: 'ratio <= 1.5x', note }),
      rowOf(`reader ${size}: longest long task while scrolling`, FILE, side(many, 'with longtask'), side('no highlights', 'without longtask'), {
        target: '<= 50 ms',
        note: '0 means no task over 50 ms',
      }),
      rowOf(`reader ${size}: select + save highlight, painted`, FILE, side(many, 'with save'), side('no highlights', 'without save'), { target: '<= 100 ms' }),
      rowOf(`reader ${size}: select + save highlight, stored durably`, FILE, side(many, 'with stored'), side('no highlights', 'without stored'), {
        note: 'key press to the highlight held by the library, fsync included',
      }),
    ];
    for (const row of rows) record(row);
  } finally {
    // Each reader removes its temp library; a failed run must not leave 1 MB libraries behind.
    for (const side of sides) await side.reader.close().catch(() => undefined);
    await browser.close();
  }
}

let done = false;
describe(`reader: ${(ARTICLE_CHARS / 1e6).toFixed(2)} MB article with ${HIGHLIGHTS.toLocaleString('en')} highlights`, () => {
  bench('paired: with highlights vs none, alternating loads', async () => {
    if (done) return;
    done = true;
    await run();
  }, { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 });
});
