import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[relative(dir, path)] = await readFile(path, 'utf8');
    }
  }
  return files;
}

describe('margin CLI', () => {
  it('a highlight tag typed with its # is kept without it', async () => {
    const dataDir = await tempDir();
    const { id } = JSON.parse((await margin(dataDir, 'import', samplePath, '--json')).out);
    const made = await margin(dataDir, 'highlight', id, '--quote', 'Kharkiv region', '--tag', '#frontline', '--json');
    expect(made.err).toBe('');
    expect(JSON.parse(made.out).tags).toEqual(['frontline']);
  });

  it('a page with very little text is imported all the same, and the person is told it may not be the whole piece', async () => {
    const dataDir = await tempDir();
    const page = join(repoRoot, 'tests', 'fixtures', 'html-import', 'sign-in-page-kept-with-a-note', 'source.html');
    const imported = await margin(dataDir, 'import', page);
    expect(imported.code).toBe(0);
    expect(imported.err).toBe('  Margin found only 10 words on this page, so it may be a sign-in page or a teaser rather than the whole piece.\n');
    const listed = await margin(dataDir, 'list', '--json');
    expect(JSON.parse(listed.out)).toHaveLength(1);
  });

  it('round trip: import, highlight with a note, list, show, export', async () => {
    const dataDir = await tempDir();
    const imported = await margin(dataDir, 'import', samplePath, '--json');
    expect(imported.code).toBe(0);
    const { id, title } = JSON.parse(imported.out);
    expect(title).toBe('Russia says it has advanced nearly 2 miles in northeast Ukraine');

    const made = await margin(dataDir, 'highlight', id, '--quote', "Ukraine's Kharkiv region", '--note', 'Liberated last September', '--color', 'blue', '--json');
    expect(made.err).toBe('');
    const annotation = JSON.parse(made.out);
    expect(annotation).toMatchObject({ quote: 'Ukraine’s Kharkiv region', note: 'Liberated last September', color: 'blue' });

    const list = JSON.parse((await margin(dataDir, 'list', '--json')).out);
    expect(list).toEqual([{ id, title, highlights: 1, state: 'reading' }]);

    const shown = JSON.parse((await margin(dataDir, 'show', id, '--json')).out);
    expect(Object.keys(shown)).toEqual(['id', 'title', 'byline', 'source', 'url', 'lang', 'dir', 'excerpt', 'tags', 'state', 'importedAt', 'wordCount', 'text', 'figures', 'annotations']);
    expect(shown.figures).toHaveLength(5);
    expect(shown.figures[4]).toEqual({
      caption: 'Russian President Vladimir Putin has remained steadfast in his country’s push to conquer eastern Ukraine.',
      credit: 'AP',
      image: null,
    });
    expect(shown.annotations).toEqual([annotation]);
    expect(shown.text.slice(annotation.start, annotation.end)).toBe('Ukraine’s Kharkiv region');

    const exported = await margin(dataDir, 'export', id, '--format', 'markdown');
    expect(exported.out).toContain(`# ${title}`);
    expect(exported.out).toContain('source: "ukraine-advance.txt"');
    expect(exported.out).toContain('> Ukraine’s Kharkiv region\n\nLiberated last September');

    const outFile = join(await tempDir(), 'notes.md');
    expect((await margin(dataDir, 'export', '--format', 'markdown', '--out', outFile)).code).toBe(0);
    const withoutExportTime = (text: string) => text.replace(/^exported: .*$/mu, '');
    expect(withoutExportTime(await readFile(outFile, 'utf8'))).toBe(withoutExportTime(exported.out));
  });

  it('show --json tells a note\'s language, direction, byline, excerpt, address, tags and state', async () => {
    const dataDir = await tempDir();
    const note = join(await tempDir(), 'heron.md');
    const paragraph = 'הבריכה קפאה בראשון בדצמבר, ואנפה עמדה על שפתה כל בוקר במשך שבוע, מחכה שהקרח יישבר.';
    await writeFile(note, ['---', 'url: https://birds.example/he/heron', 'tags: [birds, ponds]', '---', '# האנפה', '', '*מאת רות אוקורו*', '', paragraph, ''].join('\n'));
    const { id } = JSON.parse((await margin(dataDir, 'import', note, '--json')).out);
    const shown = JSON.parse((await margin(dataDir, 'show', id, '--json')).out);
    expect(shown).toMatchObject({
      title: 'האנפה',
      byline: 'רות אוקורו',
      source: 'https://birds.example/he/heron',
      url: 'https://birds.example/he/heron',
      lang: 'he',
      dir: 'rtl',
      excerpt: paragraph,
      tags: ['birds', 'ponds'],
      state: 'reading',
    });
    expect(shown.text.trim()).toBe(paragraph);
  });

  it('show --json of an article stored by Margin 0.1 has no excerpt and no language, rather than failing', async () => {
    const dataDir = await tempDir();
    const { id } = JSON.parse((await margin(dataDir, 'import', samplePath, '--json')).out);
    const file = join(dataDir, 'library.json');
    const library = JSON.parse(await readFile(file, 'utf8'));
    for (const article of library.articles) {
      delete article.excerpt;
      delete article.language;
      delete article.direction;
    }
    await writeFile(file, JSON.stringify(library));
    const shown = JSON.parse((await margin(dataDir, 'show', id, '--json')).out);
    expect(shown).toMatchObject({ excerpt: null, lang: null, dir: null, url: null, tags: [], state: 'reading' });
  });

  it('asks which occurrence when a quote appears more than once', async () => {
    const dataDir = await tempDir();
    const { id } = JSON.parse((await margin(dataDir, 'import', samplePath, '--json')).out);
    const ambiguous = await margin(dataDir, 'highlight', id, '--quote', 'Kharkiv');
    expect(ambiguous).toMatchObject({ code: 1, out: '' });
    expect(ambiguous.err).toBe('That quote appears 3 times in the article; add --occurrence N (1 to 3) to choose one.\n');
    const second = JSON.parse((await margin(dataDir, 'highlight', id, '--quote', 'Kharkiv', '--occurrence', '2', '--json')).out);
    const { text } = JSON.parse((await margin(dataDir, 'show', id, '--json')).out);
    expect(second.start).toBe(text.indexOf('Kharkiv', text.indexOf('Kharkiv') + 1));
  });

  it('finds a typed quote that spans a paragraph break', async () => {
    const dataDir = await tempDir();
    const { id } = JSON.parse((await margin(dataDir, 'import', samplePath, '--json')).out);
    const made = JSON.parse((await margin(dataDir, 'highlight', id, '--quote', 'over the weekend. "Over the past three days', '--json')).out);
    expect(made.quote).toBe('over the weekend.\n“Over the past three days');
  });

  it('bad input: one sentence on stderr, exit 1, library untouched', async () => {
    const dataDir = await tempDir();
    const { id } = JSON.parse((await margin(dataDir, 'import', samplePath, '--json')).out);
    const empty = join(await tempDir(), 'empty.txt');
    await writeFile(empty, '');
    const binary = join(await tempDir(), 'binary.txt');
    await writeFile(binary, new Uint8Array([0, 1, 2, 3, 255, 0]));
    const latin1 = join(await tempDir(), 'latin1.txt');
    await writeFile(latin1, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const before = await snapshot(dataDir);
    const cases: [string[], string][] = [
      [['import', empty], 'empty.txt is empty.'],
      [['import', binary], 'binary.txt is a binary file, not a text article.'],
      [['import', latin1], 'latin1.txt is not UTF-8 text; save it as UTF-8 and import it again.'],
      [['show', '7c9e6679-7425-40de-944b-e07fc1f90ae7', '--json'], 'There is no article with the id 7c9e6679-7425-40de-944b-e07fc1f90ae7 in this library.'],
      [['show', 'not-an-id'], 'An article id looks like 3f2b1c9e-…; run `margin list` to see them.'],
      [['highlight', id, '--quote', 'words that are nowhere'], 'That quote is not in the article.'],
      [['highlight', id, '--quote', 'Kharkiv', '--occurrence', '9'], 'That quote appears 3 times; --occurrence must be 1 to 3.'],
      [['highlight', id, '--quote', 'Kupyansk', '--occurrence', '1', '--color', 'orange'], '--color is one of yellow, green, blue, pink, purple.'],
      [['export', '--format', 'pdf'], 'export needs --format markdown|csv|jsonld|html|json.'],
      [['export', '--format', 'markdown', '--out', '/nonexistent-margin-dir/notes.md'], 'Margin could not write /nonexistent-margin-dir/notes.md: its folder does not exist.'],
      [['frobnicate'], 'Unknown command "frobnicate". Run `margin --help` for usage.'],
    ];
    for (const [args, message] of cases) {
      const result = await margin(dataDir, ...args);
      expect({ args, code: result.code, err: result.err, out: result.out }).toEqual({ args, code: 1, err: `${message}\n`, out: '' });
    }
    expect(await snapshot(dataDir)).toEqual(before);
  });

  it('runs as the installed `margin` command on plain Node', async () => {
    const dataDir = await tempDir();
    const run = promisify(execFile);
    const bin = join(repoRoot, 'bin', 'margin.js');
    const { stdout } = await run(process.execPath, [bin, '--data-dir', dataDir, 'import', samplePath, '--json']);
    expect(JSON.parse(stdout).title).toBe('Russia says it has advanced nearly 2 miles in northeast Ukraine');
    const listed = await run(process.execPath, [bin, 'list'], { env: { ...process.env, MARGIN_DATA_DIR: dataDir } });
    expect(listed.stdout).toContain('0 highlights  Russia says it has advanced');
    const failed = await run(process.execPath, [bin, '--data-dir', dataDir, 'show', 'nope']).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: 'An article id looks like 3f2b1c9e-…; run `margin list` to see them.\n' });
  });
});
