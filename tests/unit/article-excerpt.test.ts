// The excerpt a person sees under each title in the library list: the page's own summary or the
// article's first sentences, for every format; kept when the article is imported again; and
// absent, not an error, for articles a 0.1 library stored before excerpts were kept.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excerptOf } from '../../electron/core/import/excerpt';
import { importFile, importPlainText } from '../../electron/core/import/import-file';
import { libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';

const SENTENCE = 'The keepers climb the hundred and twelve steps twice a night to wind the clockwork that turns the lens.';

describe('excerpts', () => {
  it('a saved page with a description shows its description', async () => {
    const article = await importFile(join(fixturesDir, 'html-import', 'longform-pull-quotes', 'source.html'));
    expect(article.meta.excerpt).toBe('On a rock twelve miles out, two keepers tend a light that no longer needs them.');
  });

  it('a saved page without a description shows its first sentences', async () => {
    const article = await importFile(join(fixturesDir, 'html-import', 'blog-post', 'source.html'));
    expect(article.meta.excerpt).toBe(
      'Every few months someone asks why I carry a paper notebook when my phone does everything a notebook does, only faster. The honest answer is that faster is the problem. A notebook makes me slow down long enough to decide whether a thought is worth keeping.',
    );
  });

  it('stops at the last sentence that fits, never in the middle of a word', () => {
    const paragraphs = [SENTENCE, SENTENCE.replace('keepers', 'visitors'), SENTENCE.replace('keepers', 'gulls')];
    expect(excerptOf(paragraphs, 'en')).toBe(`${paragraphs[0]} ${paragraphs[1]}`);
  });

  it('Japanese, written without spaces, is cut between words', () => {
    const long = `灯台守は毎晩二回、百十二段の階段を上り、レンズを回す時計仕掛けを巻く${'そして朝になると'.repeat(40)}`;
    const excerpt = excerptOf([long], 'ja') ?? '';
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(300);
    expect(long.startsWith(excerpt.slice(0, -1))).toBe(true);
  });

  it('an article with no running text has no excerpt', () => {
    expect(excerptOf(['', '  '], 'en')).toBeNull();
  });

  it('the library list carries the excerpt, importing again renews it, and a 0.1 library without excerpts opens', async () => {
    const dataDir = await tempDir();
    const source = join(await tempDir(), 'light.txt');
    await writeFile(source, `The lighthouse\n\n${SENTENCE}\n`);
    const library = await Library.open(dataDir);
    const meta = await library.addArticle(await importFile(source));
    expect((await library.summaries())[0]?.excerpt).toBe(SENTENCE);

    await library.addRevision(meta.id, importPlainText('The lighthouse\n\nThe light was switched off in May.', 'light.txt'));
    expect(library.meta(meta.id).excerpt).toBe('The light was switched off in May.');

    const file = JSON.parse(await readFile(libraryFile(dataDir), 'utf8'));
    for (const article of file.articles) delete article.excerpt;
    await writeFile(libraryFile(dataDir), JSON.stringify(file));
    const old = await Library.open(dataDir);
    expect(old.notices).toEqual([]);
    expect((await old.summaries()).map((row) => [row.title, row.excerpt])).toEqual([['The lighthouse', null]]);
  });
});
