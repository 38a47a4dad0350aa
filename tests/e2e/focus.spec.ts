// The keyboard focus is always visible and never lost: a ring in every theme, dialogs give the
// focus back to what opened them, and when a highlight or an article goes the focus moves to its
// neighbour while a screen reader hears what happened.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importPlainText } from '../../electron/core/import/import-file';
import { expect, test } from './support/fixtures';
import type { Reader } from './support/harness';

async function addArticles(reader: Reader): Promise<void> {
  await reader.library.addArticle(importPlainText('Ferry timetable changes\n\nThe summer ferry now leaves at nine.\n\nIt returns at six.', 'ferry.txt'));
  await reader.library.addArticle(importPlainText('A quiet harbour\n\nBoats rest in the harbour all winter.\n\nThe gulls stay too.\n\nSpring brings the painters.', 'harbour.txt'));
}

/**
 * What has the focus, and how it shows: never the body, a ring at least 2 px wide whose colour
 * stands out 3:1 from the background behind it (WCAG 2.2 non-text contrast).
 */
async function focusRing(reader: Reader): Promise<{ name: string; width: number; contrast: number }> {
  return reader.page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (active === null || active === document.body) return { name: 'body', width: 0, contrast: 0 };
    const style = getComputedStyle(active);
    const rgb = (color: string) => (color.match(/[\d.]+/gu) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [lr, lg, lb] = [r, g, b].map((c) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (lr ?? 0) + 0.7152 * (lg ?? 0) + 0.0722 * (lb ?? 0);
    };
    let behind: Element | null = active.parentElement;
    let background = 'rgb(255, 255, 255)';
    for (; behind !== null; behind = behind.parentElement) {
      const color = getComputedStyle(behind).backgroundColor;
      const parts = rgb(color);
      if (parts.length === 3 || (parts[3] ?? 0) === 1) {
        background = color;
        break;
      }
    }
    const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
    const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const name = active.id || active.getAttribute('aria-label') || `${active.tagName.toLowerCase()}.${active.className}`;
    return { name, width: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth), contrast: Math.round(contrast * 10) / 10 };
  });
}

async function expectVisibleFocus(reader: Reader, name: string | RegExp): Promise<void> {
  const ring = await focusRing(reader);
  expect(ring.name).toMatch(name);
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.contrast).toBeGreaterThanOrEqual(3);
}

for (const theme of ['light', 'sepia', 'dark'] as const) {
  test(`the focus ring shows on the reader, a library row, a paragraph, a card and a dialog (${theme})`, async ({ reader, page }) => {
    await addArticles(reader);
    await reader.open();
    await page.keyboard.press('Control+,');
    await page.getByLabel('Theme').selectOption(theme);
    await page.keyboard.press('Escape');
    await expectVisibleFocus(reader, 'Reading settings');
    await page.keyboard.press('l');
    await expectVisibleFocus(reader, /article-link/u);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('.headline')).toHaveText('Ferry timetable changes');
    await expect(page.locator('#reader')).toBeFocused();
    await expectVisibleFocus(reader, 'reader');
    await page.keyboard.press('j');
    await expectVisibleFocus(reader, /^p\./u);
    await page.keyboard.press('F7');
    await expectVisibleFocus(reader, 'article-body');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('h');
    await page.keyboard.press('j');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('h');
    await expect(page.locator('.highlight-card')).toHaveCount(2);
    await page.keyboard.press('F7');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.keyboard.press('Delete');
    await expect(page.locator('.status')).toContainText('Highlight deleted.');
    await expectVisibleFocus(reader, /card-quote/u);
    await page.keyboard.press('?');
    await expectVisibleFocus(reader, /^button/u);
    await page.keyboard.press('Escape');
    await expectVisibleFocus(reader, /card-quote/u);
  });
}

test('closing a dialog gives the focus back to what opened it: shortcuts, find, tip, export, duplicate question, empty trash', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  // Shortcuts, from the reader.
  await expect(page.locator('#reader')).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#reader')).toBeFocused();
  // Find and the first-use tip: closing them leaves the focus in the reader.
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Find in article')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#reader')).toBeFocused();
  await page.getByRole('button', { name: 'Got it' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#reader')).toBeFocused();
  // Export, from its button, closed with Cancel and with Escape.
  const exportButton = page.getByRole('button', { name: 'Export…', exact: true });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const exporter = page.getByRole('dialog', { name: 'Export notes' });
  await expect(exporter).toBeVisible();
  await exporter.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(exporter).toBeHidden();
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(exporter).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(exportButton).toBeFocused();

  // The duplicate question, asked during an import started from the reader.
  const file = join(reader.homeDir, 'twice.txt');
  await writeFile(file, 'Twice\n\nThe same file, opened twice.');
  const ask = (sources: string[]) => page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), sources);
  await ask([file]);
  await expect(page.locator('.headline')).toHaveText('Twice');
  await expect(page.locator('#reader')).toBeFocused();
  await ask([file]);
  const duplicate = page.getByRole('dialog', { name: 'Already in your library' });
  await expect(duplicate).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(duplicate).toBeHidden();
  await expect(page.locator('#reader')).toBeFocused();

  // Empty trash: Cancel gives the focus back to its button; emptying leaves it on the list.
  await page.getByRole('button', { name: 'Move to trash: Twice' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.status')).toContainText('Moved to the trash.');
  await page.getByLabel('Show').selectOption('trash');
  const empty = page.getByRole('button', { name: 'Empty trash…' });
  await empty.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(empty).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Delete for good' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.status')).toHaveText('Deleted 1 article for good.');
  await expect(page.getByRole('list', { name: 'Articles' })).toBeFocused();
  await expectVisibleFocus(reader, /library-list/u);
});

test('deleting a highlight moves the focus to the next card (or the one before, or the reader) and says so', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  await expect(page.locator('.headline')).toHaveText('A quiet harbour');
  // Three highlights made with the keyboard: each paragraph's first word.
  await page.keyboard.press('F7');
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('h');
    await expect(page.locator('.highlight-card')).toHaveCount(i + 1);
    await page.keyboard.press('j');
  }
  await page.keyboard.press('F7');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Boats', 'The', 'Spring']);
  const status = page.locator('.status');
  const focusedQuote = () => page.evaluate(() => (document.activeElement?.matches('.card-quote') ? document.activeElement.textContent : document.activeElement?.id || document.activeElement?.tagName));

  // By key: the first goes, and the focus is on the next card, now the focused highlight.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('Boats');
  await page.keyboard.press('Delete');
  await expect(status).toContainText('Highlight deleted.');
  await expect.poll(focusedQuote).toBe('The');
  await expectVisibleFocus(reader, /card-quote/u);
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('The');
  // By its button: the last card goes, the focus is on the card before it.
  await page.locator('.highlight-card', { hasText: 'Spring' }).getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['The']);
  await expect.poll(focusedQuote).toBe('The');
  // The only one left: the focus goes back to the reader.
  await page.keyboard.press('Delete');
  await expect(page.locator('.highlight-card')).toHaveCount(0);
  await expect(page.locator('#reader')).toBeFocused();
  await expect(status).toContainText('Highlight deleted.');
  // Undo brings it back, by key.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['The']);
});

test('moving an article to the trash or the archive from the list moves the focus to the next row', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  const titles = page.locator('.library-list .article-link .article-title');
  await expect(titles).toHaveText(['A quiet harbour', 'Ferry timetable changes', 'Russia says it has advanced nearly 2 miles in northeast Ukraine']);
  const status = page.locator('.status');
  // To the open article's row, along the list with the arrows, then Tab to its Archive button.
  await page.keyboard.press('l');
  await expect(page.locator('.article-link', { hasText: 'A quiet harbour' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.article-link', { hasText: 'Ferry timetable changes' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Archive: A quiet harbour' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Archived.');
  await expect(titles).toHaveCount(2);
  await expect(page.locator('.article-link', { hasText: 'Ferry timetable changes' })).toBeFocused();
  await expectVisibleFocus(reader, /article-link/u);
  // Shift+Delete on a row moves that row's article to the trash.
  await page.keyboard.press('Shift+Delete');
  await expect(status).toContainText('Moved to the trash.');
  await expect(titles).toHaveText(['Russia says it has advanced nearly 2 miles in northeast Ukraine']);
  await expect(page.locator('.article-link', { hasText: 'Russia says' })).toBeFocused();
  expect(reader.library.articles().find((a) => a.title === 'Ferry timetable changes')?.state).toBe('trash');
  // The last row goes too: the focus stays in the list, on what is left of it.
  await page.getByRole('button', { name: /^Move to trash: Russia says/u }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Moved to the trash.');
  await expect(page.getByRole('list', { name: 'Articles' })).toBeFocused();
});
