// Focus mode: `f` leaves only the article, its column centred; the panels and the toolbar wait
// until the pointer comes to where they were or a key calls them; `f` or Escape brings all back.
import { expect, test } from './support/fixtures';
import { axeViolations } from './support/layout-probes';

test.use({ viewport: { width: 1280, height: 800 } });

test('f shows only the article, centred; the pointer at an edge or [ ] calls a panel back; Escape or f leaves', async ({ reader, page }) => {
  await reader.open();
  const library = page.getByRole('complementary', { name: 'Library' });
  const notes = page.getByRole('complementary', { name: 'Highlights and notes' });
  const toolbar = page.getByRole('navigation', { name: 'View' });
  await page.getByRole('button', { name: 'Got it' }).click();
  await page.locator('.headline').click();

  await page.keyboard.press('f');
  await expect(library).toBeHidden();
  await expect(notes).toBeHidden();
  await expect(toolbar).not.toBeInViewport();
  await expect(page.getByRole('button', { name: 'Focus', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const centre = await page.locator('.article').evaluate((article) => {
    const box = article.getBoundingClientRect();
    const pane = (article.closest('.reader') as HTMLElement).getBoundingClientRect();
    return { article: box.left + box.width / 2, window: window.innerWidth / 2, paneLeft: pane.left, paneRight: pane.right };
  });
  expect(centre.paneLeft).toBe(0);
  expect(centre.paneRight).toBe(1280);
  // Centred in the window, give or take the scrollbar's gutter.
  expect(Math.abs(centre.article - centre.window)).toBeLessThanOrEqual(10);
  await page.mouse.move(640, 400);
  expect(await axeViolations(page)).toEqual([]);

  // The pointer at the left edge shows the library over the article; leaving it hides it again.
  await page.mouse.move(2, 400);
  await expect(library).toBeVisible();
  await page.mouse.move(640, 400);
  await expect(library).toBeHidden();
  await page.mouse.move(1279, 400);
  await expect(notes).toBeVisible();
  await page.mouse.move(640, 400);
  await expect(notes).toBeHidden();
  // At the top, the toolbar.
  await page.mouse.move(640, 10);
  await expect(toolbar).toBeInViewport();
  await page.mouse.move(640, 400);
  await expect(toolbar).not.toBeInViewport();

  // A key calls a panel with the focus in it; Escape sends it away and focus mode stays.
  await page.keyboard.press(']');
  await expect(notes).toBeVisible();
  await expect(notes.getByRole('button', { name: 'Reading settings' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(notes).toBeHidden();
  await expect(toolbar).not.toBeInViewport();
  await page.locator('.headline').click();
  await page.keyboard.press('[');
  await expect(library).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();

  // Escape from the article leaves focus mode: the docked panels come back.
  await page.locator('.headline').click();
  await page.keyboard.press('Escape');
  await expect(library).toBeVisible();
  await expect(notes).toBeVisible();
  await expect(toolbar).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Focus', exact: true })).toHaveAttribute('aria-pressed', 'false');

  // And f, both ways.
  await page.keyboard.press('f');
  await expect(library).toBeHidden();
  await page.keyboard.press('f');
  await expect(library).toBeVisible();
});

test('from the keyboard alone, Shift+Tab from the article reaches the hidden toolbar, which shows itself', async ({ reader, page }) => {
  await reader.open();
  await page.getByRole('button', { name: 'Focus', exact: true }).click();
  const toolbar = page.getByRole('navigation', { name: 'View' });
  await expect(toolbar).not.toBeInViewport();
  await expect(page.locator('#reader')).toBeFocused();
  await page.getByRole('button', { name: 'Notes', exact: true }).focus();
  await expect(toolbar).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Highlights and notes' })).toBeVisible();
});
