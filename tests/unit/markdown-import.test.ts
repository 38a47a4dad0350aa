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
import { readArticleContent } from '../../electron/core/sanitize/article-text';
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
    const sources = [...dom(article).querySelectorAll('img')].map((img) => [img.getAttribute('alt'), img.getAttribute('src')]);
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
});
