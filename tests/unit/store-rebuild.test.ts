// The library list comes back from the article folders, not from an old backup: a damaged or
// missing library.json never drops an article that is on disk from the list.
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../electron/core/import/import-file';
import { articleMetaFile, libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { fileTree } from './support/file-tree';
import { highlightPhrase } from './support/highlight';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const article = (title: string) => importPlainText(`${title}\n\nThe heron waits by the pond at dusk, and the frogs go quiet.`, `${title}.txt`);

/**
 * Three articles, each with a highlight; the newest backup of library.json holds only the first
 * (taken at the app session's first save), and a colour name set before it.
 */
async function threeArticlesBackedUpAfterTheFirst() {
  const dataDir = await tempDir();
  const first = await Library.open(dataDir);
  const one = await first.addArticle(article('One'));
  await first.setColorLabel('green', 'evidence');
  const lock = await acquireWriteLock(dataDir);
  const app = await Library.open(dataDir, { lock });
  const two = await app.addArticle(article('Two'));
  const three = await app.addArticle(article('Three'));
  for (const meta of [one, two, three]) await highlightPhrase(app, meta.id, 'heron');
  await lock.release();
  const backups = await readdir(join(dataDir, 'backups'));
  expect(backups).toHaveLength(1);
  const backedUp = JSON.parse(await readFile(join(dataDir, 'backups', backups[0] ?? ''), 'utf8')) as { articles: { id: string }[] };
  expect(backedUp.articles.map((a) => a.id)).toEqual([one.id]);
  return { dataDir, ids: [one.id, two.id, three.id] };
}

describe('rebuilding the library list from the article folders', () => {
  it('a damaged library.json: all three articles are listed, with their highlights and colour names, and a notice', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    const good = await readFile(libraryFile(dataDir), 'utf8');
    await writeFile(libraryFile(dataDir), good.slice(0, 300));
    const listed = await margin(dataDir, 'list', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as { id: string; highlights: number }[]).map((row) => [row.id, row.highlights])).toEqual(ids.map((id) => [id, 1]));
    expect(listed.err).toMatch(/^library\.json was damaged \(not valid JSON\); Margin kept it as library\.json\.damaged-\d{8}T\d{9}Z and rebuilt the list of 3 articles from their folders; colour names and settings are those of the backup from [\d-]+ [\d:]+\.\n$/u);
    const library = await Library.open(dataDir);
    expect(library.notices).toEqual([]);
    expect(library.colorLabels).toEqual({ green: 'evidence' });
  });

  it('a deleted library.json: the same three articles, and a notice that it was missing', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    await rm(libraryFile(dataDir));
    const listed = await margin(dataDir, 'list', '--json');
    expect((JSON.parse(listed.out) as { id: string }[]).map((row) => row.id)).toEqual(ids);
    expect(listed.err).toMatch(/^library\.json was missing; Margin rebuilt the list of 3 articles from their folders; colour names and settings are those of the backup from [\d-]+ [\d:]+\.\n$/u);
  });

  it('a change to an article (archived, tagged) is in its folder before the list, so the rebuilt list has it', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    const [, two = ''] = ids;
    expect((await margin(dataDir, 'archive', two)).code).toBe(0);
    expect((await margin(dataDir, 'tag', two, 'ponds')).code).toBe(0);
    const folder = JSON.parse(await readFile(articleMetaFile(dataDir, two), 'utf8')) as { article: { state: string; tags: string[] } };
    expect(folder.article).toMatchObject({ state: 'archived', tags: ['ponds'] });
    await rm(libraryFile(dataDir));
    const rows = JSON.parse((await margin(dataDir, 'list', '--json')).out) as { id: string; state: string }[];
    expect(rows.find((row) => row.id === two)?.state).toBe('archived');
  });

  it('an article deleted for good does not come back when the list is rebuilt', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    const [one = ''] = ids;
    const library = await Library.open(dataDir);
    await library.updateArticle(one, { state: 'trash' });
    await library.deleteArticle(one);
    await rm(libraryFile(dataDir));
    expect((await Library.open(dataDir)).articles().map((a) => a.id)).toEqual(ids.slice(1));
  });
});

describe('a library from before article records (Margin 0.1)', () => {
  /** The same library as Margin 0.1 left it: no meta.json in the folders, no mark in library.json. */
  async function asMargin01Left(dataDir: string, ids: readonly string[]) {
    for (const id of ids) await rm(articleMetaFile(dataDir, id));
    const file = JSON.parse(await readFile(libraryFile(dataDir), 'utf8')) as Record<string, unknown>;
    delete file.foldersHoldMeta;
    await writeFile(libraryFile(dataDir), JSON.stringify(file));
  }

  it('opened to read, it is left exactly as it was', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    await asMargin01Left(dataDir, ids);
    const before = await fileTree(dataDir);
    expect((await margin(dataDir, 'list')).code).toBe(0);
    expect(await fileTree(dataDir)).toEqual(before);
  });

  it('opened by the app (under the write lock), every folder gets its record; a damaged list then loses nothing', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    await asMargin01Left(dataDir, ids);
    const lock = await acquireWriteLock(dataDir);
    await Library.open(dataDir, { lock });
    await lock.release();
    for (const id of ids) expect(JSON.parse(await readFile(articleMetaFile(dataDir, id), 'utf8'))).toMatchObject({ schemaVersion: 1, article: { id } });
    await writeFile(libraryFile(dataDir), '{"schemaVersion": 1, "arti');
    expect((await Library.open(dataDir)).articles().map((a) => a.id)).toEqual(ids);
  });

  it('changed by the CLI, every folder gets its record before the change', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    await asMargin01Left(dataDir, ids);
    const [one = ''] = ids;
    expect((await margin(dataDir, 'archive', one)).code).toBe(0);
    for (const id of ids) expect(JSON.parse(await readFile(articleMetaFile(dataDir, id), 'utf8'))).toMatchObject({ article: { id } });
    expect(JSON.parse(await readFile(libraryFile(dataDir), 'utf8'))).toMatchObject({ foldersHoldMeta: true });
  });

  it('with a damaged list and no records yet, the articles the backup lists come back from it, the others are reported', async () => {
    const { dataDir, ids } = await threeArticlesBackedUpAfterTheFirst();
    await asMargin01Left(dataDir, ids);
    await writeFile(libraryFile(dataDir), '');
    const library = await Library.open(dataDir);
    expect(library.articles().map((a) => a.id)).toEqual(ids.slice(0, 1));
    expect(library.notices).toEqual([
      expect.stringMatching(/^library\.json was damaged \(empty\); Margin kept it as library\.json\.damaged-\d{8}T\d{9}Z and rebuilt the list of 1 article from their folders \(one as of the backup from [\d-]+ [\d:]+, as its folder had no record yet\); colour names and settings are those of the backup from [\d-]+ [\d:]+\.$/u),
      'Margin found highlights for 2 articles that library.json does not list (articles/' + [...ids.slice(1)].sort()[0] + ' and others) and left them untouched.',
    ]);
  });
});
