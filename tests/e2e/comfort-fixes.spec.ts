// Small things a person meets while reading: an article in the trash says so and can be put
// back; a short article is not "read" before it is read; tags are added several in a row; photo
// labels and credits show as the article gave them; a heading in a note is note-sized.
import { join } from 'node:path';
import { importFile } from '../../electron/core/import/import-file';
import { importPlainText } from '../../electron/core/import/plain-text-article';
import type { Library } from '../../electron/core/library/library';
import { dragSelect, expect, test } from './support/fixtures';
import { startReader } from './support/harness';

const cases = join(import.meta.dirname, '../fixtures/html-import');

const addText = (library: Library, text: string) => library.addArticle(importPlainText(text, 'short.txt'));
const idOf = (library: Library, title: string) => library.articles().find((a) => a.title === title)?.id ?? '';

test('an archived article opened from the trash says so, and Restore puts it back in the archive, undoably', async ({ page }) => {
  const reader = await startReader(page, async (library) => {
    const meta = await addText(library, 'Harbour wall\n\nThe wall held through the storm.');
    await library.updateArticle(meta.id, { state: 'archived' });
  });
  await reader.open();
  const id = idOf(reader.library, 'Harbour wall');
  await page.getByLabel('Show').selectOption('archived');
  await page.getByRole('button', { name: 'Move to trash: Harbour wall' }).click();
  await expect.poll(() => reader.library.meta(id).state).toBe('trash');
  await page.getByLabel('Show').selectOption('trash');
  await page.locator('.article-link', { hasText: 'Harbour wall' }).click();
  await expect(page.locator('.headline')).toHaveText('Harbour wall');

  const banner = page.locator('.trash-banner');
  await expect(banner).toHaveRole('status');
  await expect(banner).toContainText('This article is in the trash.');
  // Reached by the keyboard from the article's top.
  await page.locator('#reader').focus();
  await page.keyboard.press('Tab');
  await expect(banner.getByRole('button', { name: 'Restore' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => reader.library.meta(id).state).toBe('archived');
  await expect(banner).toHaveCount(0);
  await expect(page.locator('.status')).toContainText('Restored to the archive.');

  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => reader.library.meta(id).state).toBe('trash');
  await expect(page.locator('.trash-banner')).toContainText('This article is in the trash.');
  await reader.close();
});

test('a short article is not read the moment it opens; reading to its end marks it read', async ({ page }) => {
  const reader = await startReader(page, async (library) => {
    await addText(library, 'Tide table\n\nHigh water at six.');
  });
  await page.clock.install();
  await reader.open();
  const id = idOf(reader.library, 'Tide table');
  // Read some of the long sample first, so opening the next article starts from a scrolled page.
  await page.locator('.article-link').filter({ hasNotText: 'Tide table' }).click();
  await page.locator('.headline', { hasNotText: 'Tide table' }).waitFor();
  await page.locator('#reader').evaluate((el) => el.scrollBy(0, 800));
  await page.clock.runFor(2000);
  await page.locator('.article-link', { hasText: 'Tide table' }).click();
  await expect(page.locator('.headline')).toHaveText('Tide table');
  await page.clock.runFor(2000);
  // A change saved after any position save the app sent: the library stores them in turn.
  await page.getByLabel('Article tags').fill('sea');
  await page.getByLabel('Article tags').press('Enter');
  await expect.poll(() => reader.library.meta(id).tags).toEqual(['sea']);
  expect(reader.library.meta(id).progress).toBe(0);
  await expect(page.locator('.article-link', { hasText: 'Tide table' })).not.toContainText('% read');

  await page.locator('.headline').click();
  await page.keyboard.press('End');
  await page.clock.runFor(2000);
  await expect.poll(() => reader.library.meta(id).progress).toBe(1);
  await expect(page.locator('.article-link', { hasText: 'Tide table' })).toContainText('100% read');
  await reader.close();
});

test('article tags: Enter adds a tag and keeps the field open for the next; a comma separates; Escape leaves', async ({ reader, page }) => {
  await reader.open();
  const id = reader.library.articles()[0]?.id ?? '';
  const field = page.getByLabel('Article tags');
  await field.click();
  await page.keyboard.type('ukraine');
  await page.keyboard.press('Enter');
  await expect.poll(() => reader.library.meta(id).tags).toEqual(['ukraine']);
  await expect(field).toBeFocused();
  await page.keyboard.type('war, news');
  await page.keyboard.press('Enter');
  await expect.poll(() => reader.library.meta(id).tags).toEqual(['ukraine', 'war', 'news']);
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field).not.toBeFocused();
  await expect(field).toHaveValue('ukraine, war, news');
});

test('highlight tags: Enter adds a tag and keeps the field open and focused; Escape closes it', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'our sky shield will eventually guarantee security');
  await page.keyboard.press('h');
  const card = page.locator('.highlight-card').first();
  await card.getByRole('button', { name: 'Add a tag' }).click();
  const field = card.getByLabel('New tag');
  await expect(field).toBeFocused();
  await page.keyboard.type('defence');
  await page.keyboard.press('Enter');
  await expect(card.locator('.tag-chip')).toHaveText(['#defence×']);
  await expect(card.getByLabel('New tag')).toBeFocused();
  await page.keyboard.type('sky,');
  await expect(card.locator('.tag-chip')).toHaveText(['#defence×', '#sky×']);
  await page.keyboard.type('quotes');
  await page.keyboard.press('Enter');
  await expect(card.locator('.tag-chip')).toHaveText(['#defence×', '#sky×', '#quotes×']);
  await expect(card.getByLabel('New tag')).toBeFocused();
  // Nothing typed since: Ctrl+Z takes back the last tag, the field still open.
  await page.keyboard.press('Control+z');
  await expect(card.locator('.tag-chip')).toHaveText(['#defence×', '#sky×']);
  await expect(card.getByLabel('New tag')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card.getByLabel('New tag')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Add a tag' })).toBeFocused();
  const stored = (await reader.library.annotations(reader.library.articles()[0]?.id ?? ''))[0]?.tags;
  expect(stored).toEqual(['defence', 'sky']);
});

test('photos with their pictures carry no "Photo" label, a caption without a picture does; credits keep their case', async ({ page }) => {
  const reader = await startReader(page, async (library) => {
    await library.addArticle(await importFile(join(cases, 'credit-patterns', 'source.html'), { dataDir: library.dataDir, online: false }));
  });
  await reader.open();
  const label = (figure: import('@playwright/test').Locator) => figure.locator('figcaption').first().evaluate((caption) => getComputedStyle(caption, '::before').content);
  // The sample is a text capture: its photos are captions whose pictures were never saved.
  await page.locator('.article-link', { hasText: 'Russia says' }).click();
  await expect(page.locator('.headline')).toHaveText(/^Russia says/u);
  const placeholder = page.locator('#article-body figure').first();
  await expect(placeholder.locator('img')).toHaveCount(0);
  expect(await label(placeholder)).toBe('"Photo"');

  await page.locator('.article-link', { hasText: 'The reservoir that ran dry' }).click();
  await expect(page.locator('.headline')).toHaveText('The reservoir that ran dry');
  const photo = page.locator('#article-body figure', { has: page.locator('img') }).filter({ hasText: 'Workers repair the dam wall.' });
  await expect(photo.locator('img')).toHaveJSProperty('complete', true);
  expect(await label(photo)).toBe('none');
  // innerText is what the person sees, case transforms included.
  expect(await photo.locator('.credit').evaluate((credit) => (credit as HTMLElement).innerText)).toBe('Photograph by J. Smith');
  await reader.close();
});

test('a heading written in a note is sized to the note, not to the page', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'our sky shield will eventually guarantee security');
  await page.keyboard.press('n');
  const editor = page.getByRole('textbox', { name: 'Note' });
  await editor.fill('# Why it matters\n\nAir defence first.');
  await page.getByRole('button', { name: 'Save note' }).click();
  const note = page.locator('.highlight-card .card-note');
  await expect(note.locator('h1')).toHaveText('Why it matters');
  const [heading, text] = await note.evaluate((el) => [parseFloat(getComputedStyle(el.querySelector('h1') as Element).fontSize), parseFloat(getComputedStyle(el.querySelector('p') as Element).fontSize)]);
  expect(heading).toBeGreaterThan(text);
  expect(heading).toBeLessThanOrEqual(text * 1.3);
});

test('a long article read to its end stays read when it is opened again from another scrolled article', async ({ page }) => {
  const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of the long report, with enough words to fill a line or two of the reader.`);
  const reader = await startReader(page, async (library) => {
    await addText(library, ['Long report', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'));
  });
  await page.clock.install();
  await reader.open();
  const id = idOf(reader.library, 'Long report');
  await page.locator('.article-link', { hasText: 'Long report' }).click();
  await expect(page.locator('.headline')).toHaveText('Long report');
  // Read to the end (the scroll bar dragged down).
  await page.locator('#reader').evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
  // The scroll event reaches the page at its next frame, which may come after a first run of the
  // clock: time goes on until the position is saved.
  await expect.poll(async () => (await page.clock.runFor(500), reader.library.meta(id).progress)).toBe(1);

  // Another article, read part way, then the finished one again.
  await page.locator('.article-link').filter({ hasNotText: 'Long report' }).click();
  await page.locator('.headline', { hasNotText: 'Long report' }).waitFor();
  await page.locator('#reader').evaluate((el) => el.scrollBy(0, 800));
  await page.clock.runFor(2000);
  await page.locator('.article-link', { hasText: 'Long report' }).click();
  await expect(page.locator('.headline')).toHaveText('Long report');
  await page.clock.runFor(2000);
  // A change saved after any position save the app sent: the library stores them in turn.
  await page.getByLabel('Article tags').fill('report');
  await page.getByLabel('Article tags').press('Enter');
  await expect.poll(() => reader.library.meta(id).tags).toEqual(['report']);
  expect(reader.library.meta(id).progress).toBe(1);
  await expect(page.locator('.article-link', { hasText: 'Long report' })).toContainText('100% read');

  // Reading it again from the top is the person's choice, and is kept.
  await page.locator('#reader').focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.locator('#reader').evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  await expect.poll(async () => (await page.clock.runFor(500), reader.library.meta(id).progress)).toBeLessThan(1);
  await reader.close();
});
