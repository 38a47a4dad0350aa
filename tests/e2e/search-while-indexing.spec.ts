// The first start over a library without a search index, through the real handler table: the
// library lists at once, the index is built in the background, and a person who searches
// meanwhile reads how far it has got, then sees the results once it holds every article.
import { expect, test } from '@playwright/test';
import { writeLibrary } from '../bench/support/library-fixture';
import { startReader } from './support/harness';

test('a search typed while the index builds says "Indexing, N of M articles", then shows the results', async ({ page }) => {
  // Each step of the background build waits until the test lets it go on.
  let open = false;
  const waiting: Array<() => void> = [];
  const pace = () => (open ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
  const reader = await startReader(page, async (library) => void (await writeLibrary(library.dataDir, { articles: 30, highlights: 300 }, 8)), {
    indexInBackground: true,
    search: { pace },
  });
  try {
    await page.goto(`${reader.origin}/index.html`);
    await expect(page.locator('#library-list li.article-row')).toHaveCount(30);

    await page.getByLabel('Search the library').fill('river');
    const status = page.locator('.search-status');
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveText('Indexing, 1 of 30 articles');
    await expect(page.locator('.search-hit')).toHaveCount(0);

    open = true;
    for (const resolve of waiting.splice(0)) resolve();
    await expect(page.locator('.search-hit')).toHaveCount(20);
    await expect(status).toHaveText('');
  } finally {
    await reader.close();
  }
});
