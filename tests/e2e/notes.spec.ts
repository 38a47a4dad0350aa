// The rest of annotating: tags with autocomplete, the article's own note, naming the colours,
// undo and redo, and highlights that need review after the article changed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dragSelect, expect, paintedText, test } from './support/fixtures';

test('tags on highlights, offered again from the ones already used', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'sky shield');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card')).toHaveCount(1);
  const first = page.locator('.highlight-card').first();
  await first.getByRole('button', { name: 'Add a tag' }).click();
  await first.getByLabel('New tag').fill('air-defence');
  await first.getByLabel('New tag').press('Enter');
  await expect(first.locator('.tag-chip')).toHaveText(['#air-defence×']);
  await dragSelect(page, 'Chonhar bridge');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card')).toHaveCount(2);
  const options = await page.locator('#margin-known-tags option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
  expect(options).toEqual(['air-defence']);
  const stored = await reader.library.annotations(reader.library.articles()[0]?.id ?? '');
  expect(stored.find((a) => a.target.quote.exact === 'sky shield')?.tags).toEqual(['air-defence']);
});

test('an article note in Markdown, and names for the colours', async ({ reader, page }) => {
  await reader.open();
  await page.getByRole('button', { name: 'Add a note on this article' }).click();
  await page.getByRole('textbox', { name: 'Article note' }).fill('Read with the **map** open.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.article-note strong')).toHaveText('map');
  await page.getByLabel('Name for yellow').fill('key point');
  await page.getByLabel('Name for yellow').press('Enter');
  await expect.poll(() => reader.library.colorLabels.yellow).toBe('key point');
  await dragSelect(page, 'sky shield');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card').getByRole('button', { name: 'Colour yellow (key point)' })).toBeVisible();
  await page.reload();
  await page.locator('.headline').waitFor();
  await expect(page.locator('.article-note strong')).toHaveText('map');
  await expect(page.getByLabel('Name for yellow')).toHaveValue('key point');
});

test('undo brings back a deleted highlight, redo deletes it again', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'the free city of Kupyansk');
  await page.keyboard.press('n');
  await page.locator('.note-input').fill('Front line');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.card-note')).toHaveText('Front line');
  await page.locator('.highlight-card').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(0);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.highlight-card .card-note')).toHaveText('Front line');
  expect((await paintedText(page))['margin-yellow']).toEqual(['the free city of Kupyansk']);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.highlight-card')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.highlight-card .card-note')).toHaveCount(0);
  await expect(page.locator('.highlight-card')).toHaveCount(1);
});

test('after the article changes, uncertain highlights wait in Needs review until accepted', async ({ reader, page }) => {
  const file = join(reader.homeDir, 'harbour.txt');
  await writeFile(file, 'Harbour news\n\nThe ferry to the island leaves at nine every morning in summer.\n\nThe old lighthouse will be repainted in white and red stripes this spring.\n');
  await reader.open();
  reader.importPaths = [file];
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(page.locator('.headline')).toHaveText('Harbour news');
  await dragSelect(page, 'leaves at nine every morning');
  await page.keyboard.press('h');
  await dragSelect(page, 'repainted in white and red stripes');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card')).toHaveCount(2);

  await writeFile(file, 'Harbour news\n\nA new first line from the editors.\n\nThe ferry to the island leaves at nine every morning in summer.\n\nThe old lighthouse will be repainted in grey this spring.\n');
  await page.getByRole('button', { name: 'Import again' }).click();
  await expect(page.locator('.status')).toHaveText('Version 2: 1 highlight found their place; 1 needs your review.');
  const review = page.getByRole('region', { name: 'Needs review' });
  await expect(review.locator('.review-old')).toContainText('repainted in white and red stripes');
  await expect(review.locator('.review-candidate')).toContainText('repainted in');
  // The person prefers other words: select them and attach the highlight there.
  await dragSelect(page, 'repainted in grey');
  await review.getByRole('button', { name: 'Attach to selection' }).click();
  await expect(review).toHaveCount(0);
  expect((await paintedText(page))['margin-yellow']?.sort()).toEqual(['leaves at nine every morning', 'repainted in grey']);
  const [, second] = await reader.library.annotations(reader.library.articles().find((a) => a.title === 'Harbour news')?.id ?? '');
  expect(second?.review).toBeNull();
});

test('File > Import Annotations attaches a W3C file to its article; new highlights are announced', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'Chonhar bridge');
  await page.keyboard.press('h');
  await expect(page.locator('.visually-hidden[aria-live]')).toHaveText('Highlighted: Chonhar bridge');
  reader.savePath = join(reader.homeDir, 'notes.jsonld');
  await reader.menu('export-article');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByLabel('Format').selectOption('jsonld');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${reader.savePath}.`);
  await page.locator('.highlight-card').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(0);

  reader.openPath = reader.savePath;
  await reader.menu('import-annotations');
  await expect(page.locator('.status')).toHaveText('Attached 1 annotation.');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Chonhar bridge']);
});
