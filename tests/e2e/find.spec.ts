import { expect, paintedText, test } from './support/fixtures';

test('find in the article: matches counted and painted, next and previous scroll to each', async ({ reader, page }) => {
  await reader.open();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  await find.fill("ukraine's");
  await expect(page.locator('.find-count')).toHaveText('1 of 4');
  const painted = (await paintedText(page))['margin-find'] ?? [];
  expect(painted).toHaveLength(4);
  expect(new Set(painted)).toEqual(new Set(['Ukraine’s']));
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('.find-count')).toHaveText('4 of 4');
  const current = await page.evaluate(() => [...(CSS.highlights.get('margin-find-current') ?? [])][0]?.startContainer.parentElement?.textContent ?? '');
  expect(current).toContain('Ukraine’s Day of the Air Force');
  await find.fill('nothing like this');
  await expect(page.locator('.find-count')).toHaveText('No matches');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search')).toBeHidden();
});
