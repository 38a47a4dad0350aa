// Dates Margin cannot store (outside the years 1 to 9999) never reach the library: an imported
// one becomes unknown with a note, and a write that would hold one is refused before it is made,
// so a library never holds a file its next start would call damaged.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { AnnotationSchema, ArticleMetaSchema } from '../../electron/shared/model';
import { fileTree } from './support/file-tree';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const FAR_FUTURE = '+275760-09-13T00:00:00.000Z';

describe('an annotation file with a date beyond the year 9999', () => {
  it('import-annotations says so, stores the highlight with a date it can read back, and the library still opens with every highlight', async () => {
    const dataDir = await tempDir();
    const { id } = JSON.parse((await margin(dataDir, 'import', samplePath, '--json')).out) as { id: string };
    expect((await margin(dataDir, 'highlight', id, '--quote', 'Kharkiv region', '--json')).code).toBe(0);
    // A W3C file as another tool wrote it: Margin's own export, one annotation given a far date.
    const exported = JSON.parse((await margin(dataDir, 'export', id, '--format', 'jsonld')).out) as { first: { items: Record<string, unknown>[] } };
    const [annotation] = exported.first.items;
    if (annotation === undefined) throw new Error('nothing exported');
    delete annotation.id;
    annotation.created = FAR_FUTURE;
    annotation.modified = FAR_FUTURE;
    const file = join(await tempDir(), 'far.jsonld');
    await writeFile(file, JSON.stringify({ ...exported, first: { ...exported.first, items: [annotation] } }));

    const before = Date.now();
    const imported = await margin(dataDir, 'import-annotations', file);
    expect(imported).toMatchObject({ code: 0, out: 'Attached 1 annotation.\n' });
    expect(imported.err).toBe('2 dates Margin could not read were left unknown (the highlights carry the time of this import).\n');

    const library = await Library.open(dataDir);
    const highlights = await library.annotations(id);
    expect(library.notices).toEqual([]);
    expect(highlights).toHaveLength(2);
    for (const highlight of highlights) {
      expect(AnnotationSchema.safeParse(highlight).success).toBe(true);
      expect(Date.parse(highlight.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    // And the next command, which reads the file afresh, sees the same.
    const listed = JSON.parse((await margin(dataDir, 'annotations', id, '--json')).out) as unknown[];
    expect(listed).toHaveLength(2);
  });
});

describe('an article date beyond what Margin stores', () => {
  it('Markdown front matter: the date is left unknown and the import says so', async () => {
    const dataDir = await tempDir();
    const note = join(await tempDir(), 'far.md');
    await writeFile(note, ['---', 'title: Ponds', 'date: 10000-01-01', '---', '', 'The heron waits by the pond at dusk.', ''].join('\n'));
    const imported = await margin(dataDir, 'import', note, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out).notes).toEqual(['1 date Margin could not read was left unknown.']);
    const { id } = JSON.parse(imported.out) as { id: string };
    expect((await Library.open(dataDir)).meta(id).publishedAt).toBeNull();
  });

  it('an HTML page’s published time: left unknown, with the same note', async () => {
    const dataDir = await tempDir();
    const page = join(await tempDir(), 'far.html');
    const paragraph = '<p>The heron waits by the pond at dusk, and the frogs go quiet one by one until the water is still again.</p>';
    await writeFile(page, `<!doctype html><html><head><title>Ponds at dusk</title><meta property="article:published_time" content="${FAR_FUTURE}"></head><body><article><h1>Ponds at dusk</h1>${paragraph.repeat(12)}</article></body></html>`);
    const imported = await margin(dataDir, 'import', page);
    expect(imported.code).toBe(0);
    expect(imported.err).toContain('  1 date Margin could not read was left unknown.\n');
    const [meta] = (await Library.open(dataDir)).articles();
    expect(meta?.publishedAt).toBeNull();
  });

  it('an HTML page’s ordinary published time is kept as the page gives it', async () => {
    const dataDir = await tempDir();
    const page = join(await tempDir(), 'dated.html');
    const paragraph = '<p>The heron waits by the pond at dusk, and the frogs go quiet one by one until the water is still again.</p>';
    await writeFile(page, `<!doctype html><html><head><title>Ponds</title><meta property="article:published_time" content="2024-05-01T10:00:00+02:00"></head><body><article><h1>Ponds</h1>${paragraph.repeat(12)}</article></body></html>`);
    const imported = await margin(dataDir, 'import', page);
    expect(imported.err).not.toContain('could not read');
    expect((await Library.open(dataDir)).articles()[0]?.publishedAt).toBe('2024-05-01T10:00:00+02:00');
  });
});

describe('the stored date schema', () => {
  it('accepts the years 1 to 9999 and nothing beyond, in any zone', () => {
    const meta = (date: string) => ArticleMetaSchema.safeParse({ id: crypto.randomUUID(), title: 'T', byline: null, siteName: null, sourceUrl: null, sourceFile: null, format: 'text', wordCount: 1, importedAt: date, createdAt: date, updatedAt: date }).success;
    expect(meta('0001-01-01T00:00:00.000Z')).toBe(true);
    expect(meta('9999-12-31T23:59:59.999Z')).toBe(true);
    expect(meta('2024-05-01T10:00:00+02:00')).toBe(true);
    expect(meta(FAR_FUTURE)).toBe(false);
    expect(meta('0000-06-01T00:00:00.000Z')).toBe(false);
    // The same instants, written with a zone that moves them out of range.
    expect(meta('0001-01-01T00:30:00+01:00')).toBe(false);
    expect(meta('9999-12-31T23:30:00-01:00')).toBe(false);
  });
});

describe('a write that would not read back', () => {
  it('is refused in one sentence before anything is written; the library opens as it was', async () => {
    const { dataDir, sample, library } = await libraryWithSample();
    const made = await highlightPhrase(library, sample.id, 'Kharkiv');
    const before = await fileTree(dataDir);
    // As a bug or a hostile caller would hand it over, past every check but the store's own.
    const far = { ...made, id: crypto.randomUUID(), createdAt: FAR_FUTURE };
    await expect(library.restoreAnnotation(sample.id, far)).rejects.toThrow(
      'Margin refused to save annotations.json because part of it at annotations.1.createdAt would not read back (expected a date in the years 1 to 9999), so nothing was changed.',
    );
    expect(await fileTree(dataDir)).toEqual(before);
    expect(JSON.parse(await readFile(annotationsFile(dataDir, sample.id), 'utf8')).annotations).toHaveLength(1);
    const reopened = await Library.open(dataDir);
    expect(await reopened.annotations(sample.id)).toEqual([made]);
    expect(reopened.notices).toEqual([]);
  });
});
