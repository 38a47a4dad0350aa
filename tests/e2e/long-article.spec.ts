// An article carrying a thousand highlights: only what is in and near view is painted and listed
// in the page, so this checks a person still sees every highlight wherever they scroll, in the
// article and in the side panel, and that a note being written survives scrolling away.
import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { importPlainText } from '../../electron/core/import/import-file';
import { annotationsFile } from '../../electron/core/library/files';
import { describeSpan } from '../../electron/shared/anchoring';
import { HIGHLIGHT_COLORS, type Annotation } from '../../electron/shared/model';
import { expect, paintedText, phrasePoint, test } from './support/fixtures';

const COUNT = 1000;
const quote = (n: number) => `Passage ${n} of the long read`;

test.beforeEach(async ({ reader }) => {
  const paragraphs = Array.from(
    { length: COUNT },
    (_, n) => `${quote(n + 1)} tells of the river crossing, the night trains, the market and the council meeting that followed, at some length.`,
  );
  const meta = await reader.library.addArticle(importPlainText(`A long read\n\n${paragraphs.join('\n\n')}\n`, 'long-read.txt'));
  const { text } = await reader.library.content(meta.id);
  const stamp = new Date().toISOString();
  const annotations: Annotation[] = paragraphs.map((_, n) => {
    const start = text.indexOf(`${quote(n + 1)} `);
    return {
      id: crypto.randomUUID(),
      articleId: meta.id,
      color: HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length] as Annotation['color'],
      note: '',
      tags: [],
      target: describeSpan(text, start, start + quote(n + 1).length),
      review: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
  // A thousand durable saves one by one would take most of the test's time: the file is written
  // whole, as another Margin window or a restored backup would leave it.
  const path = annotationsFile(reader.dataDir, meta.id);
  const file = JSON.parse(await readFile(path, 'utf8')) as object;
  await writeFile(path, JSON.stringify({ ...file, annotations }));
});

const allPainted = async (page: Parameters<typeof paintedText>[0]) => Object.entries(await paintedText(page)).filter(([name]) => name !== 'margin-focus').flatMap(([, texts]) => texts);

test('a thousand highlights: painted wherever the reader scrolls, listed wherever the panel scrolls', async ({ reader, page }) => {
  await reader.open();
  await expect(page.locator('.headline')).toHaveText('A long read');
  await expect(page.locator('.notes-panel .panel-title')).toHaveText(`Highlights (${COUNT})`);
  await expect.poll(() => allPainted(page)).toContain(quote(1));

  // The article's end: its highlights are painted once there.
  await page.locator('#reader').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => allPainted(page)).toContain(quote(COUNT));

  // The panel tells screen readers the whole count, and its end lists the last highlight.
  await expect(page.locator('.highlight-card').first()).toHaveAttribute('aria-setsize', String(COUNT));
  const panel = page.locator('.notes-scroll');
  await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('.highlight-card .card-quote').filter({ hasText: quote(COUNT) })).toBeVisible();
  // The windowed list is still a list to assistive technology: axe finds nothing wrong with it.
  expect((await new AxeBuilder({ page }).include('.notes-panel').analyze()).violations.map((v) => v.id)).toEqual([]);

  // A click on a painted highlight deep in the article brings its card into view, focused.
  await page.locator('#reader').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  const target = quote(COUNT / 2);
  await expect.poll(() => allPainted(page)).toContain(target);
  const point = await phrasePoint(page, target);
  await page.mouse.click(point.x, point.y);
  const focused = page.locator('.highlight-card.is-focused');
  await expect(focused.locator('.card-quote')).toHaveText(target);
  await expect(focused).toBeInViewport();

  // A note half written on that card survives scrolling the panel away and back.
  await focused.getByRole('button', { name: 'Add note' }).click();
  await page.locator('.note-input').fill('Check this against the map');
  await panel.evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('.note-input')).toHaveCount(0);
  await page.mouse.click(point.x, point.y);
  await expect(page.locator('.note-input')).toHaveValue('Check this against the map');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(focused.locator('.card-note')).toHaveText('Check this against the map');
  const stored = await reader.library.annotations(reader.library.articles().find((a) => a.title === 'A long read')?.id ?? '');
  expect(stored.find((a) => a.target.quote.exact === target)?.note).toBe('Check this against the map');
});
