// A damaged file is put back from its newest good backup, the damaged one kept aside, and the
// person told in one sentence; with no good backup Margin refuses and leaves the file. Never an
// empty library or an article without its highlights in silence.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { annotationsFile, articleDir, libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { tempDir } from './support/temp-dir';

/** Valid JSON, every field present, one of them the wrong type. */
function wrongTypes(good: string): string {
  const file = JSON.parse(good);
  if (Array.isArray(file.articles)) file.articles[0].wordCount = 'many';
  if (Array.isArray(file.annotations)) file.annotations[0].target.position.start = 'five';
  return JSON.stringify(file);
}

const DAMAGE: [string, (good: string) => string, string][] = [
  ['garbled', () => '\u0000\u0000\u0000 garbage \u00ff', 'not valid JSON'],
  ['cut short', (good) => good.slice(0, Math.floor(good.length / 2)), 'not valid JSON'],
  ['empty', () => '', 'empty'],
  ['valid JSON of the wrong shape', () => JSON.stringify({ schemaVersion: 1, articles: 'all of them', annotations: {} }), 'unexpected contents'],
  ['valid JSON with wrong types', wrongTypes, 'unexpected contents'],
];

/** A library with a highlight in its backups, and one saved after the last backup. */
async function libraryWithBackups() {
  const { dataDir, sample } = await libraryWithSample();
  const backedUp = await Library.open(dataDir, { backups: { every: 1 } });
  const kept = await highlightPhrase(backedUp, sample.id, 'Kharkiv', 'kept');
  await backedUp.markSampleAdded();
  // Saved after the newest backup: what a restore loses, and says it loses.
  const later = await highlightPhrase(await Library.open(dataDir), sample.id, 'Kupyansk', 'after the backup');
  return { dataDir, sample, kept, later };
}

const STAMP = String.raw`\d{8}T\d{9}Z`;
const TIME = String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`;

describe('a damaged library.json', () => {
  for (const [name, damage, reason] of DAMAGE) {
    it(`(${name}) is kept aside and the list rebuilt from the article folders, with one sentence`, async () => {
      const { dataDir, sample } = await libraryWithBackups();
      const bad = damage(await readFile(libraryFile(dataDir), 'utf8'));
      await writeFile(libraryFile(dataDir), bad);
      const notices: string[] = [];
      const library = await Library.open(dataDir, { onNotice: (s) => notices.push(s) });
      expect(library.articles().map((a) => a.id)).toEqual([sample.id]);
      expect(library.notices).toEqual(notices);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(
        new RegExp(
          `^library\\.json was damaged \\(${reason}\\); Margin kept it as library\\.json\\.damaged-${STAMP} and rebuilt the list of 1 article from their folders; colour names and settings are those of the backup from ${TIME}\\.$`,
          'u',
        ),
      );
      const aside = (await readdir(dataDir)).find((f) => f.startsWith('library.json.damaged-'));
      expect(await readFile(join(dataDir, aside ?? ''), 'latin1')).toBe(Buffer.from(bad).toString('latin1'));
      // The rebuilt file is good on its own: the next open needs no repair.
      expect((await Library.open(dataDir)).notices).toEqual([]);
    });
  }

  it('with no article records and no good backup: Margin refuses to open, in one sentence, and leaves the file', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'articles'));
    const bad = '{"schemaVersion": 1, "articles": [{"id": 5}], "settings": {}}';
    await writeFile(libraryFile(dataDir), bad);
    const error = await Library.open(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe('library.json is damaged (unexpected contents) and Margin has no good backup of it, so it left the file as it was.');
    expect(await readFile(libraryFile(dataDir), 'utf8')).toBe(bad);
  });

  it('with only damaged backups: rebuilt from the folders, settings afresh', async () => {
    const { dataDir, sample } = await libraryWithBackups();
    for (const name of await readdir(join(dataDir, 'backups'))) await writeFile(join(dataDir, 'backups', name), '{');
    await writeFile(libraryFile(dataDir), '');
    const library = await Library.open(dataDir);
    expect(library.articles().map((a) => a.id)).toEqual([sample.id]);
    expect(library.notices).toEqual([expect.stringMatching(/and rebuilt the list of 1 article from their folders; colour names and settings start afresh\.$/u)]);
  });

  it('gone missing: rebuilt from the folders, not started over empty', async () => {
    const { dataDir, sample } = await libraryWithBackups();
    await rm(libraryFile(dataDir));
    const library = await Library.open(dataDir);
    expect(library.articles().map((a) => a.id)).toEqual([sample.id]);
    expect(library.notices).toEqual([
      expect.stringMatching(new RegExp(`^library\\.json was missing; Margin rebuilt the list of 1 article from their folders; colour names and settings are those of the backup from ${TIME}\\.$`, 'u')),
    ]);
  });

  it('saved by a newer Margin: refused and left alone, not replaced by a backup', async () => {
    const { dataDir } = await libraryWithBackups();
    const newer = JSON.stringify({ schemaVersion: 9, articles: [], settings: {}, shelves: [] });
    await writeFile(libraryFile(dataDir), newer);
    await expect(Library.open(dataDir)).rejects.toThrow('library.json was saved by a newer version of Margin (format 9); update Margin to open it.');
    expect(await readFile(libraryFile(dataDir), 'utf8')).toBe(newer);
  });
});

describe('a damaged annotations.json', () => {
  it('a newest backup cut short (a full disk of an older Margin) is never the one put back: the newest good one is', async () => {
    const { dataDir, sample, kept, later } = await libraryWithBackups();
    // One more session that keeps a backup after each save: the newest backup holds all three.
    await highlightPhrase(await Library.open(dataDir, { backups: { every: 1 } }), sample.id, 'sky shield');
    const folder = join(articleDir(dataDir, sample.id), 'backups');
    const names = (await readdir(folder)).sort();
    const newest = names[names.length - 1];
    if (newest === undefined || names.length < 2) throw new Error('expected several backups');
    const text = await readFile(join(folder, newest), 'utf8');
    await writeFile(join(folder, newest), text.slice(0, Math.floor(text.length / 2)));
    await writeFile(annotationsFile(dataDir, sample.id), '');
    const library = await Library.open(dataDir);
    expect((await library.annotations(sample.id)).map((a) => a.id)).toEqual([kept.id, later.id]);
    expect(library.notices).toEqual([expect.stringMatching(/^The highlights file of .+ was damaged \(empty\); .+ and restored the backup from /u)]);
  });

  for (const [name, damage] of DAMAGE) {
    it(`(${name}) is restored from its backup when the article is read, with one sentence`, async () => {
      const { dataDir, sample, kept } = await libraryWithBackups();
      await writeFile(annotationsFile(dataDir, sample.id), damage(await readFile(annotationsFile(dataDir, sample.id), 'utf8')));
      const library = await Library.open(dataDir);
      expect(await library.annotations(sample.id)).toEqual([kept]);
      expect(library.notices).toEqual([
        expect.stringMatching(
          new RegExp(
            `^The highlights file of “${sample.title}” was damaged \\(.+\\); Margin kept it as articles/${sample.id}/annotations\\.json\\.damaged-${STAMP} and restored the backup from ${TIME}, so changes made after that time are missing\\.$`,
            'u',
          ),
        ),
      ]);
    });
  }

  it('that names another article is damaged too', async () => {
    const { dataDir, sample, kept } = await libraryWithBackups();
    const file = JSON.parse(await readFile(annotationsFile(dataDir, sample.id), 'utf8'));
    await writeFile(annotationsFile(dataDir, sample.id), JSON.stringify({ ...file, articleId: crypto.randomUUID() }));
    const library = await Library.open(dataDir);
    expect(await library.annotations(sample.id)).toEqual([kept]);
    expect(library.notices).toHaveLength(1);
  });

  it('with no backup: reading the article fails in one sentence, the list still shows, the file is left', async () => {
    const { library: first, dataDir, sample } = await libraryWithSample();
    await highlightPhrase(first, sample.id, 'Kharkiv');
    await rm(join(articleDir(dataDir, sample.id), 'backups'), { recursive: true, force: true });
    await writeFile(annotationsFile(dataDir, sample.id), '{"schemaVersion": 1, "annot');
    const library = await Library.open(dataDir);
    const sentence = `The highlights file of “${sample.title}” is damaged (not valid JSON) and Margin has no good backup of it, so it left the file as it was.`;
    await expect(library.annotations(sample.id)).rejects.toThrow(sentence);
    const [row] = await library.summaries();
    expect(row?.id).toBe(sample.id);
    expect(library.notices).toEqual([sentence]);
    await expect(library.deleteAnnotation(sample.id, crypto.randomUUID())).rejects.toThrow(sentence);
    expect(await readFile(annotationsFile(dataDir, sample.id), 'utf8')).toBe('{"schemaVersion": 1, "annot');
  });
});
