// The pictures in the README, taken from the real reader: the library, the reader in light and
// dark, and the Export dialog. Kept as test artefacts; MARGIN_SCREENSHOT_DIR=docs refreshes the
// README's copies.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importPlainText } from '../../electron/core/import/import-file';
import type { Page } from '@playwright/test';
import { dragSelect, expect, test } from './support/fixtures';

const dir = process.env.MARGIN_SCREENSHOT_DIR ?? 'test-results/e2e/screens';

test('screenshots of the library, the reader in light and dark, and the Export dialog', async ({ reader, page }) => {
  await reader.library.addArticle(importPlainText('Night trains return to the coast\n\nThe sleeper service resumes in May, with new cabins and a dining car.', 'night-trains.txt'));
  await reader.library.addArticle(importPlainText('A quiet harbour in winter\n\nBoats rest in the harbour until the spring tides.', 'harbour.txt'));
  await reader.open();
  await page.locator('.article-link', { hasText: 'Russia says' }).click();
  await expect(page.locator('.headline')).toHaveText(/^Russia says/u);
  await page.getByRole('button', { name: 'Got it' }).click();
  await dragSelect(page, 'the free city of Kupyansk is seeing the most intense fighting');
  await page.keyboard.press('n');
  await page.locator('.note-input').fill('The front line moved here. Compare with the **Kharkiv** map.');
  await page.keyboard.press('Control+Enter');
  await dragSelect(page, 'liberated last September');
  await page.getByRole('button', { name: 'Highlight green' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(2);
  await page.locator('.highlight-card').first().getByRole('button', { name: 'Add a tag' }).click();
  await page.locator('.highlight-card').first().getByLabel('New tag').fill('frontline');
  await page.locator('.highlight-card').first().getByLabel('New tag').press('Enter');
  await expect(page.locator('.tag-chip')).toContainText('#frontline');
  // The field stays open for another tag; the picture shows it closed.
  await page.locator('.highlight-card').first().getByLabel('New tag').press('Escape');
  await expect(page.getByLabel('New tag')).toHaveCount(0);
  await page.getByLabel('Name for yellow').fill('key point');
  await page.getByLabel('Name for yellow').press('Enter');
  await page.locator('#article-body figure').first().evaluate((figure) => figure.scrollIntoView({ block: 'center' }));
  await page.mouse.move(0, 0);
  const shots = ['reader.png', 'reader-dark.png', 'library-search.png', 'export-dialog.png'];
  await page.screenshot({ path: join(dir, 'reader.png') });

  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.screenshot({ path: join(dir, 'reader-dark.png') });
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByLabel('Theme').selectOption('light');
  await page.getByRole('button', { name: 'Reading settings' }).click();

  await page.getByLabel('Search the library').fill('front');
  await expect(page.locator('.search-hit')).not.toHaveCount(0);
  await page.screenshot({ path: join(dir, 'library-search.png') });

  await reader.menu('export-article');
  await expect(page.getByRole('dialog', { name: 'Export notes' }).getByLabel('Preview')).toContainText('frontline');
  await page.screenshot({ path: join(dir, 'export-dialog.png') });

  for (const name of shots) {
    const png = await readFile(join(dir, name));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  }
});

// The reader at the sizes a person reads at: a small laptop window, a usual one, a wide monitor,
// and 200% zoom (a 1280x800 window at 200% lays out as 640x400 CSS pixels at twice the density);
// then focus mode.
const layouts = [
  { name: 'layout-800x600', viewport: { width: 800, height: 600 }, deviceScaleFactor: 1, notesOver: true },
  { name: 'layout-1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, notesOver: false },
  { name: 'layout-1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, notesOver: false },
  { name: 'layout-zoom-200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, notesOver: true },
];

async function highlightTwoPassages(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Got it' }).click();
  await dragSelect(page, 'the free city of Kupyansk is seeing the most intense fighting');
  await page.keyboard.press('h');
  await dragSelect(page, 'liberated last September');
  await page.getByRole('button', { name: 'Highlight green' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(2);
  await page.locator('#reader').evaluate((pane) => (pane.scrollTop = 0));
  await page.mouse.move(0, 300);
  await page.mouse.move(400, 300);
}

for (const layout of layouts) {
  test.describe(layout.name, () => {
    test.use({ viewport: layout.viewport, deviceScaleFactor: layout.deviceScaleFactor });

    test(`screenshot of the reader at ${layout.viewport.width}x${layout.viewport.height} (device scale ${layout.deviceScaleFactor})`, async ({ reader, page }) => {
      await reader.open();
      await highlightTwoPassages(page);
      const shots = [`${layout.name}.png`];
      await page.screenshot({ path: join(dir, `${layout.name}.png`) });
      if (layout.notesOver) {
        await page.keyboard.press(']');
        await expect(page.getByRole('complementary', { name: 'Highlights and notes' })).toBeVisible();
        await page.screenshot({ path: join(dir, `${layout.name}-notes.png`) });
        shots.push(`${layout.name}-notes.png`);
      }
      for (const name of shots) expect((await readFile(join(dir, name))).subarray(1, 4).toString('latin1')).toBe('PNG');
    });
  });
}

test.describe('focus mode', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('screenshot of focus mode', async ({ reader, page }) => {
    await reader.open();
    await highlightTwoPassages(page);
    await page.locator('.headline').click();
    await page.keyboard.press('f');
    await expect(page.getByRole('complementary', { name: 'Library' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'View' })).not.toBeInViewport();
    await page.screenshot({ path: join(dir, 'focus-mode.png') });
    expect((await readFile(join(dir, 'focus-mode.png'))).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
