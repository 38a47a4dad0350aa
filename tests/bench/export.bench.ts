// Export speed at library scale: 100,000 highlights over 1,000 articles, generated from a fixed
// seed, through every format. The library-wide one-file exports are timed as a person waits for
// them: streamed into a file through the durable write (temp file, fsync, rename, folder fsync),
// against JSON.stringify of the same library; targets at most 0.6x (Markdown, CSV) and 1.2x
// (JSON-LD) of it. Annotated HTML goes through jsdom one article at a time, so it is timed on a
// slice and read per article. MARGIN_BENCH_QUICK=1 shrinks everything 100-fold.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { writeTextDurably } from '../../electron/core/export/durable-stream';
import { singleFileText, type SingleFileFormat } from '../../electron/core/export/single-file-export';
import { annotatedHtml } from '../../electron/core/export/annotated-html';
import { mergeMarkdown } from '../../electron/core/export/markdown-merge';
import { combinedMarkdown, markdownFiles } from '../../electron/core/export/obsidian-markdown';
import { readwiseCsv } from '../../electron/core/export/readwise-csv';
import { webAnnotationJson } from '../../electron/core/export/web-annotation';
import { parseWebAnnotationFile } from '../../electron/core/import/web-annotation-import';
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
const folder = mkdtempSync(join(tmpdir(), 'margin-export-bench-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
/** The export as the app writes it: its pieces streamed into a file, durably. */
const streamed = (format: SingleFileFormat) => () =>
  writeTextDurably(join(folder, `export.${format}`), singleFileText({ format, articles: library, exportedAt: EXPORTED_AT, csvExact: false }));
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
  const note = 'subject: streamed into a file through the durable write (temp, fsync, rename)';
  pairedBench(`export ${n} highlights: Markdown, one file`, 'export', { name: 'combined Markdown, to a file', run: streamed('markdown') }, plain, { warmup: 1, rounds, target: '<= 0.6x (0.5 s at 100k)', note });
  pairedBench(`export ${n} highlights: Readwise CSV`, 'export', { name: 'Readwise CSV, to a file', run: streamed('csv') }, plain, { warmup: 1, rounds, target: '<= 0.6x (0.5 s at 100k)', note });
  pairedBench(`export ${n} highlights: W3C JSON-LD`, 'export', { name: 'W3C JSON-LD, to a file', run: streamed('jsonld') }, plain, { warmup: 1, rounds, target: '<= 1.2x (1 s at 100k)', note });
});
