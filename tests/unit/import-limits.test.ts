// Files at the edges of what Margin takes, imported as a person would (`margin import FILE`):
// a text or Markdown file whose whole body is one line (45 MB, or 2 MB), pages and notes nested
// hundreds of thousands of elements deep. Each either imports whole, split into paragraphs a
// reader can scroll, or is refused in one sentence that names the file and the limit, with the
// library left as it was. How long either takes is measured in BENCHMARKS.md, never asserted here.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { nestedDivs, writeOneLineMarkdown, writeOneLineText } from '../support/extreme-files';
import { libraryWithSample } from './support/library';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const MB = 1024 * 1024;
const ONE_SENTENCE = /^[^\n]+\.\n$/u;
/** Generous: the slow path these tests guard against took minutes; a shared machine may be slow too. */
const LONG = 240_000;

async function articles(dataDir: string): Promise<{ id: string; title: string }[]> {
  return JSON.parse((await margin(dataDir, 'list', '--json')).out) as { id: string; title: string }[];
}

interface Shown {
  title: string;
  text: string;
  wordCount: number;
}

async function onlyArticle(dataDir: string): Promise<Shown> {
  const [row, ...others] = await articles(dataDir);
  expect(others).toEqual([]);
  return JSON.parse((await margin(dataDir, 'show', row!.id, '--json')).out) as Shown;
}

describe('a body that is one line', () => {
  for (const [kind, write] of [
    ['.txt', writeOneLineText],
    ['.md', writeOneLineMarkdown],
  ] as const) {
    it(`margin import of a ${kind} file of 45 MB on one line says it is over the 10 MB text cap, exit 1, library unchanged`, { timeout: LONG }, async () => {
      const dataDir = join(await tempDir(), 'library');
      const file = join(await tempDir(), `one-line${kind}`);
      await write(file, 45 * MB);
      const result = await margin(dataDir, 'import', file);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(ONE_SENTENCE);
      expect(result.err).toContain(`one-line${kind} is larger than 10 MB`);
      expect(await articles(dataDir)).toEqual([]);
    });

    it(`margin import of a ${kind} file of 2 MB on one line imports every word, in paragraphs that end at sentences`, { timeout: LONG }, async () => {
      const dataDir = join(await tempDir(), 'library');
      const file = join(await tempDir(), `one-line${kind}`);
      const prose = await write(file, 2 * MB);
      const result = await margin(dataDir, 'import', file);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      const shown = await onlyArticle(dataDir);
      expect(shown.title).toBe('A very long line');
      expect(shown.wordCount).toBe(prose.words);
      const paragraphs = shown.text.split('\n').filter((line) => line !== '');
      expect(paragraphs.length).toBeGreaterThan(200);
      for (const paragraph of paragraphs) {
        expect(paragraph.length).toBeLessThanOrEqual(10_000);
        expect(paragraph).toMatch(/^\p{Lu}.*\.$/u);
      }
      expect(paragraphs.at(-1)).toContain(prose.lastSentence);
    });
  }

  it('a page saved as .html that holds 11 MB of plain text is held to the text cap too', { timeout: LONG }, async () => {
    const dataDir = join(await tempDir(), 'library');
    const file = join(await tempDir(), 'notes.html');
    await writeOneLineText(file, 11 * MB);
    const result = await margin(dataDir, 'import', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(ONE_SENTENCE);
    expect(result.err).toContain('notes.html is larger than 10 MB');
    expect(await articles(dataDir)).toEqual([]);
  });
});

describe('elements nested deeper than any article', () => {
  it('margin import of a page of 200,000 nested <div>s says it is nested too deep, exit 1, library unchanged', { timeout: LONG }, async () => {
    const dataDir = join(await tempDir(), 'library');
    const file = join(await tempDir(), 'deep.html');
    await writeFile(file, nestedDivs(200_000));
    const result = await margin(dataDir, 'import', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(ONE_SENTENCE);
    expect(result.err).toContain('deep.html');
    expect(result.err).toContain('256 levels');
    expect(await articles(dataDir)).toEqual([]);
  });

  it('a page nested 256 deep, the most Margin takes, imports with its text', { timeout: LONG }, async () => {
    const dataDir = join(await tempDir(), 'library');
    const file = join(await tempDir(), 'deep.html');
    // body and html are two of the levels.
    await writeFile(file, nestedDivs(254));
    const result = await margin(dataDir, 'import', file);
    expect(result.err).not.toContain('Something went wrong');
    expect(result.code).toBe(0);
    expect((await onlyArticle(dataDir)).text).toContain('The text at the bottom.');
  });

  it('margin import of a Markdown note holding 200,000 nested <div>s says it is nested too deep, exit 1, library unchanged', { timeout: LONG }, async () => {
    const dataDir = join(await tempDir(), 'library');
    const file = join(await tempDir(), 'deep.md');
    await writeFile(file, `# Deep\n\n${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}\n`);
    const result = await margin(dataDir, 'import', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(ONE_SENTENCE);
    expect(result.err).toContain('deep.md');
    expect(result.err).toContain('256 levels');
    expect(await articles(dataDir)).toEqual([]);
  });

  for (const [what, markdown] of [
    ['200,000 nested quotes', `${'>'.repeat(200_000)} the quoted words\n`],
    ['a list nested 3,000 deep', Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')],
  ] as const) {
    it(`margin import of a Markdown note of ${what} says it nests too deep, exit 1, library unchanged`, { timeout: LONG }, async () => {
      const dataDir = join(await tempDir(), 'library');
      const file = join(await tempDir(), 'deep.md');
      await writeFile(file, `# Deep\n\n${markdown}\n`);
      const result = await margin(dataDir, 'import', file);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(ONE_SENTENCE);
      expect(result.err).toContain('deep.md nests quotes or lists more than 100 levels deep');
      expect(await articles(dataDir)).toEqual([]);
    });
  }

  it('a Markdown note of quotes 90 deep and a list 40 deep imports with every word', { timeout: LONG }, async () => {
    const dataDir = join(await tempDir(), 'library');
    const file = join(await tempDir(), 'quotes.md');
    const list = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    await writeFile(file, `# Deep\n\n${'>'.repeat(90)} the quoted words\n\n${list}\n\nThe last paragraph.\n`);
    const result = await margin(dataDir, 'import', file);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const { text } = await onlyArticle(dataDir);
    expect(text).toContain('the quoted words');
    expect(text).toContain('item 39');
    expect(text).toContain('The last paragraph.');
  });
});

describe('the app', () => {
  it('importing a chosen page of 200,000 nested <div>s shows one sentence naming it, and the library keeps only what it had', { timeout: LONG }, async () => {
    const { library } = await libraryWithSample();
    const file = join(await tempDir(), 'deep.html');
    await writeFile(file, nestedDivs(200_000));
    const platform: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [file], chooseFolder: async () => null, chooseOpenFile: async () => null };
    const handlers = createHandlers(library, platform);
    await handlers['dialog:choose-import-files']({});
    const result = await handlers['article:import']({ source: file });
    expect(result).toEqual({ ok: false, error: 'deep.html has elements nested more than 256 levels deep, deeper than any article, so Margin did not import it.' });
    expect(library.articles()).toHaveLength(1);
  });
});
