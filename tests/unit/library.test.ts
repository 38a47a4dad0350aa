import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring';
import { UserError } from '../../electron/core/errors';
import { annotationsFile, articleHtmlFile, libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { addSampleToNewLibrary } from '../../electron/core/library/sample';
import { importPlainText } from '../../electron/core/import/import-file';
import { libraryWithSample } from './support/library';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';

async function highlight(library: Library, articleId: string, phrase: string, note = '') {
  const { text } = await library.content(articleId);
  const start = text.indexOf(phrase);
  return library.addAnnotation(articleId, { color: 'green', note, target: describeSpan(text, start, start + phrase.length) });
}

describe('library store', () => {
  it('keeps metadata, body and annotations in their own files', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    await highlight(library, sample.id, 'the free city of Kupyansk', 'Where the fighting is');
    const index = JSON.parse(await readFile(libraryFile(dataDir), 'utf8'));
    expect(index.schemaVersion).toBe(1);
    expect(index.articles.map((a: { title: string }) => a.title)).toEqual([sample.title]);
    expect(JSON.stringify(index)).not.toContain('Kupyansk');
    expect(await readFile(articleHtmlFile(dataDir, sample.id), 'utf8')).toContain('<figure>');
    const annotations = JSON.parse(await readFile(annotationsFile(dataDir, sample.id), 'utf8'));
    expect(annotations.annotations[0].target.quote.exact).toBe('the free city of Kupyansk');
  });

  it('finds highlights and notes again after the library is reopened', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    const made = await highlight(library, sample.id, 'sky shield', 'Key phrase');
    const reopened = await Library.open(dataDir);
    const [found] = await reopened.annotations(sample.id);
    expect(found).toEqual(made);
    expect((await reopened.summaries())[0]?.highlightCount).toBe(1);
  });

  it('saving a highlight rewrites only that article’s annotations file', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    const other = await library.addArticle(importPlainText('Other\n\nSome other words here.', 'other.txt'));
    // Dated to long ago, so a rewrite at any moment now shows as a new modification time.
    const longAgo = new Date('2001-01-01T00:00:00Z');
    for (const file of [libraryFile(dataDir), articleHtmlFile(dataDir, sample.id)]) await utimes(file, longAgo, longAgo);
    const before = {
      library: (await stat(libraryFile(dataDir))).mtimeMs,
      body: (await stat(articleHtmlFile(dataDir, sample.id))).mtimeMs,
      otherNotes: await readFile(annotationsFile(dataDir, other.id), 'utf8'),
    };
    expect(before.library).toBe(longAgo.getTime());
    await highlight(library, sample.id, 'Kharkiv');
    expect((await stat(libraryFile(dataDir))).mtimeMs).toBe(before.library);
    expect((await stat(articleHtmlFile(dataDir, sample.id))).mtimeMs).toBe(before.body);
    expect(await readFile(annotationsFile(dataDir, other.id), 'utf8')).toBe(before.otherNotes);
  });

  it('edits and deletes notes and highlights', async () => {
    const { library, sample } = await libraryWithSample();
    const made = await highlight(library, sample.id, 'Kharkiv region', 'first');
    const edited = await library.updateAnnotation(sample.id, made.id, { note: 'second', color: 'pink' });
    expect(edited).toMatchObject({ note: 'second', color: 'pink', createdAt: made.createdAt });
    await library.deleteAnnotation(sample.id, made.id);
    expect(await library.annotations(sample.id)).toEqual([]);
    await expect(library.deleteAnnotation(sample.id, made.id)).rejects.toThrow(UserError);
  });

  it('lists highlights in reading order', async () => {
    const { library, sample } = await libraryWithSample();
    await highlight(library, sample.id, 'Chonhar bridge');
    await highlight(library, sample.id, 'Russian officials claimed');
    const quotes = (await library.annotations(sample.id)).map((a) => a.target.quote.exact);
    expect(quotes).toEqual(['Russian officials claimed', 'Chonhar bridge']);
  });

  it('refuses a highlight whose text is not in the article, and an unknown article', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    const target = describeSpan('Some text that is not the article at all', 5, 9);
    await expect(library.addAnnotation(sample.id, { color: 'yellow', note: '', target })).rejects.toThrow('not in this article');
    await expect(library.annotations('00000000-0000-4000-8000-000000000000')).rejects.toThrow('no article with the id');
    expect(JSON.parse(await readFile(annotationsFile(dataDir, sample.id), 'utf8')).annotations).toEqual([]);
  });

  it('refuses to open a damaged library.json and leaves it as it was', async () => {
    const dataDir = await tempDir();
    await writeFile(libraryFile(dataDir), '{"schemaVersion": 1, "articles": [');
    await expect(Library.open(dataDir)).rejects.toThrow('library.json is damaged');
    expect(await readFile(libraryFile(dataDir), 'utf8')).toBe('{"schemaVersion": 1, "articles": [');
  });

  it('adds the sample to a new library once, and never again', async () => {
    const dataDir = await tempDir();
    const library = await Library.open(dataDir);
    expect(await addSampleToNewLibrary(library, samplePath)).toBe(true);
    expect(library.articles().map((a) => a.title)).toEqual(['Russia says it has advanced nearly 2 miles in northeast Ukraine']);
    expect(await addSampleToNewLibrary(await Library.open(dataDir), samplePath)).toBe(false);
    expect((await Library.open(dataDir)).articles()).toHaveLength(1);
  });
});
