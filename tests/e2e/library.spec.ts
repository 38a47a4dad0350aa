// A library people live in: archive and trash with undo, sorting, picking up where you stopped,
// and search that opens the article at the match.
import { importPlainText } from '../../electron/core/import/import-file';
import { dragSelect, expect, paintedText, test } from './support/fixtures';
import type { Reader } from './support/harness';

async function addArticles(reader: Reader): Promise<void> {
  await reader.library.addArticle(importPlainText('Ferry timetable changes\n\nThe summer ferry now leaves at nine.\n\nIt returns at six.', 'ferry.txt'));
  await reader.library.addArticle(importPlainText('A quiet harbour\n\nBoats rest in the harbour all winter.', 'harbour.txt'));
}

const titles = (reader: Reader) => reader.page.locator('.library-list .article-link .article-title');

test('archive and trash with undo; the trash is emptied only on request', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  await expect(titles(reader)).toHaveText(['A quiet harbour', 'Ferry timetable changes', 'Russia says it has advanced nearly 2 miles in northeast Ukraine']);

  await page.getByRole('button', { name: 'Archive: A quiet harbour' }).click();
  await expect(page.locator('.status')).toContainText('Archived.');
  await expect(titles(reader)).toHaveText(['Ferry timetable changes', 'Russia says it has advanced nearly 2 miles in northeast Ukraine']);
  await page.locator('.status').getByRole('button', { name: 'Undo' }).click();
  await expect(titles(reader)).toHaveCount(3);

  await page.getByRole('button', { name: 'Move to trash: Ferry timetable changes' }).click();
  await expect(titles(reader)).toHaveCount(2);
  await page.getByLabel('Show').selectOption('trash');
  await expect(titles(reader)).toHaveText(['Ferry timetable changes']);
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(reader.library.articles()).toHaveLength(3);
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.locator('.status')).toHaveText('Deleted 1 article for good.');
  expect(reader.library.articles().map((a) => a.title)).not.toContain('Ferry timetable changes');
});

test('sort by title and by most highlighted', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  await page.locator('.article-link', { hasText: 'Russia says' }).click();
  await expect(page.locator('.headline')).toHaveText(/^Russia says/u);
  await dragSelect(page, 'Kharkiv region');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card')).toHaveCount(1);
  await page.getByLabel('Sort by').selectOption('title');
  await expect(titles(reader)).toHaveText(['A quiet harbour', 'Ferry timetable changes', 'Russia says it has advanced nearly 2 miles in northeast Ukraine']);
  await page.getByLabel('Sort by').selectOption('highlights');
  await expect(titles(reader).first()).toHaveText('Russia says it has advanced nearly 2 miles in northeast Ukraine');
});

test('reading progress is saved as you scroll and restored; continue reading waits at the top', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  await page.locator('.article-link', { hasText: 'Russia says' }).click();
  await expect(page.locator('.headline')).toHaveText(/^Russia says/u);
  await page.locator('#reader').evaluate((el) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) / 2));
  await expect(page.locator('.article-link', { hasText: 'Russia says' }).locator('.article-meta')).toContainText(/([3-6]\d)% read/u);
  await page.locator('.article-link', { hasText: 'Ferry timetable' }).click();
  const resume = page.locator('.continue-reading');
  await expect(resume).toContainText('Russia says it has advanced nearly 2 miles in northeast Ukraine');
  await page.reload();
  await page.locator('.headline').waitFor();
  await resume.click();
  await expect(page.locator('.headline')).toHaveText('Russia says it has advanced nearly 2 miles in northeast Ukraine');
  const position = await page.locator('#reader').evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight));
  expect(position).toBeGreaterThan(0.4);
  expect(position).toBeLessThan(0.6);
});

test('search finds a word in a note and opens the article at its highlight', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  await page.locator('.article-link', { hasText: 'Russia says' }).click();
  await expect(page.locator('.headline')).toHaveText(/^Russia says/u);
  await dragSelect(page, 'Chonhar bridge');
  await page.keyboard.press('n');
  await page.locator('.note-input').fill('A causeway to the peninsula');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.card-note')).toHaveText('A causeway to the peninsula');
  await page.locator('.article-link', { hasText: 'Ferry timetable' }).click();
  await expect(page.locator('.headline')).toHaveText('Ferry timetable changes');

  await page.getByLabel('Search the library').fill('causeway');
  const hit = page.locator('.search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('.article-title')).toHaveText('Russia says it has advanced nearly 2 miles in northeast Ukraine');
  await expect(hit.locator('mark')).toHaveText(['causeway']);
  await hit.locator('.search-match').first().click();
  await expect(page.locator('.headline')).toHaveText('Russia says it has advanced nearly 2 miles in northeast Ukraine');
  const shown = (await paintedText(page))['margin-find-current'] ?? [];
  expect(shown).toEqual(['Chonhar bridge']);
  await expect(page.locator('#article-body p').last()).toBeInViewport();

  await page.getByLabel('Search the library').fill('harbor');
  await expect(hit.locator('.article-title')).toHaveText(['A quiet harbour']);
});

test('filter by site, and / jumps to the library search', async ({ reader, page }) => {
  const gazette = importPlainText('Rail timetables', 'rail.txt');
  await reader.library.addArticle({ ...gazette, meta: { ...gazette.meta, siteName: 'The Rail Gazette' } });
  await addArticles(reader);
  await reader.open();
  await page.getByLabel('Site').selectOption('The Rail Gazette');
  await expect(titles(reader)).toHaveText(['Rail timetables']);
  await page.getByLabel('Site').selectOption('');
  await expect(titles(reader)).toHaveCount(4);
  await page.locator('#reader').focus();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search the library')).toBeFocused();
});

test('each row shows the first sentences of its article, and a screen reader hears them after the title', async ({ reader, page }) => {
  await addArticles(reader);
  const hebrew = importPlainText('האנפה\n\nהבריכה קפאה בראשון בדצמבר, ואנפה עמדה על שפתה כל בוקר במשך שבוע.', 'heron.txt');
  await reader.library.addArticle(hebrew);
  await reader.open();
  const row = page.locator('.article-link', { hasText: 'Ferry timetable changes' });
  await expect(row.locator('.article-excerpt')).toHaveText('The summer ferry now leaves at nine. It returns at six.');
  await expect(row).toHaveAccessibleDescription('The summer ferry now leaves at nine. It returns at six.');
  await expect(page.locator('.article-link', { hasText: 'Russia says' }).locator('.article-excerpt')).toHaveText(/^Russian officials claimed their troops/u);
  // A Hebrew excerpt reads right to left, starting at the right edge of the row.
  const excerpt = page.locator('.article-link', { hasText: 'האנפה' }).locator('.article-excerpt');
  await expect(excerpt).toHaveText('הבריכה קפאה בראשון בדצמבר, ואנפה עמדה על שפתה כל בוקר במשך שבוע.');
  expect(await excerpt.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
});

test('archiving while the reading position is still being saved: the article stays archived in the list', async ({ reader, page }) => {
  await reader.open();
  const sample = 'Russia says it has advanced nearly 2 miles in northeast Ukraine';
  // The reading position is saved a moment after scrolling; its answer is slow to come back.
  const progress = reader.holdNextAnswer('article:update');
  await page.locator('#reader').evaluate((el) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) / 2));
  await progress.ran;
  await page.getByRole('button', { name: `Archive: ${sample}` }).click();
  await expect(page.getByRole('button', { name: `Archive: ${sample}` })).toHaveCount(0);
  await expect.poll(() => reader.library.articles().find((a) => a.title === sample)?.state).toBe('archived');
  // The older answer arrives last; once the page has had a frame to show it, the list is unchanged.
  await progress.release();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(page.getByRole('button', { name: `Archive: ${sample}` })).toHaveCount(0);
  await page.getByLabel('Show').selectOption('archived');
  await expect(titles(reader)).toHaveText([sample]);
});

test('a click on Archive that lands while the list changes (the reading position arriving) still archives', async ({ reader, page }) => {
  await reader.open();
  const sample = 'Russia says it has advanced nearly 2 miles in northeast Ukraine';
  const archive = page.getByRole('button', { name: `Archive: ${sample}` });
  const box = await archive.boundingBox();
  if (box === null) throw new Error('the Archive button is not shown');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const progress = reader.holdNextAnswer('article:update');
  await page.locator('#reader').evaluate((el) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) / 2));
  await progress.ran;
  await page.mouse.down();
  // The row now says how far the person has read, while the button is held down.
  await progress.release();
  await expect(page.locator('.article-link', { hasText: sample }).locator('.article-meta')).toContainText('% read');
  await page.mouse.up();
  await expect(archive).toHaveCount(0);
  await expect.poll(() => reader.library.articles().find((a) => a.title === sample)?.state).toBe('archived');
});
