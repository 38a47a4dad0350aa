// The kind of a file is decided by its bytes, the extension being only a hint: a web page saved
// as .txt is still a web page, a zip or a picture renamed .html is refused in one sentence, and
// the text's own conventions (byte-order marks, Windows line ends, UTF-16) are read, not shown.
import { readFileSync } from 'node:fs';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { importFile } from '../../electron/core/import/import-file';
import { sniffArticleKind } from '../../electron/core/import/sniff';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';

const PARAGRAPHS = [
  'The ferry across the estuary has run every half hour since 1952, and its crew of three knows most of the morning passengers by name.',
  'When the council proposed replacing it with a longer bus route, the regulars filled the town hall, and the ferry was given another ten years.',
];

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The ferry that refused to stop</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>The ferry that refused to stop</h1><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p></article>
<footer>Estuary News</footer></body></html>
`;

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, content);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('the import did not fail');
}

describe('deciding what a file is', () => {
  it('imports a web page saved as .txt as a web page', async () => {
    const article = await importFile(await fileWith('ferry.txt', PAGE));
    expect(article.meta.format).toBe('html');
    expect(article.meta.title).toBe('The ferry that refused to stop');
    const text = readArticleContent(article.html).text;
    expect(text).toContain(PARAGRAPHS[0]);
    expect(text).not.toContain('Home');
    expect(text).not.toContain('<p>');
  });

  it('imports a page a browser saved (it opens with a "saved from" comment) whatever its extension', async () => {
    const saved = `<!-- saved from url=(0041)https://estuary-news.example/ferry.html -->\n${PAGE}`;
    for (const name of ['ferry.txt', 'ferry', 'ferry.htm']) {
      const article = await importFile(await fileWith(name, saved));
      expect([name, article.meta.format, article.meta.title]).toEqual([name, 'html', 'The ferry that refused to stop']);
    }
  });

  it('keeps plain text in a .txt file as text, even when it mentions a tag', async () => {
    const article = await importFile(await fileWith('note.txt', `The <p> tag, explained\n\n${PARAGRAPHS[0]}\n`));
    expect(article.meta.format).toBe('text');
    expect(article.meta.title).toBe('The <p> tag, explained');
  });

  it('refuses a zip archive renamed .html', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, ...new TextEncoder().encode('<html><body>inside</body></html>')]);
    expect(await refusal(importFile(await fileWith('article.html', zip)))).toBe('article.html is a zip archive, not an article Margin can read.');
  });

  it('refuses a picture or a PDF renamed .html', async () => {
    const picture = readFileSync(join(fixturesDir, 'html-import', 'image-bomb', 'detail.png'));
    expect(await refusal(importFile(await fileWith('photo.html', picture)))).toBe('photo.html is an image, not an article Margin can read.');
    expect(await refusal(importFile(await fileWith('paper.htm', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj')))).toBe('paper.htm is a PDF, not an article Margin can read.');
  });

  it('refuses other binary data renamed .html', async () => {
    // Deterministic noise with NUL bytes, like a program or a database file.
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await refusal(importFile(await fileWith('program.html', bytes)))).toBe('program.html is a binary file, not a text article.');
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const path = await fileWith('huge.html', '<!DOCTYPE html><title>Huge</title>');
    // A sparse file: 51 MB on paper, nothing written.
    await truncate(path, 51 * 1024 * 1024);
    expect(await refusal(importFile(path))).toBe('huge.html is larger than 50 MB, too large to be an article.');
  });

  it('refuses an empty page', async () => {
    expect(await refusal(importFile(await fileWith('blank.html', '   \n')))).toBe('blank.html is empty.');
  });

  it('reads a page with a UTF-8 byte-order mark and Windows line ends', async () => {
    const article = await importFile(await fileWith('ferry.html', `\uFEFF${PAGE.replace(/\n/g, '\r\n')}`));
    expect(article.meta.title).toBe('The ferry that refused to stop');
    const text = readArticleContent(article.html).text;
    expect(text).not.toContain('\uFEFF');
    expect(text).not.toContain('\r');
    expect(text).toContain(PARAGRAPHS[1]);
  });

  it('reads a text capture with a UTF-8 byte-order mark and Windows line ends', async () => {
    const capture = `\uFEFFThe ferry that refused to stop\r\n\r\n${PARAGRAPHS[0]}\r\n\r\n${PARAGRAPHS[1]}\r\n`;
    const article = await importFile(await fileWith('ferry.txt', capture));
    expect(article.meta).toMatchObject({ title: 'The ferry that refused to stop', format: 'text' });
    const paragraphs = [...readArticleContent(article.html).text.split('\n')].map((line) => line.trim()).filter(Boolean);
    expect(paragraphs).toEqual(PARAGRAPHS);
  });

  it('reads a page saved as UTF-16 with its byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE.replace('utf-8', 'utf-16'), 'utf16le')]);
    const article = await importFile(await fileWith('ferry.html', utf16));
    expect(article.meta.title).toBe('The ferry that refused to stop');
    expect(readArticleContent(article.html).text).toContain(PARAGRAPHS[0]);
  });

  it('names the kind by content first and extension second', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(sniffArticleKind(bytes('# Heading\n\nText'), 'note.md')).toBe('markdown');
    expect(sniffArticleKind(bytes('# Heading\n\nText'), 'note.txt')).toBe('text');
    expect(sniffArticleKind(bytes('<!doctype html><p>x'), 'note.md')).toBe('html');
    expect(sniffArticleKind(bytes('<div>a fragment</div>'), 'page.html')).toBe('html');
    expect(sniffArticleKind(bytes('no markup at all'), 'page.html')).toBe('text');
  });
});
