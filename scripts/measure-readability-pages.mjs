#!/usr/bin/env node
// How much of each article Margin's HTML import keeps, measured on Readability's own test pages
// (the test/test-pages folder of mozilla/readability: one folder per page holding source.html and
// expected.html). Each page's words are compared, as sets, between three texts:
//
//   reference  Readability's expected.html: the article as Readability's maintainers publish it.
//   baseline   Readability (the version Margin ships) run here on source.html, sanitized by
//              DOMPurify with Margin's allowlist: the libraries alone, used the plain way.
//   margin     Margin's import of source.html (importFile, images off, nothing fetched).
//
// A page "matches" when the word-set Jaccard index is at least 0.99. Margin must match the
// reference on at least as many pages as the baseline does; margin~baseline shows where the two
// differ. A page Margin refuses counts as not matching, with its one-sentence reason.
//
//   node scripts/measure-readability-pages.mjs <pages-folder> [--json out.json] [--only name]
//
// With --only, the words each text has that the others lack are printed too, to see what went.
//
// The pages are not part of this repository: bring mozilla/readability's test/test-pages folder
// to a scratch folder outside it. The import modules are TypeScript; they are bundled once with
// vite (packages stay imports, resolved through a node_modules link) so plain node runs them.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const THRESHOLD = 0.99;
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

function parseArgs(argv) {
  const options = { pages: null, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = resolve(argv[++i] ?? '');
    else if (arg === '--only') options.only = argv[++i] ?? null;
    else if (options.pages === null) options.pages = resolve(arg);
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (options.pages === null || !existsSync(options.pages)) {
    throw new Error('usage: node scripts/measure-readability-pages.mjs <readability test-pages folder> [--json out.json] [--only name]');
  }
  return options;
}

async function bundleImport() {
  const dir = await mkdtemp(join(tmpdir(), 'margin-measure-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { target: 'node' },
    build: {
      ssr: true,
      write: true,
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: {
        input: {
          importFile: join(root, 'electron/core/import/import-file.ts'),
          policy: join(root, 'electron/shared/sanitize-policy.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { importFile } = await import(pathToFileURL(join(dir, 'importFile.mjs')).href);
  const { SANITIZE_CONFIG, installSanitizeHooks } = await import(pathToFileURL(join(dir, 'policy.mjs')).href);
  return { dir, importFile, SANITIZE_CONFIG, installSanitizeHooks };
}

/** The words of an HTML fragment, as a set: blocks never run their words together. */
function wordSet(html) {
  const { document } = new JSDOM(`<!DOCTYPE html><body>${html}</body>`, { virtualConsole: new VirtualConsole() }).window;
  for (const element of document.body.querySelectorAll('*')) {
    if (!BLOCKS.has(element.tagName)) continue;
    element.before(document.createTextNode(' '));
    element.after(document.createTextNode(' '));
  }
  const text = (document.body.textContent ?? '').normalize('NFKC').toLowerCase();
  return new Set(text.match(/[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu) ?? []);
}

function jaccard(a, b) {
  if (a === null || b === null) return 0;
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

function printDifferences(words) {
  const names = Object.keys(words);
  for (const name of names) {
    const own = words[name];
    if (own === null) continue;
    for (const other of names) {
      if (other === name || words[other] === null) continue;
      const lacking = [...own].filter((word) => !words[other].has(word));
      if (lacking.length > 0) process.stdout.write(`  in ${name}, not in ${other} (${lacking.length}): ${lacking.slice(0, 80).join(' ')}\n`);
    }
  }
}

function baselineHtml(source, url, tools) {
  const dom = new JSDOM(source, { url, virtualConsole: new VirtualConsole() });
  const parsed = new Readability(dom.window.document).parse();
  if (parsed === null) return null;
  const purify = createDOMPurify(dom.window);
  tools.installSanitizeHooks(purify);
  return purify.sanitize(parsed.content ?? '', { ...tools.SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false });
}

async function measure(pageDir, tools) {
  const sourcePath = join(pageDir, 'source.html');
  const source = await readFile(sourcePath, 'utf8');
  const reference = wordSet(await readFile(join(pageDir, 'expected.html'), 'utf8'));
  const baseline = baselineHtml(source, pathToFileURL(sourcePath).href, tools);
  const baselineWords = baseline === null ? null : wordSet(baseline);
  let marginWords = null;
  let refused = null;
  try {
    const article = await tools.importFile(sourcePath, { dataDir: null, online: false });
    marginWords = wordSet(article.html);
  } catch (error) {
    refused = error instanceof Error ? error.message : String(error);
  }
  return {
    words: { reference, baseline: baselineWords, margin: marginWords },
    page: pageDir.split(/[\\/]/u).pop(),
    marginToReference: jaccard(marginWords, reference),
    baselineToReference: jaccard(baselineWords, reference),
    marginToBaseline: jaccard(marginWords, baselineWords),
    refused,
  };
}

const options = parseArgs(process.argv.slice(2));
const tools = await bundleImport();
try {
  const pages = readdirSync(options.pages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(options.pages, entry.name, 'source.html')) && existsSync(join(options.pages, entry.name, 'expected.html')))
    .map((entry) => entry.name)
    .filter((name) => options.only === null || name === options.only)
    .sort();
  const rows = [];
  const fixed = (value) => value.toFixed(3);
  process.stdout.write('page\tmargin~reference\tbaseline~reference\tmargin~baseline\tnote\n');
  for (const page of pages) {
    const row = await measure(join(options.pages, page), tools);
    rows.push(row);
    const note = row.refused === null ? '' : `refused: ${row.refused}`;
    process.stdout.write(`${row.page}\t${fixed(row.marginToReference)}\t${fixed(row.baselineToReference)}\t${fixed(row.marginToBaseline)}\t${note}\n`);
    if (options.only !== null) printDifferences(row.words);
    delete row.words;
  }
  const count = (key) => rows.filter((row) => row[key] >= THRESHOLD).length;
  const imported = rows.filter((row) => row.refused === null).length;
  const summary = {
    pages: rows.length,
    imported,
    threshold: THRESHOLD,
    marginMatchesReference: count('marginToReference'),
    baselineMatchesReference: count('baselineToReference'),
    marginMatchesBaseline: count('marginToBaseline'),
  };
  process.stdout.write(
    `\n${rows.length} pages, ${imported} imported by Margin (the rest refused). Word-set Jaccard >= ${THRESHOLD}:\n` +
      `  Margin   ~ Readability's expected.html: ${summary.marginMatchesReference} of ${rows.length}\n` +
      `  baseline ~ Readability's expected.html: ${summary.baselineMatchesReference} of ${rows.length}\n` +
      `  Margin   ~ baseline (Readability + DOMPurify here): ${summary.marginMatchesBaseline} of ${rows.length}\n`,
  );
  if (options.json !== null) writeFileSync(options.json, `${JSON.stringify({ summary, rows }, null, 2)}\n`);
} finally {
  await rm(tools.dir, { recursive: true, force: true });
}
