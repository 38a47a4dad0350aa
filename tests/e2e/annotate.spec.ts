// Annotating like a person who reads a lot: overlapping highlights, Markdown notes, and the
// keyboard alone.
import { dragSelect, expect, paintedText, phrasePoint, test } from './support/fixtures';

test('overlapping highlights are both painted, and a click on the overlap asks which one', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'the free city of Kupyansk is seeing the most intense fighting');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card')).toHaveCount(1);
  await dragSelect(page, 'Kupyansk is seeing');
  await page.getByRole('button', { name: 'Highlight blue' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(2);
  expect(await paintedText(page)).toMatchObject({
    'margin-yellow': ['the free city of Kupyansk is seeing the most intense fighting'],
    'margin-blue': ['Kupyansk is seeing'],
  });
  const point = await phrasePoint(page, 'Kupyansk is seeing');
  await page.mouse.click(point.x, point.y);
  const menu = page.getByRole('menu', { name: 'Overlapping highlights' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Kupyansk is seeing', 'the free city of Kupyansk is seeing the most intense fightin…']);
  await menu.getByRole('menuitem').nth(1).click();
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('the free city of Kupyansk is seeing the most intense fighting');
});

test('a note written in Markdown is shown formatted, and stays inert', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'two key routes of communication');
  await page.keyboard.press('n');
  await page.locator('.note-input').fill('**Bridges** matter:\n\n- Chonhar\n- Henichesk\n\n<img src=x onerror=alert(1)> [map](https://example.org/map)');
  await page.keyboard.press('Control+Enter');
  const note = page.locator('.highlight-card .card-note');
  await expect(note.locator('strong')).toHaveText('Bridges');
  await expect(note.locator('li')).toHaveText(['Chonhar', 'Henichesk']);
  await expect(note.locator('a')).toHaveAttribute('href', 'https://example.org/map');
  await expect(note.locator('img')).toHaveCount(0);
  await expect(note).toContainText('<img src=x onerror=alert(1)>');
});

test('keyboard only: select with caret browsing, highlight, move between highlights, delete', async ({ reader, page }) => {
  await reader.open();
  await page.locator('#reader').focus();
  await page.keyboard.press('F7');
  await expect(page.locator('#article-body')).toHaveAttribute('contenteditable', 'true');
  // Put the caret at the start of the article and select the first three words.
  await page.evaluate(() => {
    const first = document.querySelector('#article-body p')?.firstChild as Text;
    getSelection()?.collapse(first, 0);
  });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Russian officials claimed']);
  await expect(page.locator('#article-body p').first()).toHaveText(/^Russian officials claimed their troops/u);

  await page.evaluate(() => {
    const text = [...document.querySelectorAll('#article-body p')][2]?.firstChild as Text;
    getSelection()?.collapse(text, 0);
  });
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('n');
  await expect(page.locator('.note-input')).toBeFocused();
  await page.keyboard.type('Where it happened');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.highlight-card .card-note')).toHaveText('Where it happened');

  await page.keyboard.press('F7');
  await expect(page.locator('#article-body')).not.toHaveAttribute('contenteditable');
  await page.locator('#reader').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('.highlight-card.is-focused')).toHaveCount(0);
  await page.keyboard.press('n');
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('Russian officials claimed');
  await page.keyboard.press('n');
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('The advancement');
  await page.keyboard.press('p');
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('Russian officials claimed');
  await page.keyboard.press('Delete');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['The advancement']);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Next highlight');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect((await reader.library.annotations(reader.library.articles()[0]?.id ?? '')).map((a) => a.note)).toEqual(['Where it happened']);
});

test('the context menu’s Highlight and Add Note act on the selection', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'Chonhar bridge');
  await reader.menu('note-selection');
  await expect(page.locator('.note-input')).toBeFocused();
  await page.keyboard.type('Key crossing');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.highlight-card .card-note')).toHaveText('Key crossing');
  await reader.menu('show-shortcuts');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('a highlight shows at once; if the library refuses it, it goes again and the reason is shown', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'sky shield');
  // The article is removed behind the page's back (as another window could), so storing fails.
  const id = reader.library.articles()[0]?.id ?? '';
  await reader.library.deleteArticle(id);
  await page.keyboard.press('h');
  await expect(page.locator('.status')).toHaveText(`There is no article with the id ${id} in this library.`);
  await expect(page.locator('.highlight-card')).toHaveCount(0);
  expect((await paintedText(page))['margin-yellow'] ?? []).toEqual([]);
});
