// One undo history for everything a person changes: Ctrl+Z always takes back the last change
// they made (and only that), whatever kind it was, and Ctrl+Shift+Z brings it back.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importPlainText } from '../../electron/core/import/import-file';
import { dragSelect, expect, paintedText, test } from './support/fixtures';
import type { Reader } from './support/harness';

const SAMPLE_TITLE = 'Russia says it has advanced nearly 2 miles in northeast Ukraine';

async function highlight(page: Page, reader: Reader, phrase: string): Promise<string> {
  await dragSelect(page, phrase);
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card', { hasText: phrase })).toHaveCount(1);
  const articleId = reader.library.articles().find((a) => a.title === SAMPLE_TITLE)?.id ?? '';
  await expect.poll(async () => (await reader.library.annotations(articleId)).map((a) => a.target.quote.exact)).toContain(phrase);
  return articleId;
}

/** What the person sees and what the library holds, for one kind of change. */
interface EditKind {
  name: string;
  /** What the status line says once Ctrl+Z took the change back. */
  undone: string;
  /** A change to the highlight itself, which cannot be seen while the highlight is gone. */
  onHighlight?: boolean;
  make(page: Page): Promise<void>;
  /** Resolves once the change shows and is stored (`made` true) or is gone on both counts. */
  check(page: Page, reader: Reader, articleId: string, made: boolean): Promise<void>;
}

const edits: EditKind[] = [
  {
    name: 'writing an article note',
    undone: 'Undid article note.',
    async make(page) {
      await page.getByRole('button', { name: 'Add a note on this article' }).click();
      await page.getByRole('textbox', { name: 'Article note' }).fill('Read with the map open.');
      await page.getByRole('button', { name: 'Save note' }).click();
    },
    async check(page, reader, articleId, made) {
      await expect(page.locator('.article-note .card-note')).toHaveCount(made ? 1 : 0);
      await expect.poll(() => reader.library.articleNote(articleId)).toBe(made ? 'Read with the map open.' : '');
    },
  },
  {
    name: 'tagging the article',
    undone: 'Undid article tags.',
    async make(page) {
      await page.getByLabel('Article tags').fill('ukraine, front-line');
      await page.getByLabel('Article tags').press('Enter');
    },
    async check(page, reader, articleId, made) {
      // The field stays open for the next tag, Ctrl+Z in it taking back the last one.
      await expect(page.getByLabel('Article tags')).toHaveValue(made ? /^ukraine, front-line(, )?$/u : '');
      await expect.poll(() => reader.library.articles().find((a) => a.id === articleId)?.tags).toEqual(made ? ['ukraine', 'front-line'] : []);
    },
  },
  {
    name: 'naming a colour',
    undone: 'Undid renaming green.',
    async make(page) {
      await page.getByLabel('Name for green').fill('question');
      await page.getByLabel('Name for green').press('Enter');
    },
    async check(page, reader, _articleId, made) {
      await expect(page.getByLabel('Name for green')).toHaveValue(made ? 'question' : '');
      await expect.poll(() => reader.library.colorLabels.green).toBe(made ? 'question' : undefined);
    },
  },
  {
    name: 'writing a note on the highlight',
    undone: 'Undid note.',
    onHighlight: true,
    async make(page) {
      await page.locator('.highlight-card').getByRole('button', { name: 'Add note' }).click();
      await page.locator('.note-input').fill('Front line');
      await page.keyboard.press('Control+Enter');
    },
    async check(page, reader, articleId, made) {
      await expect(page.locator('.highlight-card .card-note')).toHaveCount(made ? 1 : 0);
      await expect.poll(async () => (await reader.library.annotations(articleId))[0]?.note).toBe(made ? 'Front line' : '');
    },
  },
  {
    name: 'recolouring the highlight',
    undone: 'Undid colour.',
    onHighlight: true,
    async make(page) {
      await page.locator('.highlight-card').getByRole('button', { name: 'Colour blue' }).click();
    },
    async check(page, reader, articleId, made) {
      await expect(page.locator('.highlight-card').getByRole('button', { name: 'Colour blue' })).toHaveAttribute('aria-pressed', made ? 'true' : 'false');
      await expect.poll(async () => (await reader.library.annotations(articleId))[0]?.color).toBe(made ? 'blue' : 'yellow');
    },
  },
  {
    name: 'tagging the highlight',
    undone: 'Undid tags.',
    onHighlight: true,
    async make(page) {
      await page.locator('.highlight-card').getByRole('button', { name: 'Add a tag' }).click();
      await page.getByLabel('New tag').fill('air-defence');
      await page.getByLabel('New tag').press('Enter');
    },
    async check(page, reader, articleId, made) {
      await expect(page.locator('.highlight-card .tag-chip')).toHaveCount(made ? 1 : 0);
      await expect.poll(async () => (await reader.library.annotations(articleId))[0]?.tags).toEqual(made ? ['air-defence'] : []);
    },
  },
  {
    name: 'archiving the article',
    undone: `Undid archiving “${SAMPLE_TITLE}”.`,
    async make(page) {
      await page.getByRole('button', { name: `Archive: ${SAMPLE_TITLE}` }).click();
    },
    async check(page, reader, articleId, made) {
      await expect(page.getByRole('button', { name: `Archive: ${SAMPLE_TITLE}` })).toHaveCount(made ? 0 : 1);
      await expect.poll(() => reader.library.articles().find((a) => a.id === articleId)?.state).toBe(made ? 'archived' : 'reading');
    },
  },
  {
    name: 'moving the article to the trash',
    undone: `Undid moving “${SAMPLE_TITLE}” to the trash.`,
    async make(page) {
      await page.getByRole('button', { name: `Move to trash: ${SAMPLE_TITLE}` }).click();
    },
    async check(page, reader, articleId, made) {
      await expect(page.getByRole('button', { name: `Move to trash: ${SAMPLE_TITLE}` })).toHaveCount(made ? 0 : 1);
      await expect.poll(() => reader.library.articles().find((a) => a.id === articleId)?.state).toBe(made ? 'trash' : 'reading');
    },
  },
];

async function highlightShown(page: Page, reader: Reader, articleId: string, shown: boolean): Promise<void> {
  await expect(page.locator('.highlight-card', { hasText: 'sky shield' })).toHaveCount(shown ? 1 : 0);
  await expect.poll(async () => (await reader.library.annotations(articleId)).length).toBe(shown ? 1 : 0);
  const colours = ['yellow', 'green', 'blue', 'pink', 'purple'];
  await expect.poll(async () => Object.entries(await paintedText(page)).flatMap(([name, words]) => (colours.some((c) => name === `margin-${c}`) ? words : []))).toEqual(shown ? ['sky shield'] : []);
}

for (const edit of edits) {
  test(`after a highlight, ${edit.name}: Ctrl+Z takes back only that and the highlight stays; Ctrl+Z again removes the highlight; redo brings both back`, async ({ reader, page }) => {
    await reader.open();
    const articleId = await highlight(page, reader, 'sky shield');
    await edit.make(page);
    await edit.check(page, reader, articleId, true);

    await page.keyboard.press('Control+z');
    await edit.check(page, reader, articleId, false);
    await expect(page.locator('.status')).toHaveText(edit.undone);
    await highlightShown(page, reader, articleId, true);

    await page.keyboard.press('Control+z');
    await highlightShown(page, reader, articleId, false);
    if (edit.onHighlight !== true) await edit.check(page, reader, articleId, false);

    await page.keyboard.press('Control+Shift+z');
    await highlightShown(page, reader, articleId, true);
    await edit.check(page, reader, articleId, false);
    await page.keyboard.press('Control+Shift+z');
    await edit.check(page, reader, articleId, true);
    await highlightShown(page, reader, articleId, true);
  });
}

test('after a highlight, deleting it: Ctrl+Z brings it back; Ctrl+Z again removes it; redo brings it back and deletes it', async ({ reader, page }) => {
  await reader.open();
  const articleId = await highlight(page, reader, 'sky shield');
  await page.locator('.highlight-card').getByRole('button', { name: 'Delete' }).click();
  await highlightShown(page, reader, articleId, false);
  await page.keyboard.press('Control+z');
  await highlightShown(page, reader, articleId, true);
  await page.keyboard.press('Control+z');
  await highlightShown(page, reader, articleId, false);
  await page.keyboard.press('Control+Shift+z');
  await highlightShown(page, reader, articleId, true);
  await page.keyboard.press('Control+Shift+z');
  await highlightShown(page, reader, articleId, false);
});

test('Ctrl+Z while typing in a note takes back the typing, not the highlight', async ({ reader, page }) => {
  await reader.open();
  const articleId = await highlight(page, reader, 'sky shield');
  await page.locator('.highlight-card').getByRole('button', { name: 'Add note' }).click();
  // Typed as one input (as a paste or a word from an input method), so the field's own undo
  // takes it back in one step however the browser groups keystrokes.
  await expect(page.locator('.note-input')).toBeFocused();
  await page.keyboard.insertText('Europe');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.note-input')).toHaveValue('');
  await highlightShown(page, reader, articleId, true);
  await page.getByLabel('Article tags').focus();
  await page.keyboard.insertText('war');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Article tags')).toHaveValue('');
  await highlightShown(page, reader, articleId, true);
});

test('after opening another article, Ctrl+Z takes back the last change, in the article it was made in', async ({ reader, page }) => {
  await reader.library.addArticle(importPlainText('A quiet harbour\n\nBoats rest in the harbour all winter.', 'harbour.txt'));
  await reader.open();
  await page.locator('.article-link', { hasText: 'Russia says' }).click();
  await expect(page.locator('.headline')).toHaveText(SAMPLE_TITLE);
  const articleId = await highlight(page, reader, 'sky shield');
  await page.locator('.article-link', { hasText: 'A quiet harbour' }).click();
  await expect(page.locator('.headline')).toHaveText('A quiet harbour');

  await page.keyboard.press('Control+z');
  await expect(page.locator('.headline')).toHaveText(SAMPLE_TITLE);
  await expect(page.locator('.status')).toHaveText(`Undid highlight in “${SAMPLE_TITLE}”.`);
  await highlightShown(page, reader, articleId, false);
  await page.keyboard.press('Control+Shift+z');
  await highlightShown(page, reader, articleId, true);
});

const HARBOUR = 'Harbour news\n\nThe ferry to the island leaves at nine every morning in summer.\n\nThe old lighthouse will be repainted in white and red stripes this spring.\n';

test('accepting a highlight after a revision can be taken back, and it waits for review again', async ({ reader, page }) => {
  const file = join(reader.homeDir, 'harbour.txt');
  await writeFile(file, HARBOUR);
  await reader.open();
  reader.importPaths = [file];
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(page.locator('.headline')).toHaveText('Harbour news');
  await dragSelect(page, 'repainted in white and red stripes');
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card')).toHaveCount(1);
  await writeFile(file, HARBOUR.replace('white and red', 'white and blue'));
  await page.getByRole('button', { name: 'Import again' }).click();
  const review = page.getByRole('region', { name: 'Needs review' });
  await expect(review.locator('.review-card')).toHaveCount(1);
  const articleId = reader.library.articles().find((a) => a.title === 'Harbour news')?.id ?? '';

  await review.getByRole('button', { name: 'Accept' }).click();
  await expect(review).toHaveCount(0);
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['repainted in white and blue stripes']);
  await page.keyboard.press('Control+z');
  await expect(review.locator('.review-old')).toContainText('repainted in white and red stripes');
  await expect.poll(async () => (await reader.library.annotations(articleId))[0]?.review?.status).toBe('fuzzy');
  expect((await reader.library.annotations(articleId))[0]?.target.quote.exact).toBe('repainted in white and red stripes');
  await page.keyboard.press('Control+Shift+z');
  await expect(review).toHaveCount(0);
  await expect.poll(async () => (await reader.library.annotations(articleId))[0]?.review ?? null).toBeNull();

  // Deleting it while it waits for review, then Ctrl+Z, puts it back under review.
  await page.keyboard.press('Control+z');
  await expect(review.locator('.review-card')).toHaveCount(1);
  await review.getByRole('button', { name: 'Delete' }).click();
  await expect(review).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(review.locator('.review-old')).toContainText('repainted in white and red stripes');
  await expect.poll(async () => (await reader.library.annotations(articleId))[0]?.review?.status).toBe('fuzzy');
});

test('Ctrl+Z pressed before the library has answered takes back that change, not the highlight before it', async ({ reader, page }) => {
  await reader.open();
  const articleId = await highlight(page, reader, 'sky shield');
  const release = reader.hold('library:set-color-label');
  await page.getByLabel('Name for green').fill('question');
  await page.getByLabel('Name for green').press('Enter');
  await page.keyboard.press('Control+z');
  release();
  await expect(page.locator('.status')).toHaveText('Undid renaming green.');
  await expect.poll(() => reader.library.colorLabels.green).toBeUndefined();
  await expect(page.getByLabel('Name for green')).toHaveValue('');
  await highlightShown(page, reader, articleId, true);
});

test('two tags typed in a row before the library has answered the first: both are kept, and Ctrl+Z takes back only the second', async ({ reader, page }) => {
  await reader.open();
  const articleId = await highlight(page, reader, 'sky shield');
  const tags = async () => (await reader.library.annotations(articleId)).find((a) => a.target.quote.exact === 'sky shield')?.tags;
  const card = page.locator('.highlight-card', { hasText: 'sky shield' });
  await card.getByRole('button', { name: 'Add a tag' }).click();
  const release = reader.hold('annotation:update');
  await page.keyboard.type('air');
  await page.keyboard.press('Enter');
  await page.keyboard.type('defence');
  await page.keyboard.press('Enter');
  release();
  await expect.poll(tags).toEqual(['air', 'defence']);
  await expect(card.locator('.tag-chip')).toHaveText(['#air×', '#defence×']);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.status')).toContainText('Undid');
  await expect.poll(tags).toEqual(['air']);
  await expect(card.locator('.tag-chip')).toHaveText(['#air×']);
});

test('two article tags typed in a row before the library has answered the first: Ctrl+Z takes back only the second', async ({ reader, page }) => {
  await reader.open();
  const articleId = reader.library.articles().find((a) => a.title === SAMPLE_TITLE)?.id ?? '';
  const field = page.getByLabel('Article tags');
  await field.click();
  const release = reader.hold('article:update');
  await page.keyboard.type('war');
  await page.keyboard.press('Enter');
  await page.keyboard.type('maps');
  await page.keyboard.press('Enter');
  release();
  await expect.poll(() => reader.library.meta(articleId).tags).toEqual(['war', 'maps']);
  await page.keyboard.press('Escape');
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.status')).toContainText('Undid');
  await expect.poll(() => reader.library.meta(articleId).tags).toEqual(['war']);
});

test('a tag removed while a tag just typed is still being saved: the removal and the new tag both stand', async ({ reader, page }) => {
  await reader.open();
  const articleId = await highlight(page, reader, 'sky shield');
  const tags = async () => (await reader.library.annotations(articleId)).find((a) => a.target.quote.exact === 'sky shield')?.tags;
  const card = page.locator('.highlight-card', { hasText: 'sky shield' });
  await card.getByRole('button', { name: 'Add a tag' }).click();
  await page.keyboard.type('old');
  await page.keyboard.press('Enter');
  await expect.poll(tags).toEqual(['old']);
  await expect(card.locator('.tag-chip')).toHaveText(['#old×']);
  const release = reader.hold('annotation:update');
  await page.keyboard.type('air');
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: 'Remove tag old' }).click();
  release();
  await expect.poll(tags).toEqual(['air']);
  await expect(card.locator('.tag-chip')).toHaveText(['#air×']);
});
