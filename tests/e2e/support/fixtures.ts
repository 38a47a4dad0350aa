import { test as base, expect, type Page } from '@playwright/test';
import { startReader, type Reader } from './harness';

export const test = base.extend<{ reader: Reader }>({
  reader: async ({ page }, use) => {
    const reader = await startReader(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await use(reader);
    // Whatever a test did, reading never opened a dialog or reached past the app's own files.
    expect(dialogs).toEqual([]);
    expect(reader.foreignRequests).toEqual([]);
    await reader.close();
  },
});

export { expect };

/** Drags the mouse across a phrase in the article, as a person selects it. */
export async function dragSelect(page: Page, phrase: string, occurrence = 1): Promise<void> {
  // First bring the phrase into view and let the scroll settle, so no late scroll event lands
  // after the drag (the reader hides its toolbar on scroll).
  // The article may still be opening: wait until the phrase is on the page.
  await page.locator('#article-body', { hasText: phrase }).waitFor();
  await locatePhrase(page, phrase, occurrence, true);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const points = await locatePhrase(page, phrase, occurrence, false);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/** A point on the first letter of a phrase in the article (scrolled into view), to click on it. */
export async function phrasePoint(page: Page, phrase: string): Promise<{ x: number; y: number }> {
  const points = await locatePhrase(page, phrase, 1, true);
  return { x: points.x1 + 1, y: points.y1 };
}

function locatePhrase(page: Page, phrase: string, occurrence: number, scroll: boolean): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  return page.evaluate(
    ({ phrase, occurrence, scroll }) => {
      const body = document.getElementById('article-body');
      if (body === null) throw new Error('no article');
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = (node as Text).data;
        let at = text.indexOf(phrase);
        while (at !== -1) {
          seen++;
          if (seen === occurrence) {
            const charRect = (offset: number) => {
              const range = document.createRange();
              range.setStart(node, offset);
              range.setEnd(node, offset + 1);
              return range.getBoundingClientRect();
            };
            if (scroll) (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const a = charRect(at);
            const b = charRect(at + phrase.length - 1);
            return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
          }
          at = text.indexOf(phrase, at + 1);
        }
      }
      throw new Error(`phrase not found: ${phrase}`);
    },
    { phrase, occurrence, scroll },
  );
}

/** The text each colour's CSS highlight paints, read from the page's highlight registry. */
/** The words each registered highlight covers, by highlight name (ranges may be static). */
export function paintedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      out[name] = [...highlight].map((painted) => {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        return range.toString();
      });
    }
    return out;
  });
}
