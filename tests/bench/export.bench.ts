// Export speed at library scale (issue 5, "Measure"): 100,000 highlights over 1,000 articles,
// generated from a fixed seed, through every format. Targets on the build machine: Markdown and
// CSV within 1 s, JSON-LD within 2 s. Annotated HTML goes through jsdom one article at a time, so
// it is timed on a slice and read per article. MARGIN_BENCH_QUICK=1 shrinks everything 100-fold.
import { bench, describe } from 'vitest';
import { annotatedHtml } from '../../electron/core/export/annotated-html';
import { mergeMarkdown } from '../../electron/core/export/markdown-merge';
import { combinedMarkdown, markdownFiles } from '../../electron/core/export/obsidian-markdown';
import { readwiseCsv } from '../../electron/core/export/readwise-csv';
import { webAnnotationJson } from '../../electron/core/export/web-annotation';
import { parseWebAnnotationFile } from '../../electron/core/export/web-annotation-import';
import { EXPORTED_AT, PER_ARTICLE, generateLibrary } from './support/export-library';
import { pairedBench, TINY } from './support/paired';

const QUICK = process.env.MARGIN_BENCH_QUICK === '1';
const ARTICLES = TINY ? 2 : QUICK ? 10 : 1_000;
const HTML_ARTICLES = TINY ? 1 : QUICK ? 2 : 20;

const library = generateLibrary(20261201, ARTICLES);
const highlights = library.reduce((n, article) => n + article.annotations.length, 0);
const jsonld = webAnnotationJson(library, { exportedAt: EXPORTED_AT, collectionId: '2de879ed-13c6-43ad-a25a-214c07c62470' });
const files = markdownFiles(library, { exportedAt: EXPORTED_AT });
const htmlSlice = library.slice(0, HTML_ARTICLES);
const once = { iterations: QUICK ? 2 : 5, time: 0, warmupIterations: 1, warmupTime: 0 };

describe(`export ${highlights.toLocaleString('en')} highlights over ${library.length.toLocaleString('en')} articles`, () => {
  bench('Markdown, one combined file (target <= 1 s)', () => {
    combinedMarkdown(library, { exportedAt: EXPORTED_AT });
  }, once);

  bench('Markdown, one file per article (target <= 1 s)', () => {
    markdownFiles(library, { exportedAt: EXPORTED_AT });
  }, once);

  bench('Markdown re-export merge, every file', () => {
    for (const file of files) mergeMarkdown(`Mine above.\n\n${file.content}\nMine below.\n`, file.content);
  }, once);

  bench('Readwise CSV (target <= 1 s)', () => {
    readwiseCsv(library);
  }, once);

  bench('W3C JSON-LD (target <= 2 s)', () => {
    webAnnotationJson(library, { exportedAt: EXPORTED_AT });
  }, once);

  bench('W3C JSON-LD import, parse and check', () => {
    parseWebAnnotationFile(jsonld);
  }, once);

  bench(`annotated HTML, ${htmlSlice.length} articles (${(htmlSlice.length * PER_ARTICLE).toLocaleString('en')} highlights)`, () => {
    for (const article of htmlSlice) annotatedHtml(article, { exportedAt: EXPORTED_AT, resolveImage: () => null });
  }, once);

  // The suite's table: each format beside JSON.stringify of the same library, the least any
  // export of it costs (every field, no formatting), so the ratio is what each format adds.
  const plain = { name: 'JSON.stringify(library)', run: () => JSON.stringify(library) };
  const rounds = TINY ? 2 : QUICK ? 4 : 5;
  const n = highlights.toLocaleString('en');
  pairedBench(`export ${n} highlights: Markdown, one file`, 'export', { name: 'combinedMarkdown', run: () => combinedMarkdown(library, { exportedAt: EXPORTED_AT }) }, plain, { warmup: 1, rounds, target: '<= 1 s (100k)' });
  pairedBench(`export ${n} highlights: Readwise CSV`, 'export', { name: 'readwiseCsv', run: () => readwiseCsv(library) }, plain, { warmup: 1, rounds, target: '<= 1 s (100k)' });
  pairedBench(`export ${n} highlights: W3C JSON-LD`, 'export', { name: 'webAnnotationJson', run: () => webAnnotationJson(library, { exportedAt: EXPORTED_AT }) }, plain, { warmup: 1, rounds, target: '<= 2 s (100k)' });
});
