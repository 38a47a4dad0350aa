// Reading comfort: theme and typography change what the page looks like, and are remembered.
import { dragSelect, expect, test } from './support/fixtures';
import { startReader } from './support/harness';

const background = (el: Element) => getComputedStyle(el).backgroundColor;

test('themes change the page colours, and the choice is remembered', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'our sky shield will eventually guarantee security');
  await page.keyboard.press('h');
  const body = page.locator('body');
  const light = await body.evaluate(background);
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  const dark = await body.evaluate(background);
  expect(dark).not.toBe(light);
  const inkOnPaper = await page.locator('#article-body p').first().evaluate((p) => [getComputedStyle(p).color, getComputedStyle(document.body).backgroundColor]);
  expect(inkOnPaper).toEqual(['rgb(232, 227, 216)', 'rgb(27, 26, 24)']);
  await page.screenshot({ path: process.env.MARGIN_SCREENSHOT_DARK ?? 'test-results/e2e/reader-dark.png' });

  await page.getByLabel('Theme').selectOption('sepia');
  expect(await body.evaluate(background)).toBe('rgb(244, 236, 216)');
  await page.getByLabel('Font').selectOption('sans');
  await page.getByLabel('Text size').fill('24');
  await expect(page.locator('.article')).toHaveCSS('font-size', '24px');

  await page.reload();
  await page.locator('.headline').waitFor();
  expect(await body.evaluate(background)).toBe('rgb(244, 236, 216)');
  await expect(page.locator('.article')).toHaveCSS('font-size', '24px');
  expect(await page.locator('.article').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('system-ui');
});

test('the first run shows how to highlight, until dismissed', async ({ reader, page }) => {
  await reader.open();
  const tip = page.getByRole('complementary', { name: 'Tip' });
  await expect(tip).toContainText('to highlight it');
  await tip.getByRole('button', { name: 'Got it' }).click();
  await expect(tip).toHaveCount(0);
  await page.reload();
  await page.locator('.headline').waitFor();
  await expect(page.getByRole('complementary', { name: 'Tip' })).toHaveCount(0);
});

test('on Linux the reading settings offer spell checking, off, saying it downloads a dictionary; turning it on is kept', async ({ reader, page }) => {
  await reader.open();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  const spelling = page.getByRole('checkbox', { name: 'Check spelling as you type' });
  await expect(spelling).not.toBeChecked();
  await expect(spelling).toHaveAccessibleDescription(/downloads a dictionary from Google's servers/u);
  await spelling.check();
  await expect.poll(() => reader.library.settings.spellcheck).toBe(true);

  await page.reload();
  await page.locator('.headline').waitFor();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Check spelling as you type' })).toBeChecked();
});

test('on macOS the system checks spelling without downloads, so there is nothing to choose', async ({ page }) => {
  const reader = await startReader(page, undefined, { os: 'darwin' });
  await reader.open();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await expect(page.getByLabel('Theme')).toBeVisible();
  // The page has the library's answer (asked for after the one the panel waits on), and it says so.
  const answer = await page.evaluate(() => (window as unknown as { margin: { librarySettings(input: object): Promise<unknown> } }).margin.librarySettings({}));
  expect(answer).toMatchObject({ ok: true, value: { spellcheck: { on: true, choosable: false } } });
  await expect(page.getByRole('checkbox', { name: 'Check spelling as you type' })).toHaveCount(0);
  expect(reader.foreignRequests).toEqual([]);
  await reader.close();
});
