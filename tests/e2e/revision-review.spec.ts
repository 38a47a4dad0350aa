// When the article changes under a highlight, the person sees what they highlighted beside what
// the article says now, and decides.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dragSelect, expect, paintedText, test } from './support/fixtures';
import { DOCK_STREET as ARTICLE } from './support/dock-street';



/** In the opened Dock Street article: one highlight the next version changes, one it keeps. */
async function highlightTwoPassages(page: Page): Promise<void> {
  await expect(page.locator('.headline')).toHaveText('Fire on Dock Street');
  await dragSelect(page, 'forcing the evacuation of two apartment blocks');
  await page.keyboard.press('h');
  await dragSelect(page, 'kept the flames away');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card')).toHaveCount(2);
}

test('a highlight whose words changed waits in Needs review, old and new words side by side, until accepted', async ({ reader, page }) => {
  const file = join(reader.homeDir, 'dock-street.txt');
  await writeFile(file, ARTICLE);
  await reader.open();
  reader.importPaths = [file];
  await page.getByRole('button', { name: 'Open…' }).click();
  await highlightTwoPassages(page);

  await writeFile(file, ARTICLE.replace('of two apartment', 'of three apartment'));
  await page.getByRole('button', { name: 'Import again' }).click();
  await expect(page.locator('.status')).toHaveText('Version 2: 1 highlight found their place; 1 needs your review.');

  const review = page.getByRole('region', { name: 'Needs review' });
  const was = review.locator('.review-old');
  const now = review.locator('.review-candidate');
  await expect(was).toContainText('forcing the evacuation of two apartment blocks');
  await expect(now).toContainText('forcing the evacuation of three apartment blocks');
  await expect(was.locator('del')).toHaveText(['two']);
  await expect(now.locator('ins')).toHaveText(['three']);
  // Side by side: the two stand on one row, what was highlighted first.
  const [left, right] = [await was.boundingBox(), await now.boundingBox()];
  expect(left !== null && right !== null && left.x + left.width <= right.x && Math.abs(left.y - right.y) < 4).toBe(true);
  // Until it is accepted, the highlight still holds the words the person chose and is not painted.
  expect((await paintedText(page))['margin-yellow']).toEqual(['kept the flames away']);
  const articleId = reader.library.articles().find((a) => a.title === 'Fire on Dock Street')?.id ?? '';
  const waiting = (await reader.library.annotations(articleId)).find((a) => a.review !== null);
  expect(waiting?.target.quote.exact).toBe('forcing the evacuation of two apartment blocks');

  await review.getByRole('button', { name: 'Accept' }).click();
  await expect(review).toHaveCount(0);
  expect((await paintedText(page))['margin-yellow']?.sort()).toEqual(['forcing the evacuation of three apartment blocks', 'kept the flames away']);
  const accepted = (await reader.library.annotations(articleId)).find((a) => a.id === waiting?.id);
  expect(accepted).toMatchObject({ review: null, target: { quote: { exact: 'forcing the evacuation of three apartment blocks' } } });
});

test('from the keyboard alone: Shift+A accepts a highlight waiting for review, Shift+H attaches one to the selected words', async ({ reader, page }) => {
  const file = join(reader.homeDir, 'dock-street.txt');
  await writeFile(file, ARTICLE);
  await reader.open();
  reader.importPaths = [file];
  await page.keyboard.press('Control+o');
  await highlightTwoPassages(page);
  await writeFile(file, ARTICLE.replace('of two apartment', 'of three apartment').replace('kept the flames away', 'held the fire back'));
  await page.locator('#reader').focus();
  await page.keyboard.press('Shift+I');
  const review = page.getByRole('region', { name: 'Needs review' });
  await expect(review.locator('.review-card')).toHaveCount(2);

  await page.keyboard.press('Shift+A');
  await expect(review.locator('.review-card')).toHaveCount(1);
  await dragSelect(page, 'held the fire back');
  await page.keyboard.press('Shift+H');
  await expect(review).toHaveCount(0);
  expect((await paintedText(page))['margin-yellow']?.sort()).toEqual(['forcing the evacuation of three apartment blocks', 'held the fire back']);

  // The colour legend and the library's list choices have keys too.
  await page.keyboard.press('Shift+C');
  await expect(page.getByLabel('Name for yellow')).toBeFocused();
  await page.locator('#reader').focus();
  await page.keyboard.press('Shift+L');
  await expect(page.getByLabel('Show')).toBeFocused();
});
