// Library-wide exports written as streams: the same bytes as the formats' strings, progress that
// reaches the total, a cancel that leaves nothing at the path (the file already there untouched,
// no temp file beside it), and a full disk that says so in one sentence and leaves the old file.
// The worker the app writes them in is the built one (out/main/export-worker.js).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportArticle } from '../../electron/core/export/export-article';
import { ExportCancelled } from '../../electron/core/export/durable-stream';
import { inThreadRunner, type ExportProgress, type ExportRunner } from '../../electron/core/export/export-runner';
import { writeExport, type ExportPlan } from '../../electron/core/export/export-service';
import { workerRunner } from '../../electron/core/export/export-worker-runner';
import { textOf } from '../../electron/core/export/export-text';
import { READWISE_COLUMNS, readwiseCsv, readwiseRows } from '../../electron/core/export/readwise-csv';
import { SINGLE_FILE_FORMATS, SINGLE_FILE_NAMES, singleFileText, type SingleFileJob } from '../../electron/core/export/single-file-export';
import { webAnnotationJson, webAnnotations } from '../../electron/core/export/web-annotation';
import { EXPORTED_AT, generateLibrary } from '../bench/support/export-library';
import { normalizedText } from '../../electron/core/export/text-fingerprint';
import { faultyDisk } from './support/faulty-fs';
import { checkProperty, propertyRuns } from './support/property';
import { repoRoot } from './support/paths';
import { tempDir } from './support/temp-dir';

const WORKER = join(repoRoot, 'out/main/export-worker.js');
// Enough highlights for several chunks of the file writer (a few megabytes of JSON-LD).
const library = generateLibrary(20261208, 60);
const job = (format: SingleFileJob['format']): SingleFileJob => ({ format, articles: library, exportedAt: EXPORTED_AT, csvExact: false, collectionId: '2de879ed-13c6-43ad-a25a-214c07c62470' });

function inWorker(): ExportRunner {
  if (!existsSync(WORKER)) throw new Error('The app is not built: run `npm run build` first.');
  return workerRunner(WORKER);
}

const runners: [string, () => ExportRunner][] = [
  ['in this thread', () => inThreadRunner()],
  ['in the worker', inWorker],
];

function plan(format: SingleFileJob['format'], libraryDir: string): ExportPlan {
  const exportJob = job(format);
  const text = singleFileText(exportJob);
  return { format, files: [{ name: SINGLE_FILE_NAMES[format], text, content: textOf(text) }], perArticle: false, attachments: [], skipped: [], asked: library.length, libraryDir, job: exportJob };
}

describe.each(runners)('a library-wide export written %s', (_where, runner) => {
  it.each(SINGLE_FILE_FORMATS)('writes exactly the text the %s format gives as a string, with progress up to the total', async (format) => {
    const folder = await tempDir();
    const target = join(folder, SINGLE_FILE_NAMES[format]);
    const seen: ExportProgress[] = [];
    await runner()(job(format), target, { onProgress: (progress) => seen.push(progress) });
    expect(await readFile(target, 'utf8')).toBe(textOf(singleFileText(job(format))));
    expect(seen.at(-1)).toEqual({ done: library.length, total: library.length });
    expect(await readdir(folder)).toEqual([SINGLE_FILE_NAMES[format]]);
  });

  it('stops at a cancel and leaves the file already at the path as it was, with no temp file beside it', async () => {
    const folder = await tempDir();
    const target = join(folder, 'margin-annotations.jsonld');
    await writeFile(target, 'last week’s export\n');
    const controller = new AbortController();
    const run = runner()(job('jsonld'), target, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(await readFile(target, 'utf8')).toBe('last week’s export\n');
    expect(await readdir(folder)).toEqual(['margin-annotations.jsonld']);
  });
});

/** An article whose every cell holds `cell`, the way a web page could put it there. */
function oddArticle(cell: string): ExportArticle {
  const [first] = library;
  const annotation = first?.annotations[0];
  if (first === undefined || annotation === undefined) throw new Error('the generated library is empty');
  const target = { ...annotation.target, quote: { ...annotation.target.quote, exact: cell } };
  return { ...first, meta: { ...first.meta, title: cell, byline: cell, sourceUrl: cell }, annotations: [{ ...annotation, note: cell, tags: [], target }] };
}

describe('the hand-written serialisers give what the libraries they stand in for give', () => {
  it('each JSON-LD line is JSON.stringify of the annotation it stands for', () => {
    const lines = webAnnotationJson(library, { exportedAt: EXPORTED_AT }).split('\n').filter((line) => line.startsWith('      {'));
    const items = library.flatMap(webAnnotations);
    expect(lines.length).toBe(items.length);
    lines.forEach((line, index) => expect(line.trim().replace(/,$/u, '')).toBe(JSON.stringify(items[index])));
  });

  it.each([0, 3, 60])('Margin’s own JSON of %s articles is JSON.stringify of the whole, indented by two', (count) => {
    const articles = library.slice(0, count);
    const whole = { exportedAt: EXPORTED_AT, articles: articles.map(({ meta, articleNote, annotations }) => ({ meta, articleNote, annotations })) };
    expect(textOf(singleFileText({ ...job('json'), articles }))).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });

  it('the text fingerprint folds whitespace as /\\s+/ does, so it matches fingerprints in files exported before', () => {
    const pieces = fc.constantFrom('a', 'é', '🚆', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', 'e\u0301');
    checkProperty(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(normalizedText(text)).toBe(text.normalize('NFC').replace(/\s+/gu, ' ').trim());
      }),
      propertyRuns(500),
    );
  });

  it.each([false, true])('the Readwise CSV is csv-stringify’s, byte for byte (exact: %s)', (exact) => {
    const odd = ['=1+1', '-dash', '+plus', '@at', '\ttab', '\rcr', '\uFF1Dwide', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nend', '', ' ', "'quoted'"];
    const articles = [...library.slice(0, 5), ...odd.map(oddArticle)];
    const expected = stringify(readwiseRows(articles), { header: true, columns: [...READWISE_COLUMNS], escape_formulas: !exact, record_delimiter: 'windows', quote_record_delimiter: true });
    expect(readwiseCsv(articles, { exact })).toBe(expected);
  });
});

describe('a full disk during an export', () => {
  it('says so in one sentence and leaves the previous file and no temp file (fault injected at a write)', async () => {
    const folder = await tempDir();
    const target = join(folder, 'margin-annotations.jsonld');
    await writeFile(target, 'last week’s export\n');
    const disk = faultyDisk();
    disk.fault = { at: 'write', code: 'ENOSPC', after: 1 };
    await expect(writeExport(plan('jsonld', join(folder, 'library')), target, { runner: inThreadRunner(disk.fs) })).rejects.toThrow(`Margin could not write ${target}: the disk is full.`);
    expect(await readFile(target, 'utf8')).toBe('last week’s export\n');
    expect(await readdir(folder)).toEqual(['margin-annotations.jsonld']);
  });

  const mounted: string[] = [];
  afterEach(() => {
    for (const dir of mounted.splice(0)) execFileSync('umount', [dir]);
  });

  it('on a real 1 MB disk (tmpfs), written in the worker, leaves the previous file and no temp file', async (context) => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      console.warn('skipped: mounting a tmpfs needs root on Linux (CI runs as root)');
      context.skip();
      return;
    }
    const disk = join(await tempDir(), 'disk');
    await mkdir(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk], { stdio: 'pipe' });
    mounted.push(disk);
    const target = join(disk, 'margin-annotations.jsonld');
    await writeFile(target, 'last week’s export\n');
    await expect(writeExport(plan('jsonld', join(disk, 'library')), target, { runner: inWorker() })).rejects.toThrow(`Margin could not write ${target}: the disk is full.`);
    expect(await readFile(target, 'utf8')).toBe('last week’s export\n');
    expect(await readdir(disk)).toEqual(['margin-annotations.jsonld']);
  });
});
