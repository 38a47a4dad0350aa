// Markdown files as a person keeps them: a note with a heading or front matter, local pictures
// beside it, links to other notes and to the web, and now and then raw HTML. The headline, the
// byline, which pictures were stored and what the links became are what the reader shows.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { assetsDir } from '../../electron/core/assets/asset-store';
import { UserError } from '../../electron/core/errors';
import { importFile, type ImportedArticle } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { checkGoldenCase, goldenCases } from './support/import-golden';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';

// Small real pictures, borrowed from the HTML fixtures.
const HERON = readFileSync(join(fixturesDir, 'html-import', 'news-figures-credits', 'images', 'aerial.png'));
const POND = readFileSync(join(fixturesDir, 'html-import', 'news-figures-credits', 'images', 'mayor.png'));
const SECRET = readFileSync(join(fixturesDir, 'html-import', 'outside-the-page-folder.png'));

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes files under a fresh folder and returns the folder. */
async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await tempDir();
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
  return root;
}

function dom(article: ImportedArticle): Document {
  return new JSDOM(`<!DOCTYPE html><body>${article.html}</body>`).window.document;
}

const PARAGRAPH = 'The pond froze on the first of December, and a heron stood at its edge every morning for a week, waiting for the ice to give way.';

describe('Markdown import', () => {
  it('takes the headline from the first heading and does not repeat it in the text', async () => {
    const root = await folderWith({ 'winter.md': `# The garden in winter\n\n${PARAGRAPH}\n\n## The pond\n\nStill frozen.\n` });
    const article = await importFile(join(root, 'winter.md'));
    expect(article.meta).toMatchObject({ title: 'The garden in winter', format: 'markdown', sourceFile: 'winter.md', byline: null });
    const text = readArticleContent(article.html).text;
    expect(text).not.toContain('The garden in winter');
    expect(text).toContain(PARAGRAPH);
    expect(dom(article).querySelector('h2')?.textContent).toBe('The pond');
  });

  it('prefers the front matter: title, author and source address', async () => {
    const note = ['---', 'title: "Notes on the heron"', 'author: Ruth Okoro', 'url: https://birds.example/notes/heron', 'tags: [birds]', '---', '', '# A different first heading', '', PARAGRAPH, ''].join('\n');
    const article = await importFile(join(await folderWith({ 'heron.md': note }), 'heron.md'));
    expect(article.meta).toMatchObject({ title: 'Notes on the heron', byline: 'Ruth Okoro', sourceUrl: 'https://birds.example/notes/heron' });
    // The heading is not the title, so it stays, and the front matter is not text.
    const text = readArticleContent(article.html).text;
    expect(text).toContain('A different first heading');
    expect(text).not.toContain('tags:');
  });

  it('drops a first heading that repeats the front matter title', async () => {
    const note = '---\ntitle: Notes on the heron\n---\n# Notes on the heron\n\n' + PARAGRAPH + '\n';
    const article = await importFile(join(await folderWith({ 'heron.md': note }), 'heron.md'));
    expect(article.meta.title).toBe('Notes on the heron');
    expect(readArticleContent(article.html).text).not.toContain('Notes on the heron');
  });

  it('reads front matter that closes at the very end of the file', async () => {
    const article = await importFile(join(await folderWith({ 'stub.md': '---\ntitle: Only a title\n---' }), 'stub.md'));
    expect(article.meta.title).toBe('Only a title');
    expect(readArticleContent(article.html).text.trim()).toBe('');
  });

  it('names a note without heading or front matter after its file', async () => {
    const article = await importFile(join(await folderWith({ 'pond diary.md': `${PARAGRAPH}\n` }), 'pond diary.md'));
    expect(article.meta.title).toBe('pond diary');
  });

  it('reads a note written on Windows with a byte-order mark', async () => {
    const note = '\uFEFF---\r\ntitle: Windows note\r\nauthor: Sam\r\n---\r\n\r\n' + PARAGRAPH + '\r\n';
    const article = await importFile(join(await folderWith({ 'win.md': note }), 'win.md'));
    expect(article.meta).toMatchObject({ title: 'Windows note', byline: 'Sam' });
    expect(readArticleContent(article.html).text.trim()).toBe(PARAGRAPH);
  });

  it('copies the pictures beside the note, and refuses one outside its folder', async () => {
    const root = await folderWith({
      'notes/pond.md': [
        '# Pond',
        '',
        '![A heron at the edge of the ice](images/heron.png)',
        '',
        PARAGRAPH,
        '',
        '<img src="images/pond%20at%20dawn.png" alt="The pond at dawn">',
        '',
        '![A secret](../secret.png)',
        '',
        '![Remote](https://birds.example/heron.jpg)',
        '',
        '![Again the heron](images/heron.png)',
        '',
      ].join('\n'),
      'notes/images/heron.png': HERON,
      'notes/images/pond at dawn.png': POND,
      'secret.png': SECRET,
    });
    const dataDir = await tempDir();
    const article = await importFile(join(root, 'notes', 'pond.md'), { dataDir, online: false });
    expect(article.images).toEqual({
      saved: 3,
      missed: 2,
      problems: ["secret.png: outside the saved page's folder", 'heron.jpg: on the web, and this import works offline'],
      reasons: { 'outside-folder': 1, 'not-fetched': 1 },
      upgraded: 0,
    });
    // The two not kept stay as their alt text, marked as not saved.
    expect([...dom(article).querySelectorAll('.image-missing img')].map((img) => [img.getAttribute('alt'), img.getAttribute('src')])).toEqual([
      ['A secret', null],
      ['Remote', null],
    ]);
    const sources = [...dom(article).querySelectorAll('img[src]')].map((img) => [img.getAttribute('alt'), img.getAttribute('src')]);
    expect(sources).toEqual([
      ['A heron at the edge of the ice', `margin://asset/${sha(HERON)}.png`],
      ['The pond at dawn', `margin://asset/${sha(POND)}.png`],
      ['Again the heron', `margin://asset/${sha(HERON)}.png`],
    ]);
    // Stored once, byte for byte.
    expect(sha(await readFile(join(assetsDir(dataDir), `${sha(HERON)}.png`)))).toBe(sha(HERON));
  });

  it('keeps web, e-mail and in-page links; a link to a file next to the note keeps only its text', async () => {
    const note = [
      '# Links',
      '',
      'See [part two](part-2.md), [the society](https://birds.example/society), [write to us](mailto:hello@birds.example) and [the top](#links).',
      '',
      '<a href="javascript:alert(1)">a trap</a> and <a href="file:///etc/passwd">a file</a>.',
    ].join('\n');
    const article = await importFile(join(await folderWith({ 'links.md': note }), 'links.md'));
    const links = [...dom(article).querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]);
    expect(links).toEqual([
      ['part two', null, null],
      ['the society', 'https://birds.example/society', 'noopener noreferrer'],
      ['write to us', 'mailto:hello@birds.example', 'noopener noreferrer'],
      ['the top', '#user-content-links', 'noopener noreferrer'],
      ['a trap', null, null],
      ['a file', null, null],
    ]);
  });

  it('resolves relative links against the address the front matter names', async () => {
    const note = '---\nurl: https://birds.example/notes/heron.html\n---\n\nRead [the next note](owl.html) and [the index](../index.html).\n';
    const article = await importFile(join(await folderWith({ 'heron.md': note }), 'heron.md'));
    expect([...dom(article).querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://birds.example/notes/owl.html',
      'https://birds.example/index.html',
    ]);
  });

  it('sanitizes raw HTML with the same rules as web pages', async () => {
    const note = [
      '# Raw HTML',
      '',
      '<script>alert(1)</script>',
      '<p onclick="steal()" style="color:red">Styled <b>bold</b> text</p>',
      '<iframe src="https://evil.example"></iframe>',
      '<img src="https://tracker.example/p.gif" onerror="alert(2)">',
      '<form action="https://evil.example"><input name="q"><button>Go</button></form>',
      '',
      PARAGRAPH,
    ].join('\n');
    const article = await importFile(join(await folderWith({ 'raw.md': note }), 'raw.md'), { dataDir: await tempDir() });
    expect(article.html).not.toMatch(/<script|<iframe|<form|<input|onclick|onerror|style=|tracker\.example|evil\.example/i);
    const text = readArticleContent(article.html).text;
    expect(text).toContain('Styled bold text');
    expect(text).not.toContain('alert(1)');
    expect(article.images).toMatchObject({ saved: 0, missed: 1 });
  });

  it('refuses an empty note in one sentence', async () => {
    const root = await folderWith({ 'empty.md': '  \n\n', 'blank.md': '---\nauthor: Sam\n---\n\n' });
    await expect(importFile(join(root, 'empty.md'))).rejects.toThrow(new UserError('empty.md is empty.'));
    await expect(importFile(join(root, 'blank.md'))).rejects.toThrow(new UserError('The Markdown file has no text.'));
  });

  it('keeps a second level-one heading in the text; only the first line becomes the headline', async () => {
    const note = `# Field notes\n\n${PARAGRAPH}\n\n# The second morning\n\nWind came in from the sea.\n`;
    const article = await importFile(join(await folderWith({ 'marsh.md': note }), 'marsh.md'));
    expect(article.meta.title).toBe('Field notes');
    expect([...dom(article).querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['The second morning']);
  });

  it('a note that starts with text keeps its level-one heading and is named after its file', async () => {
    const note = `${PARAGRAPH}\n\n# Later that week\n\nThe ice gave way.\n`;
    const article = await importFile(join(await folderWith({ 'pond diary.md': note }), 'pond diary.md'));
    expect(article.meta.title).toBe('pond diary');
    expect(dom(article).querySelector('h1')?.textContent).toBe('Later that week');
  });

  it('a picture alone on its line, with an italic caption and a credit under it, shows as a figure', async () => {
    const root = await folderWith({
      'pond.md': `# Pond\n\n![A heron on the ice](heron.png "A heron at dawn")\n*The heron waited by the ice.*\nPhoto: Ruth Okoro\n\n${PARAGRAPH}\n`,
      'heron.png': HERON,
    });
    const article = await importFile(join(root, 'pond.md'), { dataDir: await tempDir() });
    const figure = dom(article).querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('A heron on the ice');
    expect(figure?.querySelector('figcaption')?.textContent).toBe('The heron waited by the ice. Photo: Ruth Okoro');
    expect(figure?.querySelector('figcaption .credit')?.textContent).toBe('Photo: Ruth Okoro');
    expect(readArticleContent(article.html).figures).toEqual([{ caption: 'The heron waited by the ice.', credit: 'Photo: Ruth Okoro', image: `margin://asset/${sha(HERON)}.png` }]);
    // The caption line is the caption, not a paragraph of its own.
    expect([...dom(article).querySelectorAll('p')].map((p) => p.textContent)).toEqual([PARAGRAPH]);
  });

  it('a picture with only a title shows the title as its caption; a picture inside a sentence stays inline', async () => {
    const root = await folderWith({ 'pond.md': `# Pond\n\n![Dusk](heron.png "The pond at dusk")\n\nA small ![icon](heron.png) sketch.\n`, 'heron.png': HERON });
    const article = await importFile(join(root, 'pond.md'), { dataDir: await tempDir() });
    expect(readArticleContent(article.html).figures.map((f) => f.caption)).toEqual(['The pond at dusk']);
    expect(dom(article).querySelector('p img')?.getAttribute('alt')).toBe('icon');
  });

  it('a sentence under a picture stays a paragraph; a bare agency name under it is the credit', async () => {
    const root = await folderWith({ 'pond.md': `# Pond\n\n![Ice](heron.png)\nLook at the ice.\n\n![Heron](heron.png)\nREUTERS\n\nREUTERS\n`, 'heron.png': HERON });
    const article = await importFile(join(root, 'pond.md'), { dataDir: await tempDir() });
    expect(readArticleContent(article.html).figures.map((f) => [f.caption, f.credit])).toEqual([['', null], ['', 'REUTERS']]);
    // A paragraph of its own under a picture is a credit only when it says so.
    expect([...dom(article).querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Look at the ice.', 'REUTERS']);
  });

  it('front matter gives the title, authors, date, tags and language', async () => {
    const note = ['---', 'title: Notes', 'author: [Ruth Okoro, Sam Lee]', 'date: 2024-05-01', 'tags: [birds, "night walks", "#ponds", birds]', 'lang: de', '---', '', 'Der Reiher steht am Ufer des Teiches und wartet.', ''].join('\n');
    const article = await importFile(join(await folderWith({ 'n.md': note }), 'n.md'));
    expect(article.meta).toMatchObject({ title: 'Notes', byline: 'Ruth Okoro, Sam Lee', publishedAt: '2024-05-01', tags: ['birds', 'night-walks', 'ponds'], language: 'de', direction: 'ltr' });
  });

  it('front matter that is not valid YAML is kept in the text, and the body is imported', async () => {
    const note = ['---', 'title: "Unclosed', 'tags: [birds', '---', '', PARAGRAPH, ''].join('\n');
    const article = await importFile(join(await folderWith({ 'broken.md': note }), 'broken.md'));
    expect(article.meta.title).toBe('broken');
    const text = readArticleContent(article.html).text;
    expect(text).toContain(PARAGRAPH);
    expect(text).toContain('title: "Unclosed');
    expect(dom(article).querySelector('pre')?.textContent).toContain('tags: [birds');
  });

  it('front matter values Margin cannot use are left out, the rest kept, and the library reads them back', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['url: javascript:alert(1)', { sourceUrl: null }],
      ['url: file:///etc/passwd', { sourceUrl: null }],
      ['url: http://birds.example/a', { sourceUrl: 'http://birds.example/a' }],
      ['date: 10000-01-01', { publishedAt: null }],
      ['date: 0000-01-01', { publishedAt: null }],
      ['date: 2024-02-30', { publishedAt: null }],
      ['date: yesterday', { publishedAt: null }],
      ['date: 2024-05-01T10:30:00+02:00', { publishedAt: '2024-05-01T08:30:00.000Z' }],
      ['date: 2024-05-01 10:30', { publishedAt: '2024-05-01T10:30:00' }],
      ['tags: {a: 1}', { tags: [] }],
      ['tags: birds, ponds', { tags: ['birds', 'ponds'] }],
      ['lang: not a language!', { language: 'en' }],
      ['title: [1, 2]', { title: 'odd' }],
      ['author: {name: Sam}', { byline: null }],
    ];
    const dataDir = await tempDir();
    const library = await Library.open(dataDir);
    const ids: string[] = [];
    for (const [line, expected] of cases) {
      const article = await importFile(join(await folderWith({ 'odd.md': `---\n${line}\n---\n\n${PARAGRAPH}\n` }), 'odd.md'));
      expect(article.meta, line).toMatchObject(expected);
      expect(readArticleContent(article.html).text.trim(), line).toBe(PARAGRAPH);
      ids.push((await library.addArticle(article)).id);
    }
    const reopened = await Library.open(dataDir);
    expect(reopened.articles().map((meta) => meta.id)).toEqual(ids);
  });

  it('keeps GitHub-style footnotes, task lists, table alignment and <details>', async () => {
    const root = await folderWith({});
    const source = join(fixturesDir, 'import', 'md-gfm', 'source.md');
    await writeFile(join(root, 'hide.md'), await readFile(source));
    const page = dom(await importFile(join(root, 'hide.md')));
    // Footnotes: the marker in the text links to its note at the end, and the note links back.
    const markers = [...page.querySelectorAll('sup a')];
    expect(markers.map((a) => [a.textContent, a.getAttribute('href')?.startsWith('#')])).toEqual([['[1]', true], ['[2]', true]]);
    const notes = [...page.querySelectorAll('section ol li')].map((li) => li.textContent?.trim().replace(/\s*↩\uFE0E?$/u, ''));
    expect(notes).toEqual(['The plan is pinned in the shed by the gate.', 'It rained for six hours, and the felt was laid the wrong way round.']);
    // Task lists: ticked and open items show as such.
    expect([...page.querySelectorAll('ul li')].slice(0, 3).map((li) => li.textContent)).toEqual(['☑ Fix the roof', '☐ Paint the door', '☐ Clear the path to the water']);
    // Table alignment.
    expect([...page.querySelectorAll('th')].map((th) => th.getAttribute('align'))).toEqual(['left', 'center', 'right']);
    expect([...page.querySelectorAll('tbody tr:first-child td')].map((td) => td.getAttribute('align'))).toEqual(['left', 'center', 'right']);
    expect(page.querySelector('[style]')).toBeNull();
    // <details>: the summary and its text are both there, open so that nothing in it is hidden.
    expect(page.querySelector('details')?.hasAttribute('open')).toBe(true);
    expect(page.querySelector('details summary')?.textContent).toBe("The warden's full list");
    expect(page.querySelector('details p')?.textContent).toBe('Saw, hammer, nails, felt, paint and a flask of tea.');
  });

  it('a Hebrew note reads right to left, in Hebrew; front matter lang wins over what the text looks like', async () => {
    const hebrew = 'הבריכה קפאה בראשון בדצמבר, ואנפה עמדה על שפתה כל בוקר במשך שבוע, מחכה שהקרח יישבר.';
    const root = await folderWith({ 'he.md': `# האנפה\n\n${hebrew}\n`, 'yi.md': `---\nlang: yi\n---\n\n${hebrew}\n`, 'en.md': `---\nlang: en\n---\n\n${PARAGRAPH}\n` });
    expect((await importFile(join(root, 'he.md'))).meta).toMatchObject({ language: 'he', direction: 'rtl' });
    expect((await importFile(join(root, 'yi.md'))).meta).toMatchObject({ language: 'yi', direction: 'rtl' });
    expect((await importFile(join(root, 'en.md'))).meta).toMatchObject({ language: 'en', direction: 'ltr' });
  });

  it('"*By NAME*" under the headline becomes the byline and leaves the text; front matter author wins', async () => {
    const root = await folderWith({
      'ferry.md': `# The ferry\n\n*By Ruth Okoro*\n\n${PARAGRAPH}\n`,
      'plain.md': `# The ferry\n\nBy Ruth Okoro\n\n${PARAGRAPH}\n`,
      'both.md': `---\nauthor: Sam Lee\n---\n# The ferry\n\n*By Ruth Okoro*\n\n${PARAGRAPH}\n`,
    });
    for (const name of ['ferry.md', 'plain.md']) {
      const article = await importFile(join(root, name));
      expect(article.meta.byline, name).toBe('Ruth Okoro');
      expect(readArticleContent(article.html).text.trim(), name).toBe(PARAGRAPH);
    }
    const both = await importFile(join(root, 'both.md'));
    expect(both.meta.byline).toBe('Sam Lee');
    expect(readArticleContent(both.html).text).toContain('By Ruth Okoro');
  });
});

describe('Markdown import (golden)', () => {
  const cases = goldenCases('md');
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });
  for (const name of cases) it(name, () => checkGoldenCase(name, 'md'));
});
