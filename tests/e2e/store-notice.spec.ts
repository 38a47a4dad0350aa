// A damaged highlights file is put back from its backup, and a lost article text is named, each
// in one sentence the person sees.
import { rm, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { describeSpan } from '../../electron/shared/anchoring';
import { importPlainText } from '../../electron/core/import/import-file';
import { annotationsFile, articleHtmlFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { startReader } from './support/harness';

test('a truncated highlights file is restored from its backup and the app says so', async ({ page }) => {
  const reader = await startReader(page, async (library) => {
    const [sample] = library.articles();
    if (sample === undefined) throw new Error('no sample');
    const { text } = await library.content(sample.id);
    const highlight = async (lib: Library, phrase: string) => {
      const at = text.indexOf(phrase);
      await lib.addAnnotation(sample.id, { color: 'yellow', note: '', target: describeSpan(text, at, at + phrase.length) });
    };
    await highlight(library, 'sky shield');
    // A later session's first save keeps a backup of what the earlier one left.
    await highlight(await Library.open(library.dataDir), 'Chonhar bridge');
    await writeFile(annotationsFile(library.dataDir, sample.id), '{"schemaVersion": 1, "articleId": ');
  });
  await reader.open();
  await expect(page.locator('.status')).toContainText('backup');
  await expect(page.locator('.highlight-card')).not.toHaveCount(0);
  await reader.close();
});

test('an article whose text is gone: opening it says so in one sentence that names it, and it stays in the list', async ({ page }) => {
  let title = '';
  let id = '';
  const reader = await startReader(page, async (library) => {
    const [sample] = library.articles();
    if (sample === undefined) throw new Error('no sample');
    title = sample.title;
    id = sample.id;
    // A newer article, which the app opens first; the sample's text is then lost.
    await library.addArticle(importPlainText('Herons at dusk\n\nThe heron waits by the pond, and the frogs go quiet.', 'herons.txt'));
    await rm(articleHtmlFile(library.dataDir, sample.id));
  });
  await reader.open();
  await page.locator('.library-list .article-link', { hasText: title }).click();
  await expect(page.locator('.status')).toContainText(
    `The text of “${title}” is missing from the library (articles/${id}/article.html is gone), so Margin cannot show it; its highlights and notes are kept, and importing it again restores it.`,
  );
  await expect(page.locator('.library-list .article-title', { hasText: title })).toHaveCount(1);
  await reader.close();
});
