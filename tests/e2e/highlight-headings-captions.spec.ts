// Headings and image captions are text a person highlights like any other: by mouse or keyboard,
// painted exactly, kept across a reload, listed in the notes panel and exported as they read.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dragSelect, expect, paintedText, test } from './support/fixtures';
import type { Reader } from './support/harness';

// A page as many sites serve it: no white space between blocks, so the text runs
// "failed" + "The" together, and a caption's credit sits right after its last word.
const TIGHT_HTML =
  '<!doctype html><html><head><title>Sea walls</title></head><body><article><h1>Sea walls</h1>' +
  '<p>The coast has been defended for centuries, and each generation has built its own kind of wall.</p>' +
  '<h2>Why the old wall failed</h2><p>The storm of 1953 broke it in three places, and the sea came in over the fields for miles.</p>' +
  '<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="A wall"><figcaption>The wall at low tide<span class="credit">Photo by Ann Lee</span></figcaption></figure>' +
  '<p>Rebuilding took ten years and most of the money the county had, and it was never quite finished.</p></article></body></html>';

const MARKDOWN = '# Dunes\n\nDunes move a few metres every year, pushed by the wind off the sea.\n\n## Planting marram grass\n\nThe roots hold the sand together.\n\n## What the grass cannot do\n\nIt cannot stop a storm surge.\n';

async function importFile(reader: Reader, page: Page, name: string, content: string, title: string): Promise<void> {
  const file = join(reader.homeDir, name);
  await writeFile(file, content);
  reader.importPaths = [file];
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(page.locator('.headline')).toHaveText(title);
}

async function reopen(page: Page, title: string): Promise<void> {
  await page.reload();
  await page.locator('.library-list .article-title', { hasText: title }).click();
  await expect(page.locator('.headline')).toHaveText(title);
}

/** Places the caret (caret browsing) at the start of a phrase and extends the selection a word at a time. */
async function keyboardSelect(page: Page, phrase: string, words: number): Promise<void> {
  await page.locator('#reader').focus();
  await page.keyboard.press('F7');
  await expect(page.locator('#article-body')).toHaveAttribute('contenteditable', 'true');
  await page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.getElementById('article-body') as HTMLElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(phrase);
      if (at !== -1) {
        getSelection()?.collapse(node, at);
        return;
      }
    }
    throw new Error(`phrase not found: ${phrase}`);
  }, phrase);
  for (let i = 0; i < words; i++) await page.keyboard.press('Shift+Control+ArrowRight');
}

async function exportPreview(page: Page, reader: Reader, format: 'markdown' | 'csv' | 'jsonld'): Promise<string> {
  await reader.menu('export-article');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByLabel('Format').selectOption(format);
  const preview = dialog.getByLabel('Preview');
  await expect(preview).toContainText({ markdown: '## Highlights', csv: 'Highlight,Title', jsonld: '"@context"' }[format]);
  const text = (await preview.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  return text;
}

test('a heading and a caption with its credit, on a page with no space between blocks, highlight exactly and export as they read', async ({ reader, page }) => {
  await reader.open();
  await importFile(reader, page, 'walls.html', TIGHT_HTML, 'Sea walls');

  await dragSelect(page, 'Why the old wall failed');
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('Why the old wall failed');
  await page.keyboard.press('h');
  await dragSelect(page, 'The wall at low tide');
  await page.getByRole('button', { name: 'Highlight green' }).click();
  await dragSelect(page, 'Photo by Ann Lee');
  await page.getByRole('button', { name: 'Highlight yellow' }).click();

  const quotes = ['Why the old wall failed', 'The wall at low tide', 'Photo by Ann Lee'];
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(quotes);
  expect(await paintedText(page)).toMatchObject({ 'margin-yellow': ['Why the old wall failed', 'Photo by Ann Lee'], 'margin-green': ['The wall at low tide'] });

  await reopen(page, 'Sea walls');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(quotes);
  await expect.poll(async () => (await paintedText(page))['margin-green']).toEqual(['The wall at low tide']);

  const markdown = await exportPreview(page, reader, 'markdown');
  // A caption highlight is the words chosen, set as a caption is, not the whole caption.
  expect(markdown).toContain('> Why the old wall failed\n');
  expect(markdown).toContain('> *The wall at low tide*\n');
  expect(markdown).toContain('> *Photo by Ann Lee*\n');
  expect(markdown).not.toContain('failedThe');
  const csv = await exportPreview(page, reader, 'csv');
  expect(csv).toContain('The wall at low tide,Sea walls,');
  expect(csv).toContain('Photo by Ann Lee,Sea walls,');
  const jsonld = await exportPreview(page, reader, 'jsonld');
  expect(jsonld).toContain('"exact":"Why the old wall failed"');
  expect(jsonld).toContain('"exact":"The wall at low tide"');
});

test('a heading is highlighted with the keyboard alone, stopping at its last word', async ({ reader, page }) => {
  await reader.open();
  await importFile(reader, page, 'walls.html', TIGHT_HTML, 'Sea walls');
  await keyboardSelect(page, 'Why the old wall failed', 5);
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Why the old wall failed']);
  expect((await paintedText(page))['margin-yellow']).toEqual(['Why the old wall failed']);
});

test('the sample article: a photo caption and its credit are highlighted by mouse and keyboard, kept and exported', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'A firefighter worked to put out a blaze');
  await page.keyboard.press('h');
  await dragSelect(page, 'via REUTERS');
  await page.getByRole('button', { name: 'Highlight blue' }).click();
  await keyboardSelect(page, 'Ukrainian President Volodymyr Zelenskyy visited troops', 6);
  await page.keyboard.press('h');
  await page.keyboard.press('F7');

  const quotes = ['A firefighter worked to put out a blaze', 'via REUTERS', 'Ukrainian President Volodymyr Zelenskyy visited troops'];
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(quotes);
  // `h` keeps the colour chosen last.
  const blue = ['via REUTERS', 'Ukrainian President Volodymyr Zelenskyy visited troops'];
  expect((await paintedText(page))['margin-blue']).toEqual(blue);

  await page.reload();
  await page.locator('.headline').waitFor();
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(quotes);
  await expect.poll(async () => (await paintedText(page))['margin-blue']).toEqual(blue);

  const markdown = await exportPreview(page, reader, 'markdown');
  expect(markdown).toContain('> *A firefighter worked to put out a blaze*\n');
  expect(markdown).toContain('> *via REUTERS*\n');
  expect(markdown).not.toContain('Starokostiantyniv');
  const csv = await exportPreview(page, reader, 'csv');
  expect(csv).toContain('via REUTERS,Russia says it has advanced nearly 2 miles in northeast Ukraine,');
  const jsonld = await exportPreview(page, reader, 'jsonld');
  expect(jsonld).toContain('"exact":"via REUTERS"');
});

test('Markdown ## headings are highlighted by mouse and keyboard, and listed in the notes panel', async ({ reader, page }) => {
  await reader.open();
  await importFile(reader, page, 'dunes.md', MARKDOWN, 'Dunes');
  await expect(page.locator('#article-body h2')).toHaveText(['Planting marram grass', 'What the grass cannot do']);
  await dragSelect(page, 'Planting marram grass');
  await page.keyboard.press('h');
  await keyboardSelect(page, 'What the grass cannot do', 5);
  await page.keyboard.press('h');
  await page.keyboard.press('F7');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Planting marram grass', 'What the grass cannot do']);
  await reopen(page, 'Dunes');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Planting marram grass', 'What the grass cannot do']);
  await expect.poll(async () => (await paintedText(page))['margin-yellow']).toEqual(['Planting marram grass', 'What the grass cannot do']);
});
