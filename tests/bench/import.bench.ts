// Import benchmark: generated ~200 KB news pages (seeded, so every run sees the same pages),
// imported through Margin's whole pipeline (importFile on a file, images off) and, in the same
// run, through jsdom + Readability + DOMPurify alone. The pipeline parses each page once and
// shares that parse between every step, so it should cost about what the three libraries cost
// together: the target is a ratio of at most 1.1x. The ratio printed at the end comes from
// rounds that alternate the two, page by page, so a busy machine slows both alike; the table's
// two rows run one after the other, and on a loaded machine whichever met more load looks slower.
// Run: npx vitest bench --run tests/bench/import.bench.ts   (MARGIN_BENCH_QUICK=1 for a short run)
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bench, describe } from 'vitest';
import { importFile } from '../../electron/core/import/import-file';
import { SANITIZE_CONFIG, installSanitizeHooks } from '../../electron/shared/sanitize-policy';
import { pairedBench, TINY } from './support/paired';
import { seeded as random } from '../support/seeded';

const QUICK = process.env.MARGIN_BENCH_QUICK === '1';
const PAGE_COUNT = TINY ? 1 : QUICK ? 2 : 6;
const TARGET_BYTES = TINY ? 20 * 1024 : 200 * 1024;
const ROUNDS = QUICK ? 2 : 8;
const TARGET_RATIO = 1.1;


const WORDS = (
  'the council river market station harbour village school bridge garden library weather morning evening people ' +
  'residents officials volunteers engineers farmers traders said would could after before during against between ' +
  'water light street road winter summer spring autumn years months weeks plan money work board vote report ' +
  'season crowd train ferry field orchard museum theatre hospital clinic reporter photograph history future'
).split(' ');

function generatePage(seed: number): string {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const sentence = (min: number, max: number) => {
    const count = min + Math.floor(next() * (max - min));
    const words = Array.from({ length: count }, () => pick(WORDS));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 4) }, () => sentence(8, 22)).join(' ');
  const links = (count: number, path: string) =>
    Array.from({ length: count }, (_, i) => `<li><a href="/${path}/${i}">${sentence(3, 7)}</a></li>`).join('');

  const head = [
    `<title>${sentence(6, 10)} | The Generated Times</title>`,
    '<meta property="og:site_name" content="The Generated Times">',
    '<meta name="author" content="Alex Example">',
    '<meta property="article:published_time" content="2024-05-01T08:00:00Z">',
    `<style>${Array.from({ length: 300 }, (_, i) => `.c${i} { margin: ${i % 7}px; color: #${(i * 4099).toString(16).slice(0, 6).padEnd(6, '0')}; }`).join('\n')}</style>`,
    `<script>window.__STATE__ = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, title: sentence(4, 9) })))};</script>`,
  ].join('\n');
  const header = `<header class="site-header"><a class="logo" href="/">The Generated Times</a><nav class="main-nav"><ul>${links(60, 'section')}</ul></nav></header>
<div class="ad-slot ad-leaderboard"><span>Advertisement</span></div>`;

  const body: string[] = [`<h1>${sentence(6, 10)}</h1>`, '<p class="byline">By Alex Example</p>'];
  let figure = 0;
  while (body.join('').length < TARGET_BYTES * 0.35) {
    body.push(`<p class="c${Math.floor(next() * 300)}">${paragraph()}</p>`);
    if (next() < 0.12) {
      figure++;
      body.push(
        `<figure><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" ` +
          `data-src="images/photo-${figure}.jpg" data-srcset="images/photo-${figure}-640.jpg 640w, images/photo-${figure}-1280.jpg 1280w" alt="">` +
          `<figcaption>${sentence(8, 16)} <span class="image-credit">Photo: ${pick(['Ana Silva', 'Tom Becker', 'Lena Ortiz'])}</span></figcaption></figure>`,
      );
    }
    if (next() < 0.05) body.push(`<div class="newsletter-promo"><p>Subscribe to our newsletter for ${sentence(4, 8)}</p></div>`);
    if (next() < 0.05) body.push(`<blockquote class="pull-quote"><p>${sentence(8, 14)}</p></blockquote>`);
  }
  const comments = [];
  while (header.length + body.join('').length + comments.join('').length + head.length < TARGET_BYTES * 0.95) {
    comments.push(`<li class="comment"><p class="comment-author">${pick(['reader', 'local', 'visitor'])}${Math.floor(next() * 1000)}</p><p>${paragraph()}</p></li>`);
  }
  const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
${head}
</head><body>
${header}
<main><article class="story">${body.join('\n')}</article>
<aside class="sidebar"><h3>Most read</h3><ol>${links(40, 'story')}</ol></aside>
<section id="comments" class="comments-area"><ol>${comments.join('\n')}</ol></section></main>
<footer class="site-footer"><ul>${links(40, 'about')}</ul></footer>
</body></html>`;
  return page;
}

const dir = mkdtempSync(join(tmpdir(), 'margin-bench-'));
const pages = Array.from({ length: PAGE_COUNT }, (_, i) => {
  const html = generatePage(1000 + i);
  const path = join(dir, `page-${i}.html`);
  writeFileSync(path, html);
  return { html, path, url: pathToFileURL(path).href };
});

async function pipeline(page: (typeof pages)[number]): Promise<void> {
  const article = await importFile(page.path, { dataDir: null, online: false });
  if (article.html.length < 1000) throw new Error('the pipeline lost the article');
}

/** What the pipeline is measured against: the three libraries, each used the plain way. */
function librariesAlone(page: (typeof pages)[number]): void {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  const parsed = new Readability(dom.window.document).parse();
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  installSanitizeHooks(purify);
  const html = purify.sanitize(parsed?.content ?? '', { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
  if (html.length < 1000) throw new Error('the baseline lost the article');
}

// One untimed pass of both over every page before anything is measured: whichever ran first
// would otherwise pay alone for warming the JIT up on jsdom and Readability.
for (const page of pages) {
  await pipeline(page);
  librariesAlone(page);
}

let turn = 0;
const nextPage = () => pages[turn++ % pages.length] as (typeof pages)[number];
const options = { time: 0, iterations: QUICK ? 2 : 12, warmupIterations: QUICK ? 1 : 2, warmupTime: 0 };

describe(`import of ${PAGE_COUNT} generated pages of ~${Math.round(TARGET_BYTES / 1024)} KB`, () => {
  bench('jsdom + Readability + DOMPurify alone', () => librariesAlone(nextPage()), options);
  bench('Margin pipeline (importFile, images off)', async () => pipeline(nextPage()), options);
  // The ratio for the suite's table: both on the same page in each round, the order flipped each
  // round. No extra warm-up: every page went through both once above, before anything was timed.
  let ours = 0;
  let theirs = 0;
  pairedBench(`import a ~${Math.round(TARGET_BYTES / 1024)} KB page`, 'import', {
    name: 'Margin pipeline',
    run: () => pipeline(pages[ours++ % pages.length] as (typeof pages)[number]),
  }, {
    name: 'jsdom + Readability + DOMPurify',
    run: () => librariesAlone(pages[theirs++ % pages.length] as (typeof pages)[number]),
  }, { warmup: 0, rounds: ROUNDS * PAGE_COUNT, target: `ratio <= ${TARGET_RATIO}x` });
});

process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
