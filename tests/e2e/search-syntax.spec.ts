// Search syntax typed into the library search, through the real handler table: a "phrase" is not
// its words anywhere, -word leaves out, tag: and color: (by the name in the legend) pick highlights.
import { importPlainText } from '../../electron/core/import/import-file';
import { describeSpan } from '../../electron/shared/anchoring';
import type { HighlightColor } from '../../electron/shared/model';
import { expect, paintedText, test } from './support/fixtures';
import type { Reader } from './support/harness';

async function addArticles(reader: Reader): Promise<void> {
  const { library } = reader;
  const add = async (text: string, name: string) => (await library.addArticle(importPlainText(text, name))).id;
  const coast = await add('Coastal plans\n\nThe town voted for a new sea wall along the promenade.\n\nWork starts before the winter tides.', 'coast.txt');
  await add('Garden notes\n\nThe sea was calm all week.\n\nThe old garden wall needs new mortar.', 'garden.txt');
  const storm = await add('After the storm\n\nThe storm broke the Sea Wall in three places.', 'storm.txt');
  const highlight = async (articleId: string, phrase: string, color: HighlightColor, tags: string[]) => {
    const { text } = await library.content(articleId);
    const start = text.indexOf(phrase);
    await library.addAnnotation(articleId, { color, note: '', tags, target: describeSpan(text, start, start + phrase.length) });
  };
  await highlight(coast, 'a new sea wall along the promenade', 'green', ['climate']);
  await highlight(coast, 'before the winter tides', 'yellow', ['later']);
  await highlight(storm, 'The storm broke the Sea Wall', 'green', ['climate']);
  await library.setColorLabel('green', 'Key point');
}

async function typeQuery(reader: Reader, query: string): Promise<void> {
  const { page } = reader;
  await page.locator('#reader').focus();
  // `/` jumps to the library search with its text selected, so typing replaces the last query.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search the library')).toBeFocused();
  await page.keyboard.type(query);
}

test('typing "sea wall" finds the phrase, not the two words apart; -storm and tag: narrow it to the one highlight', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  const hits = page.locator('.search-hit');

  await typeQuery(reader, 'sea wall');
  // Without quotes the garden article, with the words apart, is found too.
  await expect(hits).toHaveCount(3);
  await expect(hits.filter({ hasText: 'Garden notes' })).toHaveCount(1);

  await typeQuery(reader, '"sea wall"');
  await expect(hits.locator('.article-title')).toHaveCount(2);
  await expect(hits.filter({ hasText: 'Garden notes' })).toHaveCount(0);
  await expect(hits.locator('mark')).toHaveText([/^sea wall$/iu, /^sea wall$/iu]);

  await typeQuery(reader, '"sea wall" -storm tag:climate');
  await expect(hits.locator('.article-title')).toHaveText(['Coastal plans']);
  const match = hits.locator('.search-match');
  await expect(match).toHaveCount(1);
  await expect(match.locator('.match-kind')).toHaveText('highlight');
  await expect(match.locator('mark')).toHaveText('sea wall');
  await match.click();
  await expect(page.locator('.headline')).toHaveText('Coastal plans');
  await expect.poll(async () => (await paintedText(page))['margin-find-current'] ?? []).toEqual(['a new sea wall along the promenade']);
});

test('color: takes the name the person gave the colour in the legend, and half-typed syntax is no error', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  await expect(page.getByLabel('Name for green')).toHaveValue('Key point');
  const hits = page.locator('.search-hit');

  await typeQuery(reader, 'color:"key point"');
  await expect(hits.locator('mark')).toHaveText(['The storm broke the Sea Wall', 'a new sea wall along the promenade']);
  await typeQuery(reader, 'tag:later');
  await expect(hits.locator('mark')).toHaveText(['before the winter tides']);

  // An unclosed quote reads as plain words, a lone "-" and an empty tag: are skipped.
  await typeQuery(reader, '"winter tides');
  await expect(hits.locator('.article-title')).toHaveText(['Coastal plans']);
  await typeQuery(reader, 'tag: - promenade');
  await expect(hits.locator('.article-title')).toHaveText(['Coastal plans']);
  await expect(page.locator('.status')).not.toContainText(/error|could not/iu);
});

test('a search of only -storm lists every article without the word, and one opens from the list', async ({ reader, page }) => {
  await addArticles(reader);
  await reader.open();
  const hits = page.locator('.search-hit');

  await typeQuery(reader, '-storm');
  // Every article without the word (the sample article too); nothing was found in them, so each
  // offers the article itself.
  await expect(hits.filter({ hasText: 'Garden notes' })).toHaveCount(1);
  await expect(hits.filter({ hasText: 'Coastal plans' })).toHaveCount(1);
  await expect(hits.filter({ hasText: 'After the storm' })).toHaveCount(0);
  await hits.filter({ hasText: 'Garden notes' }).getByRole('button', { name: 'Open article' }).click();
  await expect(page.locator('.headline')).toHaveText('Garden notes');
});
