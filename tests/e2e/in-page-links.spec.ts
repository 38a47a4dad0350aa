// Links inside an article that lead to a place in it: a footnote mark, the footnote's "Back"
// link, a table of contents. The article is imported the way a person does it (a saved page
// handed to the app, through the real handler table), read in the reader, and exported as an
// annotated HTML page opened in the browser.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { annotatedHtml } from '../../electron/core/export/annotated-html';
import { exportArticle } from '../../electron/core/export/export-article';
import { expect, test } from './support/fixtures';

const FOOTNOTED = join(import.meta.dirname, '../fixtures/html-import/footnotes-and-contents/source.html');

test('a footnote mark scrolls the reader to its footnote, Back returns to the mark, and the app never navigates', async ({ reader, page }) => {
  await reader.open();
  const address = page.url();
  await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), [FOOTNOTED]);
  await expect(page.locator('.headline')).toHaveText('Why the lighthouse keepers left');
  const pane = page.locator('#reader');
  const footnote = page.locator('#article-body li', { hasText: 'own shorthand' });
  await expect(footnote).not.toBeInViewport();

  const mark = page.locator('#article-body sup a', { hasText: '1' });
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  await expect(footnote).toBeInViewport();
  expect(page.url()).toBe(address);

  await footnote.getByRole('link', { name: 'Back' }).click();
  await expect(mark).toBeInViewport();
  await expect(footnote).not.toBeInViewport();

  // The table of contents, from the top of the article.
  await pane.evaluate((element) => (element.scrollTop = 0));
  await page.locator('#article-body a', { hasText: 'The last keepers' }).click();
  await expect(page.locator('#article-body h2', { hasText: 'The last keepers' })).toBeInViewport();
  expect(page.url()).toBe(address);
  // The app's own elements keep their names: the article's ids are all namespaced.
  expect(await page.locator('#article-body [id]').evaluateAll((elements) => elements.every((element) => element.id.startsWith('user-content-')))).toBe(true);
  expect(await page.locator('#article-body').count()).toBe(1);
});

test('in an exported annotated page, opened from a file, a footnote mark jumps to its footnote', async ({ reader, page }) => {
  await reader.open();
  await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), [FOOTNOTED]);
  await expect(page.locator('.headline')).toHaveText('Why the lighthouse keepers left');
  const [meta] = reader.library.articles().filter((article) => article.title === 'Why the lighthouse keepers left');
  if (meta === undefined) throw new Error('not imported');
  const html = annotatedHtml(exportArticle({ meta, html: await reader.library.html(meta.id), annotations: [] }), { exportedAt: new Date(0).toISOString(), resolveImage: () => null });
  const dir = await mkdtemp(join(tmpdir(), 'margin-footnotes-'));
  const file = join(dir, 'lighthouse.html');
  await writeFile(file, html);
  const exported = await page.context().newPage();
  await exported.setViewportSize({ width: 900, height: 600 });
  await exported.goto(pathToFileURL(file).href);
  const footnote = exported.locator('article li', { hasText: 'Lamp lit at sunset.' });
  await expect(footnote).not.toBeInViewport();
  await exported.locator('article sup a', { hasText: '3' }).click();
  await expect(footnote).toBeInViewport();
  expect(new URL(exported.url()).hash).toBe('#user-content-fn3');
  await exported.close();
  await rm(dir, { recursive: true, force: true });
});
