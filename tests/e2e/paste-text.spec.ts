// Pasting text that is not a link into the window (not into a text field) makes it an article,
// with the same rules as a .txt capture: the first line is the headline.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Pastes as a person does with Ctrl+V on the article: a clipboard with these kinds of data. */
function paste(page: Page, data: Record<string, string>): Promise<void> {
  return page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const [kind, value] of Object.entries(items)) transfer.setData(kind, value);
    document.querySelector('#reader')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

test('pasting plain text imports it as an article, its first line the headline, and says so', async ({ reader, page }) => {
  await reader.open();
  await paste(page, { 'text/plain': 'Harbour notes\n\nThe tide came in early and the boats were late.\n\nNobody minded.' });
  await expect(page.locator('.headline')).toHaveText('Harbour notes');
  await expect(page.locator('#article-body p').first()).toHaveText('The tide came in early and the boats were late.');
  await expect(page.locator('.status')).toHaveText('Imported 1 article.');
  await expect(page.locator('.article-link', { hasText: 'Harbour notes' })).toHaveCount(1);
  expect(reader.library.articles().find((a) => a.title === 'Harbour notes')).toMatchObject({ format: 'text', sourceFile: null, sourceUrl: null });
});

test('pasting from a web page takes its plain text, never its markup', async ({ reader, page }) => {
  await reader.open();
  await paste(page, { 'text/html': '<h1>Ferry news</h1><p>Sailings <img src=x onerror="window.pwned=1">resume.</p>', 'text/plain': 'Ferry news\n\nSailings resume on Monday.' });
  await expect(page.locator('.headline')).toHaveText('Ferry news');
  await expect(page.locator('#article-body')).toHaveText('Sailings resume on Monday.');
  await expect(page.locator('#article-body img')).toHaveCount(0);
});

test('pasting only spaces, or more text than any book, says why nothing was imported', async ({ reader, page }) => {
  await reader.open();
  const before = reader.library.articles().length;
  await paste(page, { 'text/plain': '  \n\t \n' });
  await expect(page.locator('.status')).toHaveText('Nothing to import: the pasted text is empty.');
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', `Huge\n\n${'word '.repeat(2_200_000)}`);
    document.querySelector('#reader')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.status')).toHaveText('The pasted text is larger than 10 MB, more text than any book, too large for a text article.');
  expect(reader.library.articles()).toHaveLength(before);
});

test('pasting into a text field stays in the field', async ({ reader, page }) => {
  await reader.open();
  const field = page.getByLabel('Article tags');
  await field.focus();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', 'Not an article');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.status')).toBeHidden();
  expect(reader.library.articles()).toHaveLength(1);
});
