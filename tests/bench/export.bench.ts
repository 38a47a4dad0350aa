// Export speed at library scale (issue 5, "Measure"): 100,000 highlights over 1,000 articles,
// generated from a fixed seed, through every format. Targets on the build machine: Markdown and
// CSV within 1 s, JSON-LD within 2 s. Annotated HTML goes through jsdom one article at a time, so
// it is timed on a slice and read per article. MARGIN_BENCH_QUICK=1 shrinks everything 100-fold.
import { bench, describe } from 'vitest';
import { annotatedHtml } from '../../electron/core/export/annotated-html';
import { exportArticle, type ExportArticle } from '../../electron/core/export/export-article';
import { mergeMarkdown } from '../../electron/core/export/markdown-merge';
import { combinedMarkdown, markdownFiles } from '../../electron/core/export/obsidian-markdown';
import { readwiseCsv } from '../../electron/core/export/readwise-csv';
import { webAnnotationJson } from '../../electron/core/export/web-annotation';
import { parseWebAnnotationFile } from '../../electron/core/import/web-annotation-import';
import { describeSpan } from '../../electron/shared/anchoring';
import { newArticleState, HIGHLIGHT_COLORS, type Annotation } from '../../electron/shared/model';
import { pairedBench, TINY } from './support/paired';
import { seeded as random } from '../support/seeded';

const QUICK = process.env.MARGIN_BENCH_QUICK === '1';
const ARTICLES = TINY ? 2 : QUICK ? 10 : 1_000;
const PER_ARTICLE = 100;
const HTML_ARTICLES = TINY ? 1 : QUICK ? 2 : 20;
const EXPORTED_AT = '2026-12-01T09:30:00.000Z';


// Mostly plain English, as articles are, with the characters that cost most to export mixed in:
// quotes and commas (CSV), Markdown syntax (escaping), accents, emoji, a character outside the
// BMP and right-to-left words (percent-encoding, code points).
const WORDS = [
  ...'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their been has when who will more if no out so said what up its about than into them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' '),
  'city,', '"quietly"', 'back;', 'émigré', 'café', '🚆', '𝒳-line', 'القطار', 'הרכבת', '*stars*', '#tag', '[link]', 'dawn.',
];

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function generateLibrary(seed: number): ExportArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const articles: ExportArticle[] = [];
  for (let a = 0; a < ARTICLES; a++) {
    const paragraphs = Array.from({ length: 60 }, () => Array.from({ length: 30 + Math.floor(next() * 40) }, () => pick(WORDS)).join(' '));
    const text = paragraphs.join('\n');
    const html = paragraphs.map((p) => `<p>${p.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p>`).join('\n');
    const id = uuid(next);
    const annotations: Annotation[] = [];
    for (let h = 0; h < PER_ARTICLE; h++) {
      const start = Math.floor(next() * (text.length - 400));
      let end = start + 20 + Math.floor(next() * 300);
      // Never split a surrogate pair, as a real selection cannot.
      const code = text.charCodeAt(end);
      if (code >= 0xdc00 && code <= 0xdfff) end++;
      const startCode = text.charCodeAt(start);
      const from = startCode >= 0xdc00 && startCode <= 0xdfff ? start + 1 : start;
      const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 3e10)).toISOString();
      annotations.push({
        id: uuid(next),
        articleId: id,
        color: pick(HIGHLIGHT_COLORS),
        note: next() < 0.5 ? '' : Array.from({ length: 5 + Math.floor(next() * 60) }, () => pick(WORDS)).join(' '),
        tags: next() < 0.7 ? [] : [pick(['rail', 'travel', 'to-read', 'quotes/best'])],
        target: describeSpan(text, from, end),
        review: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    articles.push(
      exportArticle({
        meta: {
          id,
          title: `Article ${a}: ${pick(WORDS)} ${pick(WORDS)}`,
          byline: next() < 0.8 ? `Writer ${a}` : null,
          siteName: 'Example',
          sourceUrl: next() < 0.8 ? `https://example.org/articles/${a}` : null,
          sourceFile: null,
          sourcePath: null,
          publishedAt: null,
          excerpt: null,
          language: null,
          direction: null,
          format: 'html',
          ...newArticleState(),
          wordCount: 2000,
          importedAt: EXPORTED_AT,
          createdAt: EXPORTED_AT,
          updatedAt: EXPORTED_AT,
        },
        articleNote: a % 3 === 0 ? 'An article note.' : '',
        annotations,
        html,
        text,
      }),
    );
  }
  return articles;
}

const library = generateLibrary(20261201);
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
