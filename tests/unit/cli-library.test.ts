// The CLI beyond the basics: revisions, annotation status, tags, every export format, moving
// annotations between libraries, backup and restore, and living beside a running app.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library/library';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { fileTree } from './support/file-tree';
import { highlightPhrase } from './support/highlight';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin, marginJson as json } from './support/margin-cli';

const ARTICLE = [
  'Harbour news',
  '',
  'The ferry to the island leaves at nine every morning in summer.',
  '',
  'Fishermen say the catch this year was the best in a decade.',
  '',
  'The old lighthouse will be repainted in white and red stripes.',
].join('\n');

describe('revisions from the CLI', () => {
  it('--update re-anchors every highlight and reports how each fared', async () => {
    const dataDir = await tempDir();
    const file = join(await tempDir(), 'harbour.txt');
    await writeFile(file, ARTICLE);
    const { id } = await json<{ id: string }>(dataDir, 'import', file);
    await json(dataDir, 'highlight', id, '--quote', 'leaves at nine every morning');
    await json(dataDir, 'highlight', id, '--quote', 'the best in a decade', '--tag', 'fishing');
    await json(dataDir, 'highlight', id, '--quote', 'repainted in white and red stripes');
    const again = await margin(dataDir, 'import', file);
    expect(again.err).toBe(`${file} is already in the library as ${id}; add --as-new to import a copy or --update ${id} to replace it.\n`);

    const edited = ARTICLE.replace('Harbour news', 'Harbour news\n\nA new first paragraph, added by the editors after publication.')
      .replace('The old lighthouse will be repainted in white and red stripes.', 'The lighthouse stays as it is.');
    await writeFile(file, edited);
    const update = await margin(dataDir, 'import', file, '--update', id);
    expect(update.out).toBe(`${id}  revision 2: exact 0, moved 2, fuzzy 1, orphaned 0 (1 to review)\n`);

    const rows = await json<{ quote: string; status: string; needsReview: boolean; tags: string[] }[]>(dataDir, 'annotations', id);
    const byQuote = new Map(rows.map((r) => [r.quote, r]));
    expect(byQuote.get('leaves at nine every morning')).toMatchObject({ status: 'exact', needsReview: false });
    expect(byQuote.get('the best in a decade')).toMatchObject({ status: 'exact', needsReview: false, tags: ['fishing'] });
    // The changed sentence keeps its old words, listed for review with the best candidate.
    expect(byQuote.get('repainted in white and red stripes')).toMatchObject({ status: 'fuzzy', needsReview: true });
    const shown = await json<{ text: string; annotations: { quote: string; start: number; end: number }[] }>(dataDir, 'show', id);
    const first = shown.annotations.find((a) => a.quote === 'leaves at nine every morning');
    expect(shown.text.slice(first?.start, first?.end)).toBe('leaves at nine every morning');
  });
});

describe('exports from the CLI', () => {
  it('writes every format: CSV Readwise reads, JSON-LD, annotated HTML per article, Margin JSON', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    await json(dataDir, 'highlight', id, '--quote', 'sky shield', '--note', 'Europe, "all of it"');
    const out = await tempDir();

    expect((await margin(dataDir, 'export', '--format', 'csv', '--out', join(out, 'h.csv'))).code).toBe(0);
    const rows = parse(await readFile(join(out, 'h.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ Highlight: 'sky shield', Note: 'Europe, "all of it"', Location: '1' })]);

    const jsonld = JSON.parse((await margin(dataDir, 'export', id, '--format', 'jsonld')).out);
    expect(jsonld.type).toBe('AnnotationCollection');
    expect(jsonld.first.items[0].motivation).toBe('commenting');

    expect((await margin(dataDir, 'export', '--format', 'html', '--out', join(out, 'pages'))).code).toBe(0);
    const pages = await readdir(join(out, 'pages'));
    expect(pages).toEqual(['russia-says-it-has-advanced-nearly-2-miles-in-northeast-ukraine.html']);
    const page = await readFile(join(out, 'pages', pages[0] ?? ''), 'utf8');
    expect(page).toMatch(/<mark[^>]*>sky shield<\/mark>/u);
    expect(page).not.toMatch(/<script/iu);

    const library = JSON.parse((await margin(dataDir, 'export', '--format', 'json')).out);
    expect(library.articles[0].annotations[0].note).toBe('Europe, "all of it"');
  });
});

describe('annotations between libraries', () => {
  it('export as JSON-LD, then import into another library with the same article gives them back', async () => {
    const first = await tempDir();
    const { id } = await json<{ id: string }>(first, 'import', samplePath);
    await json(first, 'highlight', id, '--quote', 'the free city of Kupyansk', '--note', 'Front line', '--tag', 'place', '--color', 'pink');
    await json(first, 'highlight', id, '--quote', 'Chonhar bridge');
    const file = join(await tempDir(), 'notes.jsonld');
    expect((await margin(first, 'export', '--format', 'jsonld', '--out', file)).code).toBe(0);

    const second = await tempDir();
    const other = await json<{ id: string }>(second, 'import', samplePath);
    // Another library gives the article another id; the fingerprint of its text in the file finds it.
    const report = await json<{ attached: number; problems: string[] }>(second, 'import-annotations', file);
    expect(report).toMatchObject({ attached: 2, problems: [] });

    // The same library restored elsewhere keeps its ids: the annotations come back whole.
    const backup = join(await tempDir(), 'lib.tar.gz');
    expect((await margin(first, 'backup', backup)).code).toBe(0);
    const third = join(await tempDir(), 'restored');
    expect((await margin(third, 'restore', backup)).code).toBe(0);
    const before = await json<unknown[]>(first, 'annotations', id);
    expect(await json<unknown[]>(third, 'annotations', id)).toEqual(before);
    expect(other.id).not.toBe(id);
  });

  it('import-annotations attaches by article id after the annotations were removed', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    await json(dataDir, 'highlight', id, '--quote', 'our sky shield', '--note', 'Air defence', '--tag', 'defence');
    const file = join(await tempDir(), 'a.jsonld');
    await margin(dataDir, 'export', '--format', 'jsonld', '--out', file);
    const original = await json<unknown[]>(dataDir, 'annotations', id);

    const fresh = await tempDir();
    const archive = join(await tempDir(), 'a.tar.gz');
    await margin(dataDir, 'backup', archive);
    await margin(fresh, 'restore', archive);
    const again = await json<{ attached: number; alreadyThere: number }>(fresh, 'import-annotations', file);
    expect(again).toMatchObject({ attached: 0, alreadyThere: 1 });
    expect(await json<unknown[]>(fresh, 'annotations', id)).toEqual(original);
  });

  it('restore refuses a folder that already holds a library unless --force, and keeps the old one aside', async () => {
    const dataDir = await tempDir();
    await margin(dataDir, 'import', samplePath);
    const archive = join(await tempDir(), 'b.tar.gz');
    await margin(dataDir, 'backup', archive);
    const refused = await margin(dataDir, 'restore', archive);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^[^\n]+\n$/u);
    const forced = await margin(dataDir, 'restore', archive, '--force');
    expect(forced.out).toMatch(/The library that was there is kept at .+before-restore/u);
  });
});

describe('beside a running app', () => {
  it('a writing command says Margin is open; reading still works', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    const app = await acquireWriteLock(dataDir, { waitMs: 0, program: 'app' });
    try {
      const refused = await margin(dataDir, 'highlight', id, '--quote', 'sky shield');
      expect(refused).toMatchObject({ code: 1, err: 'Margin is open; close it or retry.\n' });
      expect((await margin(dataDir, 'list')).code).toBe(0);
    } finally {
      await app.release();
    }
    expect((await margin(dataDir, 'highlight', id, '--quote', 'sky shield')).code).toBe(0);
  });

  it('restore --force while the app has the library open says Margin is open and moves nothing; once it is closed the restore works', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    const archive = join(await tempDir(), 'b.tar.gz');
    expect((await margin(dataDir, 'backup', archive)).code).toBe(0);
    await margin(dataDir, 'highlight', id, '--quote', 'sky shield');
    const before = await fileTree(dataDir);
    const app = await acquireWriteLock(dataDir, { waitMs: 0, program: 'app' });
    try {
      const refused = await margin(dataDir, 'restore', archive, '--force');
      expect(refused).toEqual({ code: 1, out: '', err: 'Margin is open; close it or retry.\n' });
      // The app's library is where it was, and the app can still save.
      expect((await readdir(dirname(dataDir))).filter((name) => name.includes(basename(dataDir)) && name !== basename(dataDir))).toEqual([]);
      const stillOpen = await Library.open(dataDir, { lock: app });
      await highlightPhrase(stillOpen, id, 'Kupyansk');
    } finally {
      await app.release();
    }
    expect(Object.keys(await fileTree(dataDir))).toEqual(expect.arrayContaining(Object.keys(before)));

    const restored = await margin(dataDir, 'restore', archive, '--force');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/The library that was there is kept at .+before-restore/u);
    expect(await json<unknown[]>(dataDir, 'annotations', id)).toEqual([]);
    // The restored library takes the lock like any other: the next write works.
    expect((await margin(dataDir, 'highlight', id, '--quote', 'sky shield')).code).toBe(0);
  });
});

describe('search from the CLI', () => {
  it('finds a word in a note, a passage and a title, with diacritics folded', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    await json(dataDir, 'highlight', id, '--quote', 'Chonhar bridge', '--note', 'Crossing to the Crimée');
    const hits = await json<{ articleId: string; matches: { kind: string; snippet: { match: string } }[] }[]>(dataDir, 'search', 'crimee');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.articleId).toBe(id);
    expect(hits[0]?.matches.map((m) => m.kind)).toContain('note');
    const passage = await margin(dataDir, 'search', 'kupyans');
    expect(passage.out).toContain('text: ');
    expect(passage.out).toMatch(/\[Kupyansk\]/u);
    expect((await margin(dataDir, 'search', 'xylophone')).out).toBe('Nothing in the library matches “xylophone”.\n');
  });
});
