// A selection made mid-word takes the whole words, as in the reading apps people know; Alt held
// while selecting keeps the exact characters.
import { dragSelect, expect, test } from './support/fixtures';
import type { Reader } from './support/harness';

async function storedQuotes(reader: Reader): Promise<string[]> {
  const articleId = reader.library.articles()[0]?.id ?? '';
  return (await reader.library.annotations(articleId)).map((a) => a.target.quote.exact);
}

test('dragging from mid-word to mid-word selects and highlights the whole words', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'pyansk is seei');
  // What the person sees selected when they let go is what gets highlighted.
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('Kupyansk is seeing');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Kupyansk is seeing']);
  await expect.poll(() => storedQuotes(reader)).toEqual(['Kupyansk is seeing']);

  // Ending mid-word just before a comma takes the word and leaves the comma.
  await dragSelect(page, 'successful. Nonethel');
  await page.keyboard.press('h');
  await expect.poll(async () => (await storedQuotes(reader)).sort()).toEqual(['Kupyansk is seeing', 'unsuccessful. Nonetheless']);
});

test('with Alt held while selecting, the exact characters are highlighted', async ({ reader, page }) => {
  await reader.open();
  await page.keyboard.down('Alt');
  await dragSelect(page, 'pyansk is seei');
  await page.keyboard.up('Alt');
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('pyansk is seei');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['pyansk is seei']);
  await expect.poll(() => storedQuotes(reader)).toEqual(['pyansk is seei']);
});

test('a selection made with the keyboard is highlighted as whole words', async ({ reader, page }) => {
  await reader.open();
  await page.locator('#reader').focus();
  await page.keyboard.press('F7');
  await page.evaluate(() => {
    const first = document.querySelector('#article-body p')?.firstChild as Text;
    getSelection()?.collapse(first, 2);
  });
  for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('ssian off');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Russian officials']);
});
