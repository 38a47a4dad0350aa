// The reader from a small laptop window to a wide monitor, and at 200% zoom (a 1280x800 window
// zoomed to 200% lays out as 640x400 CSS pixels at twice the density): the panels dock while the
// article keeps 45 characters a line and fold over it when not, nothing is cut off, the page
// never scrolls sideways.
import { dragSelect, expect, test } from './support/fixtures';
import { axeViolations, charactersPerLine, cutOff, scrollsSideways } from './support/layout-probes';

const sizes = [
  { name: '800x600', viewport: { width: 800, height: 600 }, deviceScaleFactor: 1, docked: false },
  { name: '200% zoom of 1280x800', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, docked: false },
  { name: '1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, docked: true },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, docked: true },
];

for (const size of sizes) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test(`at ${size.name} the article holds 45 characters a line, nothing is cut off and the page never scrolls sideways`, async ({ reader, page }) => {
      await reader.open();
      const library = page.getByRole('complementary', { name: 'Library' });
      const notes = page.getByRole('complementary', { name: 'Highlights and notes' });
      const libraryButton = page.getByRole('button', { name: 'Library', exact: true });
      const notesButton = page.getByRole('button', { name: 'Notes', exact: true });
      await expect(libraryButton).toHaveAttribute('aria-expanded', String(size.docked));
      await expect(notesButton).toHaveAttribute('aria-expanded', String(size.docked));
      if (size.docked) {
        await expect(library).toBeVisible();
        await expect(notes).toBeVisible();
      } else {
        await expect(library).toBeHidden();
        await expect(notes).toBeHidden();
      }
      expect(await charactersPerLine(page)).toBeGreaterThanOrEqual(45);
      expect(await cutOff(page)).toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);

      // Each panel, opened over the article where it does not fit beside it, is whole too.
      for (const [button, panel] of [
        [libraryButton, library],
        [notesButton, notes],
      ] as const) {
        if (!size.docked) await button.click();
        await expect(panel).toBeVisible();
        expect(await cutOff(page)).toEqual([]);
        expect(await scrollsSideways(page)).toBe(false);
        if (!size.docked) {
          await page.keyboard.press('Escape');
          await expect(panel).toBeHidden();
        }
      }
      await expect(notes.getByRole('button', { name: 'Export…' })).toBeVisible({ visible: size.docked });
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test.describe('at 1280x800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the library and notes panels collapse with their buttons, [ and ], widen the article, and stay so after a restart', async ({ reader, page }) => {
    await reader.open();
    const library = page.getByRole('complementary', { name: 'Library' });
    const notes = page.getByRole('complementary', { name: 'Highlights and notes' });
    const libraryButton = page.getByRole('button', { name: 'Library', exact: true });
    const notesButton = page.getByRole('button', { name: 'Notes', exact: true });
    await expect(libraryButton).toHaveAttribute('aria-controls', 'library');
    await expect(notesButton).toHaveAttribute('aria-controls', 'notes');
    const before = await page.locator('#reader').evaluate((pane) => pane.clientWidth);

    await libraryButton.click();
    await expect(library).toBeHidden();
    await expect(libraryButton).toHaveAttribute('aria-expanded', 'false');
    await page.locator('#reader').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press(']');
    await expect(notes).toBeHidden();
    await expect(notesButton).toHaveAttribute('aria-expanded', 'false');
    expect(await page.locator('#reader').evaluate((pane) => pane.clientWidth)).toBeGreaterThan(before + 500);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.locator('.headline').waitFor();
    await expect(library).toBeHidden();
    await expect(notes).toBeHidden();
    await page.keyboard.press('[');
    await expect(library).toBeVisible();
    await expect(notes).toBeHidden();
    await notesButton.click();
    await expect(notes).toBeVisible();
    await expect(notesButton).toHaveAttribute('aria-expanded', 'true');

    // Folding the panel the focus is in hands the focus to the panel's button.
    await library.getByRole('button', { name: 'Open…' }).focus();
    await page.keyboard.press('[');
    await expect(library).toBeHidden();
    await expect(libraryButton).toBeFocused();
  });
});

test.describe('at 1280x800, with larger type', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a larger reading size folds the library over the article rather than squeezing the lines under 45 characters', async ({ reader, page }) => {
    await reader.open();
    const library = page.getByRole('complementary', { name: 'Library' });
    await expect(library).toBeVisible();
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByLabel('Text size').fill('26');
    await expect(library).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Highlights and notes' })).toBeVisible();
    expect(await charactersPerLine(page)).toBeGreaterThanOrEqual(45);
    await page.getByLabel('Text size').fill('20');
    await expect(library).toBeVisible();
  });
});

test.describe('at 800x600', () => {
  test.use({ viewport: { width: 800, height: 600 } });

  test('a panel opens over the article with its button or key, takes the focus, and gives it back when Escape or a click outside closes it', async ({ reader, page }) => {
    await reader.open();
    const library = page.getByRole('complementary', { name: 'Library' });
    const notes = page.getByRole('complementary', { name: 'Highlights and notes' });
    const libraryButton = page.getByRole('button', { name: 'Library', exact: true });

    await libraryButton.focus();
    await page.keyboard.press('Enter');
    await expect(library).toBeVisible();
    await expect(libraryButton).toHaveAttribute('aria-expanded', 'true');
    await expect(library.getByRole('button', { name: 'Open…' })).toBeFocused();
    // Over the article, not beside it: the article keeps its width.
    expect(await library.evaluate((panel) => getComputedStyle(panel).position)).toBe('fixed');
    expect(await charactersPerLine(page)).toBeGreaterThanOrEqual(45);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(library).toBeHidden();
    await expect(libraryButton).toBeFocused();

    // From the article with the key; a click on the article closes it.
    await page.locator('.headline').click();
    await page.keyboard.press(']');
    await expect(notes).toBeVisible();
    await expect(notes.getByRole('button', { name: 'Reading settings' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.headline').click();
    await expect(notes).toBeHidden();
    await expect(page.getByRole('button', { name: 'Notes', exact: true })).toHaveAttribute('aria-expanded', 'false');

    // Tabbing out of the panel closes it too, so it never hides the article behind the focus.
    await page.keyboard.press(']');
    await expect(notes.getByRole('button', { name: 'Reading settings' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(notes).toBeHidden();
    await expect(page.locator('#reader :focus')).toHaveCount(1);
  });

  test('writing a note opens the notes panel over the article, and / opens the library for its search', async ({ reader, page }) => {
    await reader.open();
    await page.keyboard.press('/');
    await expect(page.getByRole('complementary', { name: 'Library' })).toBeVisible();
    await expect(page.getByLabel('Search the library')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: 'Library' })).toBeHidden();

    const notes = page.getByRole('complementary', { name: 'Highlights and notes' });
    await expect(notes).toBeHidden();
    await dragSelect(page, 'sky shield');
    await page.keyboard.press('n');
    await expect(notes).toBeVisible();
    await expect(notes.locator('.note-input')).toBeFocused();
    await page.keyboard.type('Air defence');
    await page.keyboard.press('Control+Enter');
    await expect(notes.locator('.card-note')).toHaveText('Air defence');
  });
});
