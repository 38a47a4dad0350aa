import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dragSelect, expect, paintedText, test } from './support/fixtures';

const CAPTIONS = [
  'The main building at the University of Economics and Trade, In Donetsk, was destroyed following a weekend of attacks and counter attacks between Russia and Ukraine.',
  'A firefighter worked to put out a blaze following three waves of Russian drone and missile attacks in Starokostiantyniv.',
  'A building in Kherson was left heavily damaged following Sunday’s shellings.',
  'Ukrainian President Volodymyr Zelenskyy visited troops during Ukraine’s Day of the Air Force on Sunday.',
  'Russian President Vladimir Putin has remained steadfast in his country’s push to conquer eastern Ukraine.',
];

test('a new library opens on the sample, with its five photo captions shown once each', async ({ reader, page }) => {
  await reader.open();
  await expect(page.locator('.headline')).toHaveText('Russia says it has advanced nearly 2 miles in northeast Ukraine');
  await expect(page.locator('#article-body figure')).toHaveCount(5);
  await expect(page.locator('#article-body figure .credit')).toHaveText([
    'REUTERS',
    'via REUTERS',
    'via REUTERS',
    'Ukrainian Presidential Press Off/UPI/Shutterstock',
    'AP',
  ]);
  const text = (await page.locator('#article-body').textContent()) ?? '';
  for (const caption of CAPTIONS) expect(text.split(caption).length - 1).toBe(1);
  await expect(page.locator('.library-list .article-title')).toHaveText(['Russia says it has advanced nearly 2 miles in northeast Ukraine']);
});

test('highlight a passage with a note; after reload it is painted and listed; the export holds it', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'the free city of Kupyansk is seeing the most intense fighting');
  await expect(page.locator('.selection-toolbar')).toBeVisible();
  await page.keyboard.press('n');
  const editor = page.locator('.note-input');
  await expect(editor).toBeFocused();
  await editor.fill('The front line moved here.\nCheck the Kharkiv map.');
  await page.getByRole('button', { name: 'Save note' }).click();

  await dragSelect(page, 'our sky shield will eventually guarantee security');
  await page.getByRole('button', { name: 'Highlight green' }).click();

  const cards = page.locator('.highlight-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).locator('.card-quote')).toHaveText('the free city of Kupyansk is seeing the most intense fighting');
  await expect(cards.nth(0).locator('.card-note')).toHaveText('The front line moved here.\nCheck the Kharkiv map.');

  await page.reload();
  await page.locator('.headline').waitFor();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1).locator('.card-quote')).toHaveText('our sky shield will eventually guarantee security');
  expect(await paintedText(page)).toMatchObject({
    'margin-yellow': ['the free city of Kupyansk is seeing the most intense fighting'],
    'margin-green': ['our sky shield will eventually guarantee security'],
  });
  await expect(page.locator('.library-list .article-meta')).toHaveText([/^2 highlights/u]);
  await page.locator('#article-body figure').first().evaluate((figure) => figure.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: process.env.MARGIN_SCREENSHOT ?? 'test-results/e2e/reader.png' });

  reader.savePath = join(reader.homeDir, 'exported.md');
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await expect(dialog.getByLabel('Preview')).toContainText('# Russia says it has advanced nearly 2 miles in northeast Ukraine');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('.status')).toHaveText(`Exported to ${reader.savePath}.`);
  const markdown = await readFile(reader.savePath, 'utf8');
  expect(markdown).toContain('# Russia says it has advanced nearly 2 miles in northeast Ukraine');
  expect(markdown).toContain('> the free city of Kupyansk is seeing the most intense fighting\n\nThe front line moved here.\nCheck the Kharkiv map.');
  expect(markdown).toContain('> our sky shield will eventually guarantee security');
});

test('a highlight across a paragraph break and one on a caption', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'A building in Kherson was left heavily damaged');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['A building in Kherson was left heavily damaged']);
  // Select from the end of one paragraph into the next with a programmatic range, then press h.
  await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('#article-body p')];
    const first = paragraphs[0]?.firstChild as Text;
    const second = paragraphs[1]?.firstChild as Text;
    const range = document.createRange();
    range.setStart(first, first.data.indexOf('over the weekend'));
    range.setEnd(second, '“Over the past three days'.length);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote').first()).toHaveText('over the weekend.\n“Over the past three days');
  const painted = await paintedText(page);
  expect(painted['margin-yellow']).toEqual(['over the weekend.\n“Over the past three days', 'A building in Kherson was left heavily damaged']);
});

test('the side panel and the article lead to each other', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'a smaller bridge connecting to Henichesk');
  await page.keyboard.press('h');
  await page.locator('#reader').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('#article-body p').last()).not.toBeInViewport();
  await page.locator('.highlight-card .card-quote').click();
  await expect(page.locator('#article-body p').last()).toBeInViewport();

  await page.locator('#reader').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('.highlight-card')).not.toHaveClass(/is-focused/u);
  const box = await page.evaluate(() => {
    const p = [...document.querySelectorAll('#article-body p')].at(-1)?.firstChild as Text;
    const range = document.createRange();
    const at = p.data.indexOf('Henichesk');
    range.setStart(p, at + 2);
    range.setEnd(p, at + 3);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  await expect(page.locator('.highlight-card')).toHaveClass(/is-focused/);
});

test('edit a note, recolour, and delete a note and a highlight', async ({ reader, page }) => {
  await reader.open();
  await dragSelect(page, 'Zelenskyy said in his latest briefing');
  await page.keyboard.press('h');
  const card = page.locator('.highlight-card');
  await card.getByRole('button', { name: 'Add note' }).click();
  await page.locator('.note-input').fill('First thought');
  await page.keyboard.press('Control+Enter');
  await expect(card.locator('.card-note')).toHaveText('First thought');
  await card.getByRole('button', { name: 'Edit note' }).click();
  await page.locator('.note-input').fill('Second thought');
  await page.getByRole('button', { name: 'Save note' }).click();
  await card.getByRole('button', { name: 'Colour purple' }).click();
  await expect(card).toHaveClass(/color-purple/);
  expect((await paintedText(page))['margin-purple']).toEqual(['Zelenskyy said in his latest briefing']);

  const [stored] = await reader.library.annotations(reader.library.articles()[0]?.id ?? '');
  expect(stored).toMatchObject({ note: 'Second thought', color: 'purple' });

  await card.getByRole('button', { name: 'Edit note' }).click();
  await page.locator('.note-input').fill('');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(card.locator('.card-note')).toHaveCount(0);
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(0);
  expect((await paintedText(page))['margin-purple']).toEqual([]);
  expect(await reader.library.annotations(reader.library.articles()[0]?.id ?? '')).toEqual([]);
});

test('opening files: good ones join the library, bad ones are refused in a sentence', async ({ reader, page }) => {
  await reader.open();
  const good = join(reader.homeDir, 'harbour.txt');
  const empty = join(reader.homeDir, 'empty.txt');
  const binary = join(reader.homeDir, 'photo.txt');
  await writeFile(good, 'Harbour reopens\n\nBoats left at dawn.');
  await writeFile(empty, '');
  await writeFile(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  reader.importPaths = [empty, binary];
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(page.locator('.status')).toHaveText('empty.txt is empty. photo.txt is an image, not an article Margin can read.');
  expect(reader.library.articles()).toHaveLength(1);

  reader.importPaths = [good];
  await reader.menu('import-files');
  await expect(page.locator('.headline')).toHaveText('Harbour reopens');
  await expect(page.locator('.library-list .article-title')).toHaveText(['Harbour reopens', 'Russia says it has advanced nearly 2 miles in northeast Ukraine']);
});

test('an Arabic text file and a Hebrew note open right to left, with their byline and figure caption', async ({ reader, page }) => {
  await reader.open();
  const arabic = join(reader.homeDir, 'heron.txt');
  await writeFile(arabic, 'مالك الحزين عند البركة\n\nتجمدت البركة في الأول من ديسمبر، ووقف مالك الحزين على حافتها كل صباح لمدة أسبوع، منتظراً أن يذوب الجليد.\n');
  reader.importPaths = [arabic];
  await reader.menu('import-files');
  await expect(page.locator('.headline')).toHaveText('مالك الحزين عند البركة');
  await expect(page.locator('article.article')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('article.article')).toHaveAttribute('lang', 'ar');

  const hebrew = join(reader.homeDir, 'heron.md');
  const photo = await readFile(join(import.meta.dirname, '..', 'fixtures', 'import', 'md-figure-caption-credit', 'images', 'heron.png'));
  await writeFile(join(reader.homeDir, 'heron.png'), photo);
  await writeFile(hebrew, '# האנפה\n\n*מאת רות אוקורו*\n\nהבריכה קפאה בראשון בדצמבר, ואנפה עמדה על שפתה כל בוקר במשך שבוע.\n\n![אנפה](heron.png)\n*האנפה על הקרח.*\nצילום: רות אוקורו\n');
  reader.importPaths = [hebrew];
  await reader.menu('import-files');
  await expect(page.locator('.headline')).toHaveText('האנפה');
  await expect(page.locator('article.article')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('article.article')).toHaveAttribute('lang', 'he');
  await expect(page.locator('.byline')).toHaveText('רות אוקורו');
  await expect(page.locator('#article-body figure figcaption')).toHaveText('האנפה על הקרח. צילום: רות אוקורו');
  await expect(page.locator('#article-body figure .credit')).toHaveText('צילום: רות אוקורו');
  // The photo was copied into the library, not read from beside the note.
  await expect(page.locator('#article-body figure img')).toHaveAttribute('src', /\/5a30fbda[0-9a-f]{56}\.png$/u);
});
