import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * Drags the mouse across a phrase as a person does. The phrase is found in the article's whole
 * text, not in one text node: with highlights marked for screen readers, a phrase that runs into
 * or out of a highlight spans several.
 */
async function dragSelect(page: Page, phrase: string, occurrence = 1): Promise<void> {
  const locate = () =>
    page.evaluate(
      ({ phrase, occurrence }) => {
        const body = document.getElementById('article-body') as HTMLElement;
        const text = body.textContent ?? '';
        let at = -1;
        for (let seen = 0; seen < occurrence; seen++) at = text.indexOf(phrase, at + 1);
        if (at === -1) throw new Error(`phrase not found: ${phrase}`);
        const point = (offset: number) => {
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          let start = 0;
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            const length = (node as Text).data.length;
            if (offset < start + length) {
              const range = document.createRange();
              range.setStart(node, offset - start);
              range.setEnd(node, offset - start + 1);
              return { rect: range.getBoundingClientRect(), element: node.parentElement as HTMLElement };
            }
            start += length;
          }
          throw new Error('offset outside the text');
        };
        const first = point(at);
        first.element.scrollIntoView({ block: 'center' });
        const a = point(at).rect;
        const b = point(at + phrase.length - 1).rect;
        return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
      },
      { phrase, occurrence },
    );
  await page.locator('#article-body', { hasText: phrase }).waitFor();
  await locate();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const points = await locate();
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

test('explore', async ({ reader, page }) => {
  await reader.open();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByLabel('Mark highlights for screen readers').check();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await dragSelect(page, 'officials claimed their troops');
  await page.keyboard.press('n');
  await page.locator('.note-input').fill('Who said it');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.card-note')).toHaveText('Who said it');
  await dragSelect(page, 'Russian officials');
  await page.getByRole('button', { name: 'Highlight green' }).click();
  await dragSelect(page, 'Russian');
  await page.getByRole('button', { name: 'Highlight pink' }).click();
  await dragSelect(page, 'nearly two miles');
  await page.getByRole('button', { name: 'Highlight blue' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(4);
  console.log(await page.locator('#article-body p').nth(0).ariaSnapshot());
  console.log(await page.locator('#notes-list').ariaSnapshot());
  console.log(await page.locator('#article-body p').nth(0).evaluate((e) => e.innerHTML));
});
