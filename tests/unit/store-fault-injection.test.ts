// A disk that fails at each step of a durable write (short writes, ENOSPC/EDQUOT/EIO at write,
// fsync, rename and folder sync, a size that does not match), injected at the lowest layer the
// writer uses, so the same path is covered on every machine (store-full-disk.test.ts needs root).
// Each time: the previous file is intact, no temp file is left, the person reads one sentence, and
// nothing is acknowledged.
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeAsset } from '../../electron/core/assets/asset-store';
import { UserError } from '../../electron/core/errors';
import { importPlainText } from '../../electron/core/import/import-file';
import { createDurableWriter, durableWrite } from '../../electron/core/library/durable-write';
import { annotationsFile, libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { fileTree } from './support/file-tree';
import { faultyDisk, type Fault } from './support/faulty-fs';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { tempDir } from './support/temp-dir';

const DISK_FULL = 'The disk is full, so Margin could not save this change; your library is as it was before it.';
const DISK_FAILING =
  'The disk reported an input/output error, so Margin could not confirm this change was saved; the disk may be failing, so copy your library elsewhere before going on.';

const FAULTS: { name: string; fault: Fault; sentence: string }[] = [
  { name: 'ENOSPC after part of the file was written', fault: { at: 'write', code: 'ENOSPC', after: 1 }, sentence: DISK_FULL },
  { name: 'EDQUOT at the first write', fault: { at: 'write', code: 'EDQUOT' }, sentence: DISK_FULL },
  { name: 'ENOSPC when the temp file is made', fault: { at: 'open', code: 'ENOSPC' }, sentence: DISK_FULL },
  { name: 'ENOSPC at fsync', fault: { at: 'sync', code: 'ENOSPC' }, sentence: DISK_FULL },
  { name: 'ENOSPC at rename', fault: { at: 'rename', code: 'ENOSPC' }, sentence: DISK_FULL },
  { name: 'EIO at write', fault: { at: 'write', code: 'EIO' }, sentence: DISK_FAILING },
  { name: 'EIO at fsync', fault: { at: 'sync', code: 'EIO' }, sentence: DISK_FAILING },
];

/** Reads every file under dir, with temp files named by what they are. */
async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((name) => /\.[0-9a-f]{12}\.tmp$/u.test(name));
}

describe('the durable writer on a failing disk', () => {
  for (const { name, fault } of FAULTS) {
    it(`${name}: the previous file stays, no temp file is left, the write is not acknowledged`, async () => {
      const dir = await tempDir();
      const path = join(dir, 'notes.json');
      await writeFile(path, 'the previous version');
      const disk = faultyDisk();
      disk.shortWrites = 7;
      disk.fault = fault;
      let acknowledged = false;
      const error = await createDurableWriter(disk.fs)(path, 'a new version, longer than a single short write')
        .then(() => (acknowledged = true))
        .catch((e: unknown) => e);
      expect(acknowledged).toBe(false);
      expect(error).toMatchObject({ code: fault.code });
      expect(await readFile(path, 'utf8')).toBe('the previous version');
      expect(await readdir(dir)).toEqual(['notes.json']);
    });
  }

  it('short writes: it keeps writing until every byte is on disk', async () => {
    const dir = await tempDir();
    const path = join(dir, 'notes.json');
    const disk = faultyDisk();
    disk.shortWrites = 3;
    const text = 'ü'.repeat(1000);
    await createDurableWriter(disk.fs)(path, text);
    expect(await readFile(path, 'utf8')).toBe(text);
    expect(disk.events.filter((e) => e.step === 'write').length).toBe(Math.ceil(Buffer.byteLength(text) / 3));
  });

  it('a file that holds fewer bytes than were written is never renamed into place', async () => {
    const dir = await tempDir();
    const path = join(dir, 'notes.json');
    await writeFile(path, 'the previous version');
    const disk = faultyDisk();
    disk.lieAboutSize = true;
    await expect(createDurableWriter(disk.fs)(path, 'new')).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(path, 'utf8')).toBe('the previous version');
    expect(await readdir(dir)).toEqual(['notes.json']);
  });

  it('fsyncs the data, then renames, then fsyncs the folder, all before it acknowledges', async () => {
    const dir = await tempDir();
    const disk = faultyDisk();
    await createDurableWriter(disk.fs)(join(dir, 'notes.json'), 'text').then(() => disk.events.push({ step: 'open', name: 'acknowledged', path: 'acknowledged' }));
    const order = disk.events.map((e) => `${e.step} ${e.name}`);
    expect(order).toEqual(['open notes.json', 'write notes.json', 'sync notes.json', 'stat notes.json', 'rename notes.json', `folder-sync ${dir.split('/').pop()}`, 'open acknowledged']);
  });

  it('refuses to replace a folder, a link or a pipe with a file, in one sentence', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'folder'));
    await expect(durableWrite(join(dir, 'folder'), 'x')).rejects.toThrow(`${join(dir, 'folder')} is a folder, not a regular file, so Margin did not replace it.`);
    await writeFile(join(dir, 'elsewhere.txt'), 'kept');
    await symlink(join(dir, 'elsewhere.txt'), join(dir, 'link.json'));
    await expect(durableWrite(join(dir, 'link.json'), 'x')).rejects.toThrow(UserError);
    expect(await readFile(join(dir, 'elsewhere.txt'), 'utf8')).toBe('kept');
    expect((await readdir(dir)).sort()).toEqual(['elsewhere.txt', 'folder', 'link.json']);
  });
});

/** Every kind of save the store makes, each on a library with one highlighted article. */
const SAVES: { name: string; save: (library: Library, id: string, highlightId: string) => Promise<unknown>; writesList?: true }[] = [
  { name: 'a new highlight', save: (library, id) => highlightPhrase(library, id, 'Kupyansk') },
  { name: 'a changed note', save: (library, id, highlightId) => library.updateAnnotation(id, highlightId, { note: 'changed' }) },
  { name: 'a deleted highlight', save: (library, id, highlightId) => library.deleteAnnotation(id, highlightId) },
  { name: 'the article’s note', save: (library, id) => library.setArticleNote(id, 'a note on the whole article') },
  { name: 'an article archived', save: (library, id) => library.updateArticle(id, { state: 'archived' }), writesList: true },
  { name: 'a colour’s name', save: (library) => library.setColorLabel('green', 'evidence'), writesList: true },
  { name: 'an import', save: (library) => library.addArticle(importPlainText('Herons\n\nThey wait at the pond.', 'herons.txt')), writesList: true },
  {
    name: 'a new revision',
    save: async (library, id) => library.addRevision(id, importPlainText(`${(await library.content(id)).text}\n\nA paragraph added later.`, 'again.txt')),
    writesList: true,
  },
];

describe('every save of the store on a failing disk', () => {
  for (const { name, save, writesList } of SAVES) {
    // At the first file the save writes, and (for saves that also change the list) at library.json, the last.
    const placements = writesList ? ['', ' at library.json'] : [''];
    for (const [placement, { name: faultName, fault: anyFile, sentence }] of placements.flatMap((p) => FAULTS.map((f) => [p, f] as const))) {
      it(`${name}, ${faultName}${placement}: one sentence, nothing on disk or in memory changed`, async () => {
        const { dataDir, sample } = await libraryWithSample();
        const disk = faultyDisk();
        const library = await Library.open(dataDir, { writer: createDurableWriter(disk.fs) });
        const made = await highlightPhrase(library, sample.id, 'Kharkiv');
        // This session's backups are taken on its first save of each file; take them now.
        await library.setColorLabel('yellow', 'key');
        const before = await fileTree(dataDir);
        const listed = library.articles();
        const highlights = await library.annotations(sample.id);
        disk.shortWrites = 64;
        const listFile = libraryFile(dataDir);
        disk.fault = placement === '' ? anyFile : { ...anyFile, target: (path) => path === listFile };
        let acknowledged = false;
        const error = await save(library, sample.id, made.id)
          .then(() => (acknowledged = true))
          .catch((e: unknown) => e);
        expect(acknowledged).toBe(false);
        expect(error).toBeInstanceOf(UserError);
        expect((error as Error).message).toBe(sentence);
        expect(await tempFiles(dataDir)).toEqual([]);
        // A rename that failed or never came leaves every file as it was.
        expect(await fileTree(dataDir)).toEqual(before);
        expect(library.articles()).toEqual(listed);
        expect(await library.annotations(sample.id)).toEqual(highlights);
        // Space back: the same save works, and a fresh open sees it.
        disk.fault = null;
        await save(library, sample.id, made.id);
        expect((await Library.open(dataDir)).notices).toEqual([]);
      });
    }
  }

  it('an image that cannot be stored: one sentence, no image file, no temp file', async () => {
    const dataDir = await tempDir();
    const disk = faultyDisk();
    disk.fault = { at: 'sync', code: 'ENOSPC' };
    await expect(storeAsset(dataDir, new Uint8Array(5000).fill(7), 'png', createDurableWriter(disk.fs))).rejects.toThrow(DISK_FULL);
    expect(await readdir(join(dataDir, 'assets'))).toEqual([]);
  });

  it('a highlight save fsyncs annotations.json, renames it, then fsyncs its folder, before it is acknowledged', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const disk = faultyDisk();
    const library = await Library.open(dataDir, { writer: createDurableWriter(disk.fs) });
    await highlightPhrase(library, sample.id, 'Kharkiv');
    disk.events.length = 0;
    await highlightPhrase(library, sample.id, 'Kupyansk').then(() => disk.events.push({ step: 'open', name: 'acknowledged', path: 'acknowledged' }));
    const order = disk.events.map((e) => `${e.step} ${e.name}`);
    const at = (entry: string) => order.indexOf(entry);
    const steps: string[] = ['sync annotations.json', 'rename annotations.json', `folder-sync ${sample.id}`, 'open acknowledged'];
    for (const entry of steps) expect(order).toContain(entry);
    expect(steps.map(at)).toEqual([...steps.map(at)].sort((a, b) => a - b));
    expect(await readFile(annotationsFile(dataDir, sample.id), 'utf8')).toContain('Kupyansk');
  });
});
