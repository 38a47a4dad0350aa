// What the app does to an article, from a terminal: archive, trash, back to reading, tags; and
// what "export everything" then holds.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMetaFile } from '../../electron/core/library/files';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin, marginJson as json } from './support/margin-cli';

interface Exported {
  articles: { meta: { id: string; title: string; state: string; tags: string[] } }[];
}

async function exportedJson(dataDir: string, ...args: string[]): Promise<Exported> {
  const result = await margin(dataDir, 'export', ...args, '--format', 'json');
  if (result.code !== 0) throw new Error(result.err);
  return JSON.parse(result.out) as Exported;
}

async function threeArticles() {
  const dataDir = await tempDir();
  const folder = await tempDir();
  const ids: string[] = [];
  for (const name of ['Ferries', 'Lighthouses', 'Harbours']) {
    const file = join(folder, `${name.toLowerCase()}.txt`);
    await writeFile(file, `${name}\n\nA short article about ${name.toLowerCase()} on the coast.\n`);
    ids.push((await json<{ id: string }>(dataDir, 'import', file)).id);
  }
  const [reading = '', archived = '', trashed = ''] = ids;
  return { dataDir, reading, archived, trashed };
}

describe('article state from the CLI', () => {
  it('archive, trash and unarchive move an article as the app does, and list shows where it is', async () => {
    const { dataDir, reading } = await threeArticles();
    const state = async () => (await json<{ id: string; state: string }[]>(dataDir, 'list')).find((row) => row.id === reading)?.state;

    expect(await margin(dataDir, 'archive', reading)).toEqual({ code: 0, out: 'Archived “Ferries”.\n', err: '' });
    expect(await state()).toBe('archived');
    expect(await margin(dataDir, 'trash', reading)).toEqual({ code: 0, out: 'Moved “Ferries” to the trash.\n', err: '' });
    expect(await state()).toBe('trash');
    // Out of the trash, it goes back where it was, as the app's Restore puts it; then to reading.
    expect(await margin(dataDir, 'unarchive', reading)).toEqual({ code: 0, out: '“Ferries” is back in the archive.\n', err: '' });
    expect(await state()).toBe('archived');
    expect(await margin(dataDir, 'unarchive', reading)).toEqual({ code: 0, out: '“Ferries” is back in the reading list.\n', err: '' });
    expect(await state()).toBe('reading');
    expect(await json(dataDir, 'archive', reading)).toMatchObject({ id: reading, title: 'Ferries', state: 'archived', tags: [] });
  });

  it('unarchive takes an article out of the trash to where it was: reading, the archive, or reading when that was not kept', async () => {
    const { dataDir, reading, archived, trashed } = await threeArticles();
    const states = async () => new Map((await json<{ id: string; state: string }[]>(dataDir, 'list', '--state', 'all')).map((row) => [row.id, row.state]));
    for (const id of [archived, trashed]) await json(dataDir, 'archive', id);
    for (const id of [reading, archived, trashed]) await json(dataDir, 'trash', id);
    // An article trashed before Margin kept where it came from has no trashedFrom: this one came
    // from the archive, but the library no longer says so.
    const ownEntry = new RegExp(`("id":\\s*"${trashed}"[^}]*?"trashedFrom":\\s*)"archived"`, 'u');
    for (const file of [join(dataDir, 'library.json'), articleMetaFile(dataDir, trashed)]) {
      const stored = await readFile(file, 'utf8');
      const forgotten = file.endsWith('meta.json') ? stored.replace(/("trashedFrom":\s*)"archived"/u, '$1null') : stored.replace(ownEntry, '$1null');
      expect(forgotten).not.toBe(stored);
      await writeFile(file, forgotten);
    }
    expect((await states()).get(trashed)).toBe('trash');

    expect(await json(dataDir, 'unarchive', reading)).toMatchObject({ id: reading, state: 'reading' });
    expect(await margin(dataDir, 'unarchive', archived)).toEqual({ code: 0, out: '“Lighthouses” is back in the archive.\n', err: '' });
    expect(await margin(dataDir, 'unarchive', trashed)).toEqual({ code: 0, out: '“Harbours” is back in the reading list.\n', err: '' });
    expect(await states()).toEqual(new Map([[reading, 'reading'], [archived, 'archived'], [trashed, 'reading']]));
  });

  it('the help says where unarchive puts an article from the trash, and restore is for a backup', async () => {
    const help = (await margin(await tempDir(), 'help')).out;
    expect(help).toMatch(/unarchive[^]*from the trash, back where it was/u);
    expect(help).toMatch(/restore FILE/u);
  });

  it('an unknown id is one sentence and exit 1, and changes nothing', async () => {
    const { dataDir } = await threeArticles();
    const before = await margin(dataDir, 'list', '--json');
    const missing = '3f2b1c9e-0000-4000-8000-000000000000';
    for (const command of ['archive', 'trash', 'unarchive']) {
      expect(await margin(dataDir, command, missing)).toEqual({ code: 1, out: '', err: `There is no article with the id ${missing} in this library.\n` });
    }
    expect(await margin(dataDir, 'tag', missing, 'travel')).toMatchObject({ code: 1, err: `There is no article with the id ${missing} in this library.\n` });
    expect(await margin(dataDir, 'archive', 'not-an-id')).toMatchObject({ code: 1, err: 'An article id looks like 3f2b1c9e-…; run `margin list` to see them.\n' });
    expect(await margin(dataDir, 'list', '--json')).toEqual(before);
  });

  it('a writing article command says Margin is open while the app holds the library', async () => {
    const { dataDir, reading } = await threeArticles();
    const app = await acquireWriteLock(dataDir, { waitMs: 0, program: 'app' });
    try {
      // Side by side: each waits the same few seconds for the lock before it gives up.
      const commands = [['archive', reading], ['trash', reading], ['unarchive', reading], ['tag', reading, 'x'], ['untag', reading, 'x']];
      for (const result of await Promise.all(commands.map((args) => margin(dataDir, ...args)))) {
        expect(result).toMatchObject({ code: 1, err: 'Margin is open; close it or retry.\n' });
      }
    } finally {
      await app.release();
    }
  });
});

describe('article tags from the CLI', () => {
  it('tag and untag change the article’s tags, and the Markdown export’s front matter lists them', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    expect(await margin(dataDir, 'tag', id, 'ukraine', '#war/front', 'news')).toMatchObject({ code: 0, out: expect.stringContaining('#ukraine #war/front #news') });
    expect((await exportedJson(dataDir, id)).articles[0]?.meta.tags).toEqual(['ukraine', 'war/front', 'news']);

    const markdown = (await margin(dataDir, 'export', id, '--format', 'markdown')).out;
    expect(markdown).toContain('tags:\n  - "ukraine"\n  - "war/front"\n  - "news"\n');

    expect((await margin(dataDir, 'untag', id, 'news', 'ukraine')).code).toBe(0);
    expect((await exportedJson(dataDir, id)).articles[0]?.meta.tags).toEqual(['war/front']);
    // Tagging twice keeps one.
    await margin(dataDir, 'tag', id, 'war/front');
    expect((await exportedJson(dataDir, id)).articles[0]?.meta.tags).toEqual(['war/front']);
  });

  it('a tag with a space is refused in one sentence and the article keeps its tags', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    await margin(dataDir, 'tag', id, 'kept');
    const refused = await margin(dataDir, 'tag', id, 'two words');
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('A tag is letters, digits, -, _ or /, without spaces.\n');
    expect(await margin(dataDir, 'tag', id)).toMatchObject({ code: 1, err: 'tag needs an ID and at least one TAG.\n' });
    expect(await margin(dataDir, 'untag', id, 'absent')).toMatchObject({ code: 0, err: '“Russia says it has advanced nearly 2 miles in northeast Ukraine” had no tag #absent.\n' });
    expect((await exportedJson(dataDir, id)).articles[0]?.meta.tags).toEqual(['kept']);
  });
});

describe('exporting everything', () => {
  it('exports reading and archived articles and leaves the trash out unless --state all', async () => {
    const { dataDir, reading, archived, trashed } = await threeArticles();
    await margin(dataDir, 'archive', archived);
    await margin(dataDir, 'trash', trashed);
    const ids = async (...args: string[]) => (await exportedJson(dataDir, ...args)).articles.map((a) => a.meta.id).sort();

    expect(await ids()).toEqual([reading, archived].sort());
    expect(await ids('--state', 'all')).toEqual([reading, archived, trashed].sort());
    expect(await ids('--state', 'trash')).toEqual([trashed]);
    expect(await ids('--state', 'archived')).toEqual([archived]);
    // An article named by its id is exported wherever it is.
    expect(await ids(trashed)).toEqual([trashed]);
    expect(await margin(dataDir, 'export', trashed, '--state', 'all', '--format', 'json')).toMatchObject({
      code: 1,
      err: '--state chooses articles when no ID is given; give IDs or --state, not both.\n',
    });
  });

  it('a Readwise CSV defuses a note that starts like a formula, and --csv-exact writes it as typed', async () => {
    const dataDir = await tempDir();
    const { id } = await json<{ id: string }>(dataDir, 'import', samplePath);
    await json(dataDir, 'highlight', id, '--quote', 'the free city of Kupyansk', '--note', '=HYPERLINK("https://example.org","x")');
    const safe = await margin(dataDir, 'export', '--format', 'csv');
    expect(safe.out).toContain(`,"'=HYPERLINK(""https://example.org"",""x"")",1,`);
    const exact = await margin(dataDir, 'export', '--format', 'csv', '--csv-exact');
    expect(exact.out).toContain(`,"=HYPERLINK(""https://example.org"",""x"")",1,`);
    expect(await margin(dataDir, 'export', '--format', 'markdown', '--csv-exact')).toMatchObject({ code: 1, err: '--csv-exact is for --format csv.\n' });
  });
});
