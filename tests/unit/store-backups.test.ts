import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupSet, fileStamp } from '../../electron/core/library/backups';
import { durableWrite } from '../../electron/core/library/durable-write';
import { annotationsFile, libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { fileTree } from './support/file-tree';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { tempDir } from './support/temp-dir';

describe('a file’s backups', () => {
  it('keeps the newest N versions, in backups/ beside the file, named by time', async () => {
    const dir = await tempDir();
    const backups = new BackupSet(join(dir, 'library.json'), durableWrite, 3);
    for (const n of [1, 2, 3, 4, 5]) await backups.save(`version ${n}`);
    const names = await readdir(join(dir, 'backups'));
    expect(names).toHaveLength(3);
    expect(names.every((name) => /^library-\d{8}T\d{9}Z\.json$/u.test(name))).toBe(true);
    const kept = await backups.list();
    expect(await Promise.all(kept.map((b) => readFile(b.path, 'utf8')))).toEqual(['version 5', 'version 4', 'version 3']);
  });

  it('does not keep the same version twice in a row', async () => {
    const dir = await tempDir();
    const backups = new BackupSet(join(dir, 'annotations.json'), durableWrite, 3);
    await backups.save('same');
    await backups.save('same');
    expect(await backups.list()).toHaveLength(1);
  });

  it('orders saves made in the same millisecond', async () => {
    const dir = await tempDir();
    const fixed = new Date('2025-11-25T16:08:44.123Z');
    const backups = new BackupSet(join(dir, 'a.json'), durableWrite, 5, () => fixed);
    for (const n of [1, 2, 3]) await backups.save(`v${n}`);
    const kept = await backups.list();
    expect(await readFile(kept[0]?.path ?? '', 'utf8')).toBe('v3');
    expect(kept.map((b) => fileStamp(b.takenAt))).toEqual(['20251125T160844125Z', '20251125T160844124Z', '20251125T160844123Z']);
  });

  it('finds the newest backup that is good, skipping damaged ones', async () => {
    const dir = await tempDir();
    const backups = new BackupSet(join(dir, 'a.json'), durableWrite, 5);
    await backups.save('{"good": 1}');
    await backups.save('{"good": 2}');
    await backups.save('{"goo');
    const good = await backups.newestGood((text) => JSON.parse(text) as { good: number });
    expect(good?.value).toEqual({ good: 2 });
    expect(await new BackupSet(join(dir, 'b.json'), durableWrite, 5).newestGood((text) => JSON.parse(text) as unknown)).toBeNull();
  });
});

describe('backups of the library', () => {
  it('keep the version found on disk before a session’s first save, and one every M saves', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const library = await Library.open(dataDir, { backups: { keep: 10, every: 3 } });
    const annotationBackups = new BackupSet(annotationsFile(dataDir, sample.id), durableWrite, 10);
    expect(await annotationBackups.list()).toEqual([]);
    await highlightPhrase(library, sample.id, 'Kharkiv');
    const counts = async () =>
      Promise.all((await annotationBackups.list()).map(async (b) => JSON.parse(await readFile(b.path, 'utf8')).annotations.length));
    expect(await counts()).toEqual([0]);
    await highlightPhrase(library, sample.id, 'Kupyansk');
    await highlightPhrase(library, sample.id, 'sky shield');
    expect(await counts()).toEqual([3, 0]);
    await library.markSampleAdded();
    const libraryBackups = await new BackupSet(libraryFile(dataDir), durableWrite, 10).list();
    expect(libraryBackups).toHaveLength(1);
    expect(JSON.parse(await readFile(libraryBackups[0]?.path ?? '', 'utf8')).settings.sampleAdded).toBe(false);
  });

  it('keep only the last N versions of each file', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const library = await Library.open(dataDir, { backups: { keep: 2, every: 1 } });
    for (const phrase of ['Kharkiv', 'Kupyansk', 'sky shield', 'Chonhar bridge']) await highlightPhrase(library, sample.id, phrase);
    const kept = await new BackupSet(annotationsFile(dataDir, sample.id), durableWrite, 2).list();
    expect(kept).toHaveLength(2);
    expect(JSON.parse(await readFile(kept[0]?.path ?? '', 'utf8')).annotations).toHaveLength(4);
  });

  it('reading writes nothing: no backups, no lock, no changed file', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    await highlightPhrase(library, sample.id, 'Kharkiv');
    await writeFile(join(dataDir, 'unrelated.txt'), 'x');
    const before = await fileTree(dataDir);
    const reader = await Library.open(dataDir);
    await reader.summaries();
    await reader.annotations(sample.id);
    await reader.content(sample.id);
    expect(await fileTree(dataDir)).toEqual(before);
  });
});
