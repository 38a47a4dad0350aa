// The daily Review, as a person uses it: `r` shows a few highlights from the whole library, keys
// give feedback, a card opens its article at the passage, the same day shows the same cards and
// the next day others. The day comes from the clock handed to the real handler table.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import type { MarginApi } from '../../electron/shared/api';
import { describeSpan } from '../../electron/shared/anchoring';
import { importPlainText } from '../../electron/core/import/import-file';
import type { Library } from '../../electron/core/library/library';
import { startReader, type Reader } from './support/harness';
import { paintedText } from './support/fixtures';

const SAMPLE_PHRASES = ['blood transfusion center', 'Starokostiantyniv area', 'Chonhar bridge', 'Henichesk'];
const HERON_PHRASES = ['heron waits by the pond', 'the frogs go quiet', 'reeds bend in the wind'];

async function highlight(library: Library, articleId: string, phrase: string, note = '') {
  const { text } = await library.content(articleId);
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the article`);
  await library.addAnnotation(articleId, { color: phrase === 'Chonhar bridge' ? 'blue' : 'yellow', note, target: describeSpan(text, at, at + phrase.length) });
}

async function startWithHighlights(page: Page, clock: () => Date): Promise<{ reader: Reader; sampleTitle: string }> {
  let sampleTitle = '';
  const reader = await startReader(
    page,
    async (library) => {
      const [sample] = library.articles();
      if (sample === undefined) throw new Error('no sample');
      sampleTitle = sample.title;
      for (const phrase of SAMPLE_PHRASES) await highlight(library, sample.id, phrase, phrase === 'Chonhar bridge' ? 'One of two bridges to Crimea' : '');
      const herons = await library.addArticle(importPlainText('Herons at dusk\n\nThe heron waits by the pond, and the frogs go quiet.\n\nThe reeds bend in the wind.', 'herons.txt'));
      for (const phrase of HERON_PHRASES) await highlight(library, herons.id, phrase);
    },
    { clock },
  );
  return { reader, sampleTitle };
}

const cards = (page: Page) => page.getByRole('dialog', { name: 'Review' }).getByRole('list', { name: 'Highlights to review' }).getByRole('listitem');
const quotes = async (page: Page) => (await cards(page).locator('.review-quote').allTextContents()).sort();

test('r shows today’s highlights; feedback by key; Open in article scrolls to the passage; the same day again, then the next day others', async ({ page }) => {
  let now = new Date(2026, 11, 8, 9, 0);
  const { reader, sampleTitle } = await startWithHighlights(page, () => now);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await reader.open();
    await expect(page.locator('.headline')).toHaveText('Herons at dusk');
    await page.keyboard.press('r');
    const review = page.getByRole('dialog', { name: 'Review' });
    await expect(review).toBeVisible();
    await expect(cards(page)).toHaveCount(5);
    await expect(review.locator('.review-summary')).toHaveText('5 highlights from your library for today. Keys 1 to 4 give feedback, o opens the article.');
    const today = await quotes(page);
    for (const quote of today) expect([...SAMPLE_PHRASES, ...HERON_PHRASES]).toContain(quote);

    // The first card has the focus; 2 says "soon", and the focus moves on to the next card.
    const first = cards(page).first();
    await expect(first.getByRole('button', { name: 'Keep' })).toBeFocused();
    const firstQuote = await first.locator('.review-quote').textContent();
    await page.keyboard.press('2');
    await expect(first.getByRole('button', { name: 'Soon' })).toHaveAttribute('aria-pressed', 'true');
    await expect(first.locator('.review-said')).toHaveText('Soon: back on 2026-12-11.');
    await expect(cards(page).nth(1).getByRole('button', { name: 'Keep' })).toBeFocused();
    await expect(review.locator('.review-summary')).toContainText('4 still to review');

    // A card from the other article: its note and title show; Open in article goes there.
    const fromSample = cards(page).filter({ hasText: `from “${sampleTitle}”` }).filter({ hasNotText: firstQuote ?? '' }).first();
    const quote = (await fromSample.locator('.review-quote').textContent()) ?? '';
    await fromSample.getByRole('button', { name: 'Open in article' }).click();
    await expect(review).toBeHidden();
    await expect(page.locator('.headline')).toHaveText(sampleTitle);
    await expect(page.locator('#article-body p', { hasText: quote }).first()).toBeInViewport();
    expect(await page.locator('#reader').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect((await paintedText(page))['margin-find-current']).toEqual([quote]);
    await expect(page.locator('#reader')).toBeFocused();

    // The same day, the same cards, the feedback remembered.
    await page.keyboard.press('r');
    await expect(cards(page)).toHaveCount(5);
    expect(await quotes(page)).toEqual(today);
    await expect(cards(page).filter({ hasText: firstQuote ?? '' }).locator('.review-said')).toHaveText('Soon: back on 2026-12-11.');
    await page.keyboard.press('Escape');
    await expect(review).toBeHidden();

    // The next day, the two never shown.
    now = new Date(2026, 11, 9, 8, 0);
    await page.getByRole('button', { name: 'Review highlights' }).click();
    await expect(cards(page)).toHaveCount(2);
    const tomorrow = await quotes(page);
    for (const q of tomorrow) expect(today).not.toContain(q);
    expect([...today, ...tomorrow].sort()).toEqual([...SAMPLE_PHRASES, ...HERON_PHRASES].sort());
    expect(dialogs).toEqual([]);
    expect(reader.foreignRequests).toEqual([]);
  } finally {
    await reader.close();
  }
});

test('stepping Highlights a day with ArrowUp changes nothing until Enter; stepping back down and leaving the field gives the added highlights back their schedule', async ({ page }) => {
  const { reader } = await startWithHighlights(page, () => new Date(2026, 11, 8, 9, 0));
  const reviewFile = async () => JSON.parse(await readFile(join(reader.dataDir, 'review.json'), 'utf8')) as { perDay: number; highlights: Record<string, unknown> };
  const setPerDayRequests = () => reader.requests.filter((channel) => channel === 'review:set-per-day');
  // A request the page makes reaches the handler table after every request it made before.
  const settled = () => page.evaluate(() => (window as unknown as { margin: MarginApi }).margin.librarySettings({}));
  try {
    await reader.open();
    await page.keyboard.press('r');
    const review = page.getByRole('dialog', { name: 'Review' });
    await expect(cards(page)).toHaveCount(5);
    const before = await reviewFile();
    const field = review.getByLabel('Highlights a day');
    await field.focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowUp');
    await expect(field).toHaveValue('8');
    await settled();
    expect(setPerDayRequests()).toEqual([]);
    expect(await reviewFile()).toEqual(before);
    await expect(cards(page)).toHaveCount(5);

    await page.keyboard.press('Enter');
    await expect(cards(page)).toHaveCount(7);
    expect(setPerDayRequests()).toHaveLength(1);
    expect((await reviewFile()).perDay).toBe(8);

    // Back down by mistake's undoing: nothing again until the person leaves the field.
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    await expect(field).toHaveValue('5');
    await settled();
    expect(setPerDayRequests()).toHaveLength(1);
    await expect(cards(page)).toHaveCount(7);
    await page.keyboard.press('Tab');
    await expect(cards(page)).toHaveCount(5);
    expect(setPerDayRequests()).toHaveLength(2);
    const after = await reviewFile();
    expect(after.perDay).toBe(5);
    expect(after.highlights).toEqual(before.highlights);
  } finally {
    await reader.close();
  }
});

test('the Review (from the File menu) says how to begin when there are no highlights, and its keys are in the ? list', async ({ page }) => {
  const reader = await startReader(page);
  try {
    await reader.open();
    // File › Review Highlights.
    await reader.menu('review-highlights');
    const review = page.getByRole('dialog', { name: 'Review' });
    await expect(review.locator('.review-summary')).toHaveText(
      'Nothing to review yet. Select a passage in an article and press h (or pick a colour in the toolbar) to highlight it: your highlights come back here, a few each day.',
    );
    await expect(review.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(review).toBeHidden();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    for (const row of ['Review: a few of your highlights each day', 'In the Review: Keep (comes back later each time)', 'In the Review: Soon (comes back in a few days)', 'In the Review: Later (comes back in a month or more)', 'In the Review: Discard (leaves the review; the highlight stays)', 'In the Review: open the highlight in its article']) {
      await expect(help.getByRole('cell', { name: row, exact: true })).toBeVisible();
    }
  } finally {
    await reader.close();
  }
});

test('the Review has no axe violations in light, sepia and dark, with feedback given, and works from the keyboard alone', async ({ page }) => {
  const { reader } = await startWithHighlights(page, () => new Date(2026, 11, 8, 9, 0));
  try {
    await reader.open();
    for (const theme of ['light', 'sepia', 'dark'] as const) {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByLabel('Theme').selectOption(theme);
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.locator('#reader').focus();
      await page.keyboard.press('r');
      await expect(cards(page)).toHaveCount(5);
      if (theme === 'light') {
        // Tab from the first card's Keep reaches Soon, Later, Discard, Open in article, then the next card.
        const first = cards(page).first();
        await expect(first.getByRole('button', { name: 'Keep' })).toBeFocused();
        for (const name of ['Soon', 'Later', 'Discard', 'Open in article']) {
          await page.keyboard.press('Tab');
          await expect(first.getByRole('button', { name })).toBeFocused();
        }
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Enter');
        await expect(first.getByRole('button', { name: 'Later' })).toHaveAttribute('aria-pressed', 'true');
        await page.keyboard.press('4');
        await expect(cards(page).nth(1).locator('.review-said')).toHaveText('Discarded: it will not come back in the review.');
        await expect(page.getByRole('dialog', { name: 'Review' }).locator('.review-summary')).toContainText('3 still to review');
      }
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Review' })).toBeHidden();
    }
  } finally {
    await reader.close();
  }
});
