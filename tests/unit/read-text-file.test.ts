import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { importFile } from '../../electron/core/import/import-file';
import { MAX_ARTICLE_BYTES, MAX_TEXT_ARTICLE_BYTES } from '../../electron/core/import/read-text-file';
import { tempDir } from './support/temp-dir';

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, content);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  // One sentence: a single full stop or semicolon-joined clause, ending the message.
  expect(message).toMatch(/^[^\n]+\.$/u);
  return message;
}

describe('reading an article file', () => {
  it('reads UTF-8 text', async () => {
    const article = await importFile(await fileWith('a.txt', 'Title\n\nBody é “ok”'));
    expect(article.meta.title).toBe('Title');
    expect(article.html).toContain('Body é “ok”');
  });

  it('refuses an empty file and one of only white space', async () => {
    expect(await refusal(importFile(await fileWith('empty.txt', '')))).toBe('empty.txt is empty.');
    expect(await refusal(importFile(await fileWith('blank.txt', ' \n\r\n\t\n')))).toBe('blank.txt is empty.');
  });

  it('refuses a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal(importFile(await fileWith('photo.txt', png)))).toBe('photo.txt is an image, not an article Margin can read.');
    const unknown = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await refusal(importFile(await fileWith('program.txt', unknown)))).toContain('binary file');
  });

  it('refuses text that is not UTF-8', async () => {
    const latin1 = new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait\n')]);
    expect(await refusal(importFile(await fileWith('latin1.txt', latin1)))).toContain('not UTF-8');
  });

  it('calls UTF-16 text what it is, not binary', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Title\n', 'utf16le')]);
    expect(await refusal(importFile(await fileWith('utf16.txt', utf16)))).toBe('utf16.txt is not UTF-8 text; save it as UTF-8 and import it again.');
  });

  it('refuses a page over 50 MB, and a text or Markdown file over 10 MB, without reading it', async () => {
    const sparse = async (name: string, bytes: number) => {
      const path = join(await tempDir(), name);
      const handle = await open(path, 'w');
      await handle.truncate(bytes);
      await handle.close();
      return path;
    };
    expect(await refusal(importFile(await sparse('huge.html', MAX_ARTICLE_BYTES + 1)))).toContain('huge.html is larger than 50 MB');
    expect(await refusal(importFile(await sparse('huge.txt', MAX_TEXT_ARTICLE_BYTES + 1)))).toContain('huge.txt is larger than 10 MB');
    expect(await refusal(importFile(await sparse('huge.md', MAX_TEXT_ARTICLE_BYTES + 1)))).toContain('huge.md is larger than 10 MB');
  });

  it('refuses a missing file, and binary formats whatever their name', async () => {
    expect(await refusal(importFile('/nonexistent/margin/article.txt'))).toContain('cannot open article.txt');
    expect(await refusal(importFile(await fileWith('page.html', '%PDF-1.7\n%\xe2\xe3')))).toBe('page.html is a PDF, not an article Margin can read.');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
    expect(await refusal(importFile(await fileWith('article.html', zip)))).toBe('article.html is a zip archive, not an article Margin can read.');
  });
});
