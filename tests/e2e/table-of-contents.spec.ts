// The table of contents: the article's headings, opened with `t` or the Contents button, the
// section being read marked as the reader scrolls, an entry scrolling the reader to its heading.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { axeViolations } from './support/layout-probes';

const LIGHTHOUSE = join(import.meta.dirname, '../fixtures/html-import/footnotes-and-contents/source.html');

const importFile = (page: Page, file: string) => page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), [file]);

test('t lists the headings, marks the section being read while scrolling, and an entry scrolls the reader to it', async ({ reader, page }) => {
  await reader.open();
  const address = page.url();
  await importFile(page, LIGHTHOUSE);
  await expect(page.locator('.headline')).toHaveText('Why the lighthouse keepers left');
  const contents = page.getByRole('navigation', { name: 'Contents' });
  const button = page.getByRole('navigation', { name: 'View' }).getByRole('button', { name: 'Contents' });
  await expect(contents).toBeHidden();

  await page.locator('.headline').click();
  await page.keyboard.press('t');
  await expect(contents).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(contents.getByRole('button')).toHaveText(['Contents', 'The watch', 'The lamps change', 'The last keepers', 'Notes']);
  await expect(contents.getByRole('button').first()).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  // Scrolling the reader moves the mark.
  await page.locator('#article-body h2', { hasText: 'The last keepers' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await expect(contents.getByRole('button', { name: 'The last keepers' })).toHaveAttribute('aria-current', 'location');
  await expect(contents.locator('[aria-current]')).toHaveCount(1);
  await page.locator('#reader').evaluate((pane) => (pane.scrollTop = 0));
  await expect(contents.locator('[aria-current]')).toHaveCount(0);

  // Choosing an entry scrolls the reader, not the app's address, and focus goes to the heading.
  await contents.getByRole('button', { name: 'The lamps change' }).click();
  await expect(contents).toBeHidden();
  const heading = page.locator('#article-body h2', { hasText: 'The lamps change' });
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
  expect(page.url()).toBe(address);

  // From the keyboard: it opens on the section being read; arrows move through the entries,
  // Enter goes, Escape closes and gives focus back.
  await page.keyboard.press('t');
  await expect(contents.getByRole('button', { name: 'The lamps change' })).toHaveAttribute('aria-current', 'location');
  await expect(contents.getByRole('button', { name: 'The lamps change' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(contents.getByRole('button', { name: 'The last keepers' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(contents).toBeHidden();
  await expect(heading).toBeFocused();
  await button.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.locator('#article-body h2', { hasText: 'Notes' })).toBeInViewport();
});

test('headings without ids are found and scrolled to, and the article the highlights count in is unchanged', async ({ reader, page }) => {
  const file = join(reader.homeDir, 'no-ids.html');
  const paragraphs = (topic: string) => Array.from({ length: 8 }, (_, i) => `<p>${topic}, paragraph ${i + 1}: the tide came in over the flats and went out again, as it does twice a day along this coast.</p>`).join('');
  await writeFile(
    file,
    `<!doctype html><html lang="en"><head><title>Tides</title></head><body><article><h1>Tides</h1>${paragraphs('Opening')}<h2>Spring tides</h2>${paragraphs('Spring')}<h3>At the new moon</h3>${paragraphs('New moon')}<h2>Neap tides</h2>${paragraphs('Neap')}</article></body></html>`,
  );
  await reader.open();
  await importFile(page, file);
  await expect(page.locator('.headline')).toHaveText('Tides');
  const body = page.locator('#article-body');
  expect(await body.locator('h2, h3').evaluateAll((headings) => headings.filter((heading) => heading.id !== '').length)).toBe(0);
  const text = await body.evaluate((element) => element.textContent);

  await page.getByRole('navigation', { name: 'View' }).getByRole('button', { name: 'Contents' }).click();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await contents.getByRole('button', { name: 'Neap tides' }).click();
  await expect(body.locator('h2', { hasText: 'Neap tides' })).toBeInViewport();
  await page.keyboard.press('t');
  await expect(contents.getByRole('button', { name: 'Neap tides' })).toHaveAttribute('aria-current', 'location');
  await contents.getByRole('button', { name: 'At the new moon' }).click();
  await expect(body.locator('h3', { hasText: 'At the new moon' })).toBeInViewport();
  expect(await body.evaluate((element) => element.textContent)).toBe(text);
});

test('an article without headings says so in its contents', async ({ reader, page }) => {
  await reader.open();
  await page.getByRole('navigation', { name: 'View' }).getByRole('button', { name: 'Contents' }).click();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents).toContainText('This article has no headings.');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(contents).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'View' }).getByRole('button', { name: 'Contents' })).toBeFocused();
});
