// Bad input for the store: each gives one clear sentence, loses nothing, and crashes nothing.
import { chmod, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { importPlainText } from '../../electron/core/import/import-file';
import { durableWrite, type FileWriter } from '../../electron/core/library/durable-write';
import { annotationsFile, articleDir, libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { fileTree } from './support/file-tree';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { commandExists, runNodeScript, type BuiltScript } from './support/node-script';
import { buildStoreWriter } from './support/store-writer';
import { tempDir } from './support/temp-dir';

const DISK_FULL = 'The disk is full, so Margin could not save this change; your library is as it was before it.';

/** A disk that fails with code once `failing` is set: after writing part of a temp file, as a full disk does. */
function flakyDisk(code: string) {
  const disk = {
    failing: false,
    writer: (async (path, data) => {
      if (!disk.failing) return durableWrite(path, data);
      // write-file-atomic removes its temp file when the write fails; so does this.
      await writeFile(`${path}.partial-temp`, String(data).slice(0, 10));
      await rm(`${path}.partial-temp`);
      throw Object.assign(new Error(`${code}: simulated`), { code });
    }) as FileWriter,
  };
  return disk;
}

describe('size limits', () => {
  it('too many articles: refused in one sentence, nothing written', async () => {
    const { dataDir } = await libraryWithSample();
    const library = await Library.open(dataDir, { limits: { maxArticles: 1 } });
    const before = await fileTree(dataDir);
    await expect(library.addArticle(importPlainText('Another\n\nText.', null))).rejects.toThrow(
      'The library already holds 1 articles, the most Margin keeps; remove some before importing more.',
    );
    expect(await fileTree(dataDir)).toEqual(before);
    expect(library.articles()).toHaveLength(1);
  });

  it('an article too large: refused in one sentence, nothing written', async () => {
    const dataDir = await tempDir();
    const library = await Library.open(dataDir, { limits: { maxArticleBytes: 1024 * 1024 } });
    await expect(library.addArticle(importPlainText(`Big\n\n${'word '.repeat(300_000)}`, 'big.txt'))).rejects.toThrow(
      'This article is larger than 1 MB, too large for the library.',
    );
    expect(await fileTree(dataDir)).toEqual({});
  });

  it('too many highlights on one article: refused, the file unchanged', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const library = await Library.open(dataDir, { limits: { maxHighlightsPerArticle: 2 } });
    await highlightPhrase(library, sample.id, 'Kharkiv');
    await highlightPhrase(library, sample.id, 'Kupyansk');
    const before = await readFile(annotationsFile(dataDir, sample.id), 'utf8');
    await expect(highlightPhrase(library, sample.id, 'sky shield')).rejects.toThrow(
      'This article already has 2 highlights, the most Margin keeps for one article.',
    );
    expect(await readFile(annotationsFile(dataDir, sample.id), 'utf8')).toBe(before);
    expect(await library.annotations(sample.id)).toHaveLength(2);
  });

  it('notes that would make a file too large: refused, the file unchanged', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const library = await Library.open(dataDir, { limits: { maxFileBytes: 250 * 1024 } });
    const longNote = 'n'.repeat(99_000);
    await highlightPhrase(library, sample.id, 'Kharkiv', longNote);
    await highlightPhrase(library, sample.id, 'Kupyansk', longNote);
    const before = await readFile(annotationsFile(dataDir, sample.id), 'utf8');
    await expect(highlightPhrase(library, sample.id, 'sky shield', longNote)).rejects.toThrow(
      'This article’s highlights and notes would be larger than 250 KB, so this change was not saved; shorten some notes.',
    );
    expect(await readFile(annotationsFile(dataDir, sample.id), 'utf8')).toBe(before);
    expect(await library.annotations(sample.id)).toHaveLength(2);
  });
});

describe('a full disk', () => {
  it('a highlight that cannot be saved: one sentence, the previous file intact, memory as before', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const disk = flakyDisk('ENOSPC');
    const library = await Library.open(dataDir, { writer: disk.writer });
    const kept = await highlightPhrase(library, sample.id, 'Kharkiv');
    const before = await fileTree(dataDir);
    disk.failing = true;
    await expect(highlightPhrase(library, sample.id, 'Kupyansk')).rejects.toThrow(DISK_FULL);
    await expect(library.updateAnnotation(sample.id, kept.id, { note: 'changed' })).rejects.toThrow(DISK_FULL);
    await expect(library.deleteAnnotation(sample.id, kept.id)).rejects.toThrow(DISK_FULL);
    expect(await fileTree(dataDir)).toEqual(before);
    expect(await library.annotations(sample.id)).toEqual([kept]);
    // Space freed: saving works again, from the state that was on disk.
    disk.failing = false;
    await highlightPhrase(library, sample.id, 'Kupyansk');
    expect(await (await Library.open(dataDir)).annotations(sample.id)).toHaveLength(2);
  });

  it('an import that cannot be saved: one sentence, no half-written article left', async () => {
    const { dataDir } = await libraryWithSample();
    const disk = flakyDisk('ENOSPC');
    const library = await Library.open(dataDir, { writer: disk.writer });
    const before = await fileTree(dataDir);
    disk.failing = true;
    await expect(library.addArticle(importPlainText('New\n\nSome text.', null))).rejects.toThrow(DISK_FULL);
    expect(await fileTree(dataDir)).toEqual(before);
    expect(library.articles()).toHaveLength(1);
  });

  it('when even the backup cannot be written: the same sentence, nothing changed', async () => {
    const { dataDir, sample } = await libraryWithSample();
    let calls = 0;
    const writer: FileWriter = async (path, data) => {
      calls += 1;
      if (path.includes('backups')) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      return durableWrite(path, data);
    };
    const library = await Library.open(dataDir, { writer });
    const before = await fileTree(dataDir);
    await expect(highlightPhrase(library, sample.id, 'Kharkiv')).rejects.toThrow(DISK_FULL);
    expect(calls).toBe(1);
    expect(await fileTree(dataDir)).toEqual(before);
  });
});

describe('a read-only data dir', () => {
  it('(the system refuses writes) opens and reads; a save fails in one sentence; nothing changes', async () => {
    const { library: first, dataDir, sample } = await libraryWithSample();
    await highlightPhrase(first, sample.id, 'Kharkiv');
    const disk = flakyDisk('EROFS');
    disk.failing = true;
    const library = await Library.open(dataDir, { writer: disk.writer });
    expect(await library.annotations(sample.id)).toHaveLength(1);
    const before = await fileTree(dataDir);
    await expect(highlightPhrase(library, sample.id, 'Kupyansk')).rejects.toThrow(
      `Margin cannot write to its data folder ${dataDir} (it is read-only), so this change was not saved; nothing was lost.`,
    );
    await expect(library.addArticle(importPlainText('New\n\nText.', null))).rejects.toThrow(UserError);
    expect(await fileTree(dataDir)).toEqual(before);
  });

  describe('(for real: a folder this process may not write to)', () => {
    let script: BuiltScript;
    beforeAll(async () => {
      script = await buildStoreWriter();
    }, 60_000);
    afterAll(() => script?.remove());

    it('a writer process fails in one sentence, no crash, nothing changed', async (context) => {
      // As root every folder is writable, so the writer runs without the powers that make it so.
      const asRoot = process.getuid?.() === 0;
      if (asRoot && !commandExists('setpriv')) {
        console.warn('skipped: running as root needs util-linux setpriv to give up the power to ignore permissions');
        context.skip();
      }
      const { library, dataDir, sample } = await libraryWithSample();
      await highlightPhrase(library, sample.id, 'Kharkiv');
      const before = await fileTree(dataDir);
      const folders = [dataDir, join(dataDir, 'articles'), articleDir(dataDir, sample.id), join(script.path, '..')];
      for (const folder of folders) await chmod(folder, 0o555);
      try {
        for (const mode of ['session', 'per-change'] as const) {
          const job = JSON.stringify({ dataDir, mode, count: 1, waitMs: 0, articleEvery: 0, tag: 'ro', waitForGo: false });
          const writer = runNodeScript(script.path, [job], { withoutRootPowers: asRoot });
          expect({ mode, exit: await writer.exited, stderr: writer.stderr() }).toEqual({
            mode,
            exit: { code: 3, signal: null },
            stderr: `Margin cannot write to its data folder ${dataDir} (it is read-only), so this change was not saved; nothing was lost.\n`,
          });
        }
      } finally {
        for (const folder of folders) await chmod(folder, 0o755);
      }
      expect(await fileTree(dataDir)).toEqual(before);
    }, 60_000);
  });
});

describe('inconsistent files', () => {
  it('a library.json of valid JSON with wrong types and no backup: the list is rebuilt from the folders, the bad file kept aside', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const file = JSON.parse(await readFile(libraryFile(dataDir), 'utf8'));
    file.articles[0].importedAt = 12;
    file.settings.sampleAdded = 'yes';
    const bad = JSON.stringify(file);
    await writeFile(libraryFile(dataDir), bad);
    const library = await Library.open(dataDir);
    expect(library.articles()).toEqual([sample]);
    expect(library.notices).toEqual([
      expect.stringMatching(/^library\.json was damaged \(unexpected contents\); Margin kept it as library\.json\.damaged-\d{8}T\d{9}Z and rebuilt the list of 1 article from their folders; colour names and settings start afresh\.$/u),
    ]);
    const aside = (await readdir(dataDir)).find((name) => name.startsWith('library.json.damaged-'));
    expect(await readFile(join(dataDir, aside ?? ''), 'utf8')).toBe(bad);
  });

  it('a library.json of wrong types in a library whose folders hold no records yet, and no backup: refused in one sentence, left as it was', async () => {
    const { dataDir, sample } = await libraryWithSample();
    await rm(join(articleDir(dataDir, sample.id), 'meta.json'));
    const file = JSON.parse(await readFile(libraryFile(dataDir), 'utf8'));
    file.articles[0].importedAt = 12;
    const bad = JSON.stringify(file);
    await writeFile(libraryFile(dataDir), bad);
    await expect(Library.open(dataDir)).rejects.toThrow(
      'library.json is damaged (unexpected contents) and Margin has no good backup of it, so it left the file as it was.',
    );
    expect(await readFile(libraryFile(dataDir), 'utf8')).toBe(bad);
  });

  it('an annotations file whose article library.json does not list: reported, left untouched, not readable as an article', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const stray = crypto.randomUUID();
    const library = await Library.open(dataDir);
    const made = await highlightPhrase(library, sample.id, 'Kharkiv');
    const strayFile = JSON.stringify({ schemaVersion: 1, articleId: stray, articleNote: '', annotations: [{ ...made, articleId: stray }] });
    await mkdir(articleDir(dataDir, stray), { recursive: true });
    await writeFile(annotationsFile(dataDir, stray), strayFile);
    // An interrupted import leaves a folder with no highlights: nothing to report.
    const leftover = crypto.randomUUID();
    await mkdir(articleDir(dataDir, leftover), { recursive: true });
    await writeFile(annotationsFile(dataDir, leftover), JSON.stringify({ schemaVersion: 1, articleId: leftover, articleNote: '', annotations: [] }));
    const reopened = await Library.open(dataDir);
    expect(reopened.notices).toEqual([
      `Margin found highlights for an article that library.json does not list (articles/${stray}) and left them untouched.`,
    ]);
    expect(reopened.articles().map((a) => a.id)).toEqual([sample.id]);
    await expect(reopened.annotations(stray)).rejects.toThrow(`There is no article with the id ${stray} in this library.`);
    expect(await readFile(annotationsFile(dataDir, stray), 'utf8')).toBe(strayFile);
    expect((await stat(articleDir(dataDir, leftover))).isDirectory()).toBe(true);
  });
});
