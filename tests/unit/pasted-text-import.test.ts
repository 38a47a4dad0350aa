// Text pasted into the window becomes an article through the plain-text importer, held to the
// text cap, and only ever as text: nothing in it is read as a path or an address.
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { MAX_TEXT_ARTICLE_BYTES } from '../../electron/core/import/read-text-file';
import type { ImportOutcome } from '../../electron/shared/contract';
import { MAX_PASTED_TEXT_BYTES } from '../../electron/shared/pasted-text';
import type { Result } from '../../electron/shared/result';
import { libraryWithSample } from './support/library';

const platform: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null };

describe('article:import-text', () => {
  it('imports pasted text with its first line as the headline, as a .txt capture is', async () => {
    const { library } = await libraryWithSample();
    const handlers = createHandlers(library, platform);
    const answer = (await handlers['article:import-text']({ text: 'Harbour notes\n\nThe tide came in early.' })) as Result<ImportOutcome>;
    expect(answer).toMatchObject({ ok: true, value: { status: 'imported', article: { title: 'Harbour notes' } } });
    const meta = library.articles().find((a) => a.title === 'Harbour notes');
    expect(meta).toMatchObject({ format: 'text', sourceFile: null, sourcePath: null, sourceUrl: null, wordCount: 5 });
    expect(await library.html(meta?.id ?? '')).toContain('<p>The tide came in early.</p>');
  });

  it('a path or an address pasted as text is an article of that text, never read or fetched', async () => {
    const { library } = await libraryWithSample();
    const handlers = createHandlers(library, platform);
    const answer = (await handlers['article:import-text']({ text: '/etc/passwd' })) as Result<ImportOutcome>;
    expect(answer).toMatchObject({ ok: true, value: { article: { title: '/etc/passwd' } } });
  });

  it('holds pasted text to the same cap as a text file', () => {
    expect(MAX_PASTED_TEXT_BYTES).toBe(MAX_TEXT_ARTICLE_BYTES);
  });

  it('refuses empty text and text over the 10 MB cap in one sentence, storing nothing', async () => {
    const { library } = await libraryWithSample();
    const handlers = createHandlers(library, platform);
    const count = library.articles().length;
    expect(await handlers['article:import-text']({ text: ' \n\t ' })).toEqual({ ok: false, error: 'Nothing to import: the pasted text is empty.' });
    // 3-byte characters: under the cap in characters, over it in bytes.
    expect(await handlers['article:import-text']({ text: `Big\n\n${'€'.repeat(3_500_000)}` })).toEqual({
      ok: false,
      error: 'The pasted text is larger than 10 MB, more text than any book, too large for a text article.',
    });
    expect(await handlers['article:import-text']({ text: 'x'.repeat(10 * 1024 * 1024 + 1) })).toEqual({ ok: false, error: 'Margin refused a malformed request (article:import-text).' });
    expect(await handlers['article:import-text']({ text: 'Title', source: '/etc/passwd' })).toEqual({ ok: false, error: 'Margin refused a malformed request (article:import-text).' });
    expect(library.articles()).toHaveLength(count);
  });
});
