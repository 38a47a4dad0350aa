// Formulas in imported pages, opened in the reader: MathML stays MathML and is drawn by the
// browser, and a formula drawn as a picture (Wikipedia's) sits in its line of text. Both pass the
// reader's own sanitizing and its CSP without a request leaving the app.
import { join } from 'node:path';
import { importFile } from '../../electron/core/import/import-file';
import { startReader } from './support/harness';
import { expect, test } from '@playwright/test';

const cases = join(import.meta.dirname, '../fixtures/html-import');

test('a formula written in MathML and one drawn as a picture both show in the reader, in their lines', async ({ page }) => {
  const reader = await startReader(page, async (library) => {
    for (const name of ['mathml-kept', 'math-formula-image']) {
      await library.addArticle(await importFile(join(cases, name, 'source.html'), { dataDir: library.dataDir, online: false }));
    }
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await reader.open();

  await page.locator('.article-link', { hasText: 'Solving a quadratic by hand' }).click();
  await expect(page.locator('.headline')).toHaveText('Solving a quadratic by hand');
  const formulas = page.locator('#article-body math');
  await expect(formulas).toHaveCount(2);
  const drawn = await formulas.evaluateAll((elements) =>
    elements.map((math) => ({ mathml: math.namespaceURI === 'http://www.w3.org/1998/Math/MathML', width: Math.round(math.getBoundingClientRect().width) })),
  );
  expect(drawn.every((formula) => formula.mathml && formula.width > 0)).toBe(true);
  await expect(page.locator('#article-body')).not.toContainText('frac');

  await page.locator('.article-link', { hasText: 'Rest energy' }).click();
  await expect(page.locator('.headline')).toHaveText('Rest energy');
  const pictures = page.locator('#article-body img.formula');
  await expect(pictures).toHaveCount(2);
  await expect(pictures.first()).toHaveAttribute('alt', '{\\displaystyle E=mc^{2}}');
  const shown = await pictures.evaluateAll((images) =>
    images.map((img) => ({ loaded: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, display: getComputedStyle(img).display })),
  );
  expect(shown).toEqual([{ loaded: true, display: 'inline' }, { loaded: true, display: 'inline' }]);

  expect(pageErrors).toEqual([]);
  expect(reader.foreignRequests).toEqual([]);
  await reader.close();
});
