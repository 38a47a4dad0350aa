// The library list's highlight counts and the highlight tags offered for completion come from
// counts kept per article, not from reading every annotations file on each listing: these check
// that the counts follow every way highlights change, survive a restart, and never go stale.
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring';
import { ANNOTATION_STATS_FILE, annotationStatsFile } from '../../electron/core/library/annotation-stats';
import { annotationsFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { importPlainText } from '../../electron/core/import/import-file';
import { fileTree } from './support/file-tree';
import { libraryWithSample } from './support/library';
import { tempDir } from './support/temp-dir';

const WORDS = 'morning river bridge council station harbour winter light street market garden train field museum'.split(' ');
const articleText = (n: number) => `Article ${n}\n\n${Array.from({ length: 60 }, (_, i) => WORDS[(i * 7 + n) % WORDS.length]).join(' ')}.`;

async function highlight(library: Library, articleId: string, nth: number, tags: string[] = []) {
  const { text } = await library.content(articleId);
  const start = text.indexOf(' ', nth * 9) + 1;
  return library.addAnnotation(articleId, { color: 'yellow', note: '', tags, target: describeSpan(text, start, start + 5) });
}

const countOf = async (library: Library, id: string) => (await library.summaries()).find((row) => row.id === id)?.highlightCount;

async function libraryWithArticles(n: number, dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const library = await Library.open(dir);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await library.addArticle(importPlainText(articleText(i), `a${i}.txt`))).id);
  return { library, dataDir: dir, ids };
}

describe('highlight counts in the library list', () => {
  it('follow adding, tagging, deleting, restoring and a new revision, and survive reopening', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    expect(await countOf(library, sample.id)).toBe(0);
    const first = await highlight(library, sample.id, 1, ['key']);
    await highlight(library, sample.id, 5);
    expect(await countOf(library, sample.id)).toBe(2);
    expect(await library.highlightTags()).toEqual(['key']);
    await library.updateAnnotation(sample.id, first.id, { tags: ['key', 'later'] });
    expect(await library.highlightTags()).toEqual(['key', 'later']);
    await library.deleteAnnotation(sample.id, first.id);
    expect(await countOf(library, sample.id)).toBe(1);
    expect(await library.highlightTags()).toEqual([]);
    // Undo of the delete puts back the highlight as it was made.
    await library.restoreAnnotation(sample.id, first);
    expect(await countOf(library, sample.id)).toBe(2);
    expect(await library.highlightTags()).toEqual(['key']);

    const html = await library.html(sample.id);
    await library.addRevision(sample.id, { meta: library.meta(sample.id), html: html.replace('Kharkiv', 'Kharkiv oblast') });
    expect(await countOf(library, sample.id)).toBe(2);

    const reopened = await Library.open(dataDir);
    expect(await countOf(reopened, sample.id)).toBe(2);
    expect(await reopened.highlightTags()).toEqual(['key']);
  });

  it('see a change another process made, and drop an article deleted for good', async () => {
    const { library, dataDir, ids } = await libraryWithArticles(3);
    await highlight(library, ids[0] as string, 1);
    expect(await countOf(library, ids[0] as string)).toBe(1);
    const other = await Library.open(dataDir);
    await highlight(other, ids[0] as string, 2, ['elsewhere']);
    await highlight(other, ids[1] as string, 2);
    await other.deleteArticle(ids[2] as string);
    const rows = await library.summaries();
    expect(rows.map((row) => [row.id, row.highlightCount])).toEqual([
      [ids[0], 2],
      [ids[1], 1],
    ]);
    expect(await library.highlightTags()).toEqual(['elsewhere']);
  });

  it('are kept for the next start by the app (holding the lock), and rechecked against every file there', async () => {
    const { library: writer, dataDir, ids } = await libraryWithArticles(3);
    for (const id of ids) await highlight(writer, id, 1);
    const lock = await acquireWriteLock(dataDir, { waitMs: 1_000 });
    try {
      const app = await Library.open(dataDir, { lock });
      expect((await app.summaries()).map((row) => row.highlightCount)).toEqual([1, 1, 1]);
      await highlight(app, ids[1] as string, 3, ['saved']);
      expect((await app.summaries()).map((row) => row.highlightCount)).toEqual([1, 2, 1]);
    } finally {
      await lock.release();
    }
    expect(await readFile(annotationStatsFile(dataDir), 'utf8')).toContain(ids[1]);

    // Changed while the app was closed (a CLI command, a file put back by hand): read again.
    const file = JSON.parse(await readFile(annotationsFile(dataDir, ids[2] as string), 'utf8'));
    await writeFile(annotationsFile(dataDir, ids[2] as string), JSON.stringify({ ...file, annotations: [] }));
    const next = await acquireWriteLock(dataDir, { waitMs: 1_000 });
    try {
      const app = await Library.open(dataDir, { lock: next });
      expect((await app.summaries()).map((row) => row.highlightCount)).toEqual([1, 2, 0]);
      expect(await app.highlightTags()).toEqual(['saved']);
    } finally {
      await next.release();
    }
  });

  it('come out right from a library saved before they were kept, or with the counts file damaged', async () => {
    const { library: writer, dataDir, ids } = await libraryWithArticles(2);
    await highlight(writer, ids[0] as string, 1, ['old']);
    await writeFile(annotationStatsFile(dataDir), '{"format": "margin-annotation-stats", "version": 1, "articles": {"x": [');
    const lock = await acquireWriteLock(dataDir, { waitMs: 1_000 });
    try {
      const app = await Library.open(dataDir, { lock });
      expect((await app.summaries()).map((row) => row.highlightCount)).toEqual([1, 0]);
      expect(await app.highlightTags()).toEqual(['old']);
      expect(app.notices).toEqual([]);
    } finally {
      await lock.release();
    }
    expect(JSON.parse(await readFile(annotationStatsFile(dataDir), 'utf8')).articles[ids[0] as string]).toEqual([expect.any(String), 1, ['old']]);
  });

  it('are not written by a library opened only to read', async () => {
    const { library: writer, dataDir, ids } = await libraryWithArticles(1);
    await highlight(writer, ids[0] as string, 1);
    const before = await fileTree(dataDir);
    expect(Object.keys(before).some((path) => path.endsWith(ANNOTATION_STATS_FILE))).toBe(false);
    const reader = await Library.open(dataDir);
    expect(await countOf(reader, ids[0] as string)).toBe(1);
    expect(await fileTree(dataDir)).toEqual(before);
  });
});

describe('a library larger than what it keeps in memory', () => {
  it('loses no highlight when many articles are changed at once', async () => {
    const { library, dataDir, ids } = await libraryWithArticles(40);
    // Every article's file is opened and saved concurrently, far more than are kept open, so
    // documents are dropped and reopened while others are mid-save.
    const made = await Promise.all(ids.flatMap((id) => [highlight(library, id, 1), highlight(library, id, 2), highlight(library, id, 3)]));
    expect(made).toHaveLength(120);
    const reopened = await Library.open(dataDir);
    for (const id of ids) expect((await reopened.annotations(id)).map((a) => a.id).sort()).toEqual(made.filter((a) => a.articleId === id).map((a) => a.id).sort());
    expect((await library.summaries()).map((row) => row.highlightCount)).toEqual(ids.map(() => 3));
  });

  it('still checks a highlight against the right text after reading many others', async () => {
    const { library, ids } = await libraryWithArticles(20);
    const first = ids[0] as string;
    const { text } = await library.content(first);
    for (const id of ids.slice(1)) await library.content(id);
    const made = await library.addAnnotation(first, { color: 'green', note: '', target: describeSpan(text, 0, 7) });
    expect(made.target.quote.exact).toBe(text.slice(0, 7));
    const elsewhere = describeSpan((await library.content(ids[19] as string)).text, 0, 7);
    expect(elsewhere.quote.exact).not.toBe(text.slice(0, 7));
    await expect(library.addAnnotation(first, { color: 'green', note: '', target: elsewhere })).rejects.toThrow('not in this article');
  });
});
