// The Export dialog: every format from the app, with a preview, into a file or a folder.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dragSelect, expect, test } from './support/fixtures';

test('export the library as Readwise CSV and as one Markdown file per article into a folder', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'the free city of Kupyansk');
  await page.keyboard.press('n');
  await page.locator('.note-input').fill('Front, "line", here');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.card-note')).toHaveText('Front, "line", here');

  await reader.menu('export-library');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByLabel('Format').selectOption('csv');
  await expect(dialog.getByLabel('Preview')).toContainText('Highlight,Title,Author,URL,Note,Location,Date');
  reader.savePath = join(reader.dataDir, 'readwise.csv');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${reader.savePath}.`);
  expect(await readFile(reader.savePath, 'utf8')).toContain('the free city of Kupyansk,Russia says it has advanced nearly 2 miles in northeast Ukraine,,,"Front, ""line"", here",1,');

  await reader.menu('export-library');
  await dialog.getByLabel('Format').selectOption('markdown');
  await dialog.getByText('One file per article').click();
  reader.folderPath = join(reader.dataDir, 'vault');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${join(reader.folderPath, 'russia-says-it-has-advanced-nearly-2-miles-in-northeast-ukraine.md')}.`);
  expect(await readdir(reader.folderPath)).toEqual(['russia-says-it-has-advanced-nearly-2-miles-in-northeast-ukraine.md']);
});
