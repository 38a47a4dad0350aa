// The Export dialog: every format from the app, with a preview, into a file or a folder.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeAsset } from '../../electron/core/assets/asset-store';
import { planExport, writeExport } from '../../electron/core/export/export-service';
import { importFile, importPlainText } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { describeSpan } from '../../electron/shared/anchoring';
import { assetUrl } from '../../electron/shared/asset-url';
import { samplePath } from './support/harness';
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
  reader.savePath = join(reader.homeDir, 'readwise.csv');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${reader.savePath}.`);
  expect(await readFile(reader.savePath, 'utf8')).toContain('the free city of Kupyansk,Russia says it has advanced nearly 2 miles in northeast Ukraine,,,"Front, ""line"", here",1,');

  await reader.menu('export-library');
  await dialog.getByLabel('Format').selectOption('markdown');
  await dialog.getByText('One file per article').click();
  reader.folderPath = join(reader.homeDir, 'vault');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${join(reader.folderPath, 'russia-says-it-has-advanced-nearly-2-miles-in-northeast-ukraine.md')}.`);
  expect(await readdir(reader.folderPath)).toEqual(['russia-says-it-has-advanced-nearly-2-miles-in-northeast-ukraine.md']);
});

test('exporting the whole library leaves the trash out unless “Include the trash” is ticked', async ({ reader, page }) => {
  const trashed = await reader.library.addArticle(importPlainText('Thrown away\n\nAn article the person put in the trash.', 'thrown.txt'));
  await reader.library.updateArticle(trashed.id, { state: 'trash' });
  const archived = await reader.library.addArticle(importPlainText('Kept for later\n\nAn article the person archived.', 'kept.txt'));
  await reader.library.updateArticle(archived.id, { state: 'archived' });
  await reader.open();

  await reader.menu('export-library');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByLabel('Format').selectOption('json');
  await expect(dialog.getByLabel('Preview')).toContainText('"exportedAt"');
  const trash = dialog.getByLabel('Include the trash');
  await expect(trash).not.toBeChecked();
  reader.savePath = join(reader.homeDir, 'exported-library.json');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${reader.savePath}.`);
  const titles = (text: string) => (JSON.parse(text) as { articles: { meta: { title: string } }[] }).articles.map((a) => a.meta.title).sort();
  expect(titles(await readFile(reader.savePath, 'utf8'))).toEqual(['Kept for later', 'Russia says it has advanced nearly 2 miles in northeast Ukraine']);

  await reader.menu('export-library');
  await dialog.getByLabel('Format').selectOption('json');
  await trash.check();
  reader.savePath = join(reader.homeDir, 'exported-with-trash.json');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${reader.savePath}.`);
  expect(titles(await readFile(reader.savePath, 'utf8'))).toContain('Thrown away');
  // Only the whole library has a trash to include.
  await reader.menu('export-article');
  await expect(trash).toBeHidden();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a Readwise CSV defuses a note that starts like a formula unless the exact Readwise form is chosen', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'the free city of Kupyansk');
  await page.keyboard.press('n');
  await page.locator('.note-input').fill('=HYPERLINK("https://example.org")');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.card-note')).toHaveText('=HYPERLINK("https://example.org")');

  await reader.menu('export-library');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByLabel('Format').selectOption('csv');
  const preview = dialog.getByLabel('Preview');
  await expect(preview).toContainText(`"'=HYPERLINK(""https://example.org"")"`);
  const exact = dialog.getByLabel('Exact Readwise form');
  await expect(exact).not.toBeChecked();
  await expect(dialog).toContainText('a spreadsheet');
  await exact.check();
  await expect(preview).toContainText(`,"=HYPERLINK(""https://example.org"")",`);
  reader.savePath = join(reader.homeDir, 'readwise.csv');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${reader.savePath}.`);
  expect(await readFile(reader.savePath, 'utf8')).toContain(',"=HYPERLINK(""https://example.org"")",');
  // Other formats have no such choice.
  await reader.menu('export-library');
  await dialog.getByLabel('Format').selectOption('markdown');
  await expect(exact).toBeHidden();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

// A 1x1 PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a vault export copies the photo a highlight runs across into attachments beside the notes', async ({ reader, page }) => {
  const name = await storeAsset(reader.dataDir, new Uint8Array(PIXEL), 'png');
  const article = await reader.library.addArticle({
    ...importPlainText('Harbour\n\nplaceholder', 'harbour.txt'),
    html: `<p>The boats came in at dawn.</p>\n<figure><img src="${assetUrl(name)}" alt="Boats at the quay"><figcaption><span class="caption">Boats at the quay.</span> <span class="credit">Photo: A. Berg</span></figcaption></figure>\n<p>The market opened at seven.</p>`,
  });
  const { text } = await reader.library.content(article.id);
  await reader.library.addAnnotation(article.id, { color: 'yellow', note: '', tags: [], target: describeSpan(text, text.indexOf('at dawn'), text.indexOf('The market') + 'The market'.length) });
  await reader.open();

  await reader.menu('export-library');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByLabel('Format').selectOption('markdown');
  await dialog.getByText('One file per article').click();
  reader.folderPath = join(reader.homeDir, 'vault');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText('Exported 2 files. 1 image beside the notes, in attachments.');
  expect(await readFile(join(reader.folderPath, 'attachments', name))).toEqual(PIXEL);
  const note = await readFile(join(reader.folderPath, 'harbour.md'), 'utf8');
  expect(note).toContain(`> ![Boats at the quay](attachments/${name})\n> *Boats at the quay. (Photo: A. Berg)*`);
});

test('annotations from another library that fit two copies of the article are not guessed: the app says which', async ({ reader, page }) => {
  // Another library, where the person highlighted the same article and exported the highlight.
  const elsewhere = await mkdtemp(join(tmpdir(), 'margin-other-'));
  try {
    const other = await Library.open(elsewhere);
    const article = await other.addArticle(await importFile(samplePath));
    const { text } = await other.content(article.id);
    const at = text.indexOf('the free city of Kupyansk');
    await other.addAnnotation(article.id, { color: 'pink', note: '', tags: [], target: describeSpan(text, at, at + 'the free city of Kupyansk'.length) });
    reader.openPath = join(reader.homeDir, 'from-elsewhere.jsonld');
    await writeExport(await planExport(other, 'jsonld', null), reader.openPath);
  } finally {
    await rm(elsewhere, { recursive: true, force: true });
  }
  // Here the article is in the library twice.
  await reader.library.addArticle(await importFile(samplePath));
  await reader.open();

  await reader.menu('import-annotations');
  await expect(page.locator('.status')).toContainText('Attached 0 annotations. 1 annotation fits more than one article: “the free city of Kupyansk” fits “Russia says');
  await expect(page.locator('.status')).toContainText('none of them was attached.');
  for (const meta of reader.library.articles()) expect(await reader.library.annotations(meta.id)).toEqual([]);
});
