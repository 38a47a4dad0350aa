// Every file the store keeps goes through its lowdb adapter (validated-json-adapter.ts) and the
// durable writer under it: after an import, highlights, a colour's name and a search, each file in
// the library was written with its bytes fsynced, then renamed into place, then its folder
// fsynced, and nothing reached the disk another way. And what a file's reader would refuse is
// never written, whichever file it is.
import { randomUUID } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it, vi } from 'vitest';
import { storeAsset } from '../../electron/core/assets/asset-store';
import { UserError } from '../../electron/core/errors';
import { importFile } from '../../electron/core/import/import-file';
import { annotationStatsFile, writeAnnotationStats } from '../../electron/core/library/annotation-stats';
import { DailyReview } from '../../electron/core/review/daily-review';
import { createDurableWriter } from '../../electron/core/library/durable-write';
import { libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { LIBRARY_MIGRATIONS, LibraryFileSchema, emptyLibrary, type LibraryFile } from '../../electron/core/library/schemas';
import { ValidatedJsonAdapter } from '../../electron/core/library/validated-json-adapter';
import { writeLockFolder, acquireWriteLock } from '../../electron/core/library/write-lock';
import { LibrarySearch } from '../../electron/core/search/library-search';
import { SearchIndex } from '../../electron/core/search/search-index';
import { faultyDisk, type FaultyDisk } from './support/faulty-fs';
import { highlightPhrase } from './support/highlight';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';

/** Every file under dir, by full path, except the write lock (proper-lockfile's, not the store's) and the search texts (derived, written without fsync by design). */
async function storeFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const top = relative(dir, path).split('/')[0];
    if (entry.isFile() && top !== relative(dir, writeLockFolder(dir)) && top !== 'search-text') found.push(path);
  }
  return found.sort();
}

/** The steps each write to path took, in order, one list per write. */
function writesOf(disk: FaultyDisk, path: string): string[][] {
  const writes: string[][] = [];
  for (const event of disk.events) {
    if (event.step === 'open' && event.path === path) writes.push([]);
    const current = writes.at(-1);
    if (current === undefined) continue;
    if (event.path === path) current.push(event.step);
    else if (event.step === 'folder-sync' && event.path === dirname(path) && current.at(-1) === 'rename') current.push(event.step);
  }
  return writes;
}

describe('every file of the store', () => {
  it('after an import, highlights, a colour’s name and a search, each file was fsynced, renamed, then its folder fsynced', async () => {
    const dataDir = await tempDir();
    const disk = faultyDisk();
    const writer = createDurableWriter(disk.fs);
    const throughAdapter = new Set<string>();
    const write = ValidatedJsonAdapter.prototype.write;
    const spy = vi.spyOn(ValidatedJsonAdapter.prototype, 'write').mockImplementation(function (this: ValidatedJsonAdapter<unknown>, data) {
      throughAdapter.add(this.path);
      return write.call(this, data);
    });
    const lock = await acquireWriteLock(dataDir, { waitMs: 1_000 });
    try {
      const library = await Library.open(dataDir, { writer, lock, backups: { every: 2 } });
      const sample = await library.addArticle(await importFile(samplePath));
      await highlightPhrase(library, sample.id, 'Kharkiv', 'a note');
      await highlightPhrase(library, sample.id, 'Kupyansk');
      await library.setColorLabel('green', 'evidence');
      const search = await LibrarySearch.open(library, { writeFile: writer });
      expect((await search.search('Kharkiv')).map((result) => result.articleId)).toEqual([sample.id]);
      expect((await new DailyReview(library).open('2026-12-08')).cards).toHaveLength(2);

      const files = await storeFiles(dataDir);
      const names = files.map((path) => relative(dataDir, path).replace(sample.id, '<id>').replace(/-\d{8}T\d{9}Z/u, '-<time>'));
      // Every kind of store file, and backups taken along the way: each one checked below.
      for (const expected of ['library.json', 'annotation-stats.json', 'search-index.json', 'review.json', 'articles/<id>/annotations.json', 'articles/<id>/meta.json']) {
        expect(names).toContain(expected);
      }
      expect(names).toContain('articles/<id>/backups/annotations-<time>.json');
      for (const path of files) {
        const writes = writesOf(disk, path);
        expect(writes.length, `${relative(dataDir, path)} was written through the durable writer`).toBeGreaterThan(0);
        for (const steps of writes) expect(steps.filter((step) => step !== 'write')).toEqual(['open', 'sync', 'stat', 'rename', 'folder-sync']);
        // Backups are byte copies of versions the adapter wrote or read; the article's body is HTML.
        const copy = path.includes('/backups/') || path.endsWith('.html');
        if (!copy) expect(throughAdapter, `${relative(dataDir, path)} went through the lowdb adapter`).toContain(path);
      }
    } finally {
      spy.mockRestore();
      await lock.release();
    }
  });

  it('an image is fsynced, renamed, then its folder fsynced, before its name is given back', async () => {
    const dataDir = await tempDir();
    const disk = faultyDisk();
    const name = await storeAsset(dataDir, new Uint8Array(3000).fill(9), 'png', createDurableWriter(disk.fs));
    disk.events.push({ step: 'open', name: 'acknowledged', path: 'acknowledged' });
    expect(disk.events.filter((e) => e.step !== 'write').map((e) => `${e.step} ${e.name}`)).toEqual([
      `open ${name}`,
      `sync ${name}`,
      `stat ${name}`,
      `rename ${name}`,
      'folder-sync assets',
      'open acknowledged',
    ]);
  });
});

describe('what a file’s reader would refuse', () => {
  const format = { schema: LibraryFileSchema, migrations: LIBRARY_MIGRATIONS };

  it('is never written: the list keeps its last good version, and the disk is not touched', async () => {
    const path = join(await tempDir(), 'library.json');
    const disk = faultyDisk();
    const db = new Low(new ValidatedJsonAdapter<LibraryFile>(path, format, { writer: createDurableWriter(disk.fs) }), emptyLibrary());
    await db.write();
    const good = await readFile(path, 'utf8');
    disk.events.length = 0;
    db.data.settings.colorLabels = { green: 'x'.repeat(41) };
    await expect(db.write()).rejects.toThrow(
      'Margin refused to save library.json because part of it at settings.colorLabels.green would not read back (Too big: expected string to have <=40 characters), so nothing was changed.',
    );
    expect(disk.events).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(good);
  });

  it('a highlight count that could not be read back is not saved in annotation-stats.json', async () => {
    const dataDir = await tempDir();
    const stats = new Map([[randomUUID(), { signature: 'a', count: -1, tags: [] }]]);
    await expect(writeAnnotationStats(dataDir, stats, createDurableWriter(faultyDisk().fs))).rejects.toThrow(UserError);
    await expect(readFile(annotationStatsFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a search index that could not be loaded again is not saved: the saved one stays and still loads', async () => {
    const dataDir = await tempDir();
    const index = await SearchIndex.open(dataDir);
    const id = randomUUID();
    const text = 'Herons wait at the pond.';
    const meta = { id, title: 'Herons', byline: null, siteName: null, updatedAt: '2024-06-01T00:00:00.000Z' };
    index.upsertArticle({ meta, text, annotations: [] });
    await index.save();
    const saved = await readFile(index.path, 'utf8');
    const odd = { id: randomUUID(), articleId: id, note: '', tags: [], updatedAt: meta.updatedAt, target: { quote: { exact: 'wait' }, position: { start: 7.5, end: 11 } } };
    index.upsertAnnotation(odd);
    await expect(index.save()).rejects.toThrow(UserError);
    expect(await readFile(index.path, 'utf8')).toBe(saved);
    expect((await SearchIndex.open(dataDir)).loadState).toBe('loaded');
  });

  it('a library.json written by hand with a bad entry is read as damaged, not half-trusted', async () => {
    const dataDir = await tempDir();
    await writeFile(libraryFile(dataDir), JSON.stringify({ ...emptyLibrary(), articles: [{ id: 'not an article' }] }));
    await expect(new ValidatedJsonAdapter(libraryFile(dataDir), format).read()).rejects.toMatchObject({ damage: 'unexpected contents' });
  });
});
