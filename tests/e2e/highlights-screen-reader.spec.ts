// Highlights in the accessibility tree: with "Mark highlights for screen readers" on, each is a
// <mark> described by its colour and whether it has a note, in the tree Playwright and Chrome
// expose; the notes panel says the same, in one stable document order; and marking moves no offset
// that anchoring, selection, painting or find count in.
import type { Page } from '@playwright/test';
import { expect, paintedText, test } from './support/fixtures';

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


/** Makes the four highlights: an overlap, two starting at the same word, a note, four colours. */
async function highlightFour(page: Page): Promise<void> {
  await dragSelect(page, 'officials claimed their troops');
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await page.keyboard.press('e');
  await page.locator('.note-input').fill('Who said it');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.card-note').first()).toHaveText('Who said it');
  const count = await page.locator('.highlight-card').count();
  for (const [phrase, color] of [
    ['Russian officials', 'green'],
    ['Russian', 'pink'],
    ['nearly two miles', 'blue'],
  ] as const) {
    await dragSelect(page, phrase);
    await page.getByRole('button', { name: `Highlight ${color}` }).click();
  }
  await expect(page.locator('.highlight-card')).toHaveCount(count + 3);
}

async function markHighlights(page: Page, on: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByLabel('Mark highlights for screen readers').setChecked(on);
  await page.getByRole('button', { name: 'Reading settings' }).click();
}

/** The marks of the article as Chrome's own accessibility tree holds them: what a screen reader reads. */
async function chromeMarks(page: Page): Promise<{ text: string; description: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { nodeId: string; role?: { value: string }; name?: { value: string }; description?: { value: string }; childIds?: string[] }[];
  };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const text = (id: string): string => {
    const node = byId.get(id);
    if (node === undefined) return '';
    if (node.role?.value === 'StaticText') return node.name?.value ?? '';
    return (node.childIds ?? []).map(text).join('');
  };
  await cdp.detach();
  return nodes.filter((node) => node.role?.value === 'mark').map((node) => ({ text: text(node.nodeId), description: node.description?.value ?? '' }));
}

const firstParagraph = (page: Page) => page.locator('#article-body p').first();

test('a screen reader meets each highlight as a mark described by its colour and note, and the tree follows a recolour and a delete', async ({ reader, page }) => {
  await reader.open();
  await markHighlights(page, true);
  await highlightFour(page);

  await expect(firstParagraph(page)).toMatchAriaSnapshot(`
    - paragraph:
      - mark: Russian
      - mark
      - mark: officials
      - mark: claimed their troops
      - text: have advanced
      - mark: nearly two miles
      - text: /^into northeast Ukraine/
  `);
  const marks = firstParagraph(page).locator('mark');
  await expect(marks.nth(0)).toHaveAccessibleDescription('green highlight. pink highlight.');
  await expect(marks.nth(1)).toHaveAccessibleDescription('green highlight.');
  await expect(marks.nth(2)).toHaveAccessibleDescription('green highlight. yellow highlight, has note.');
  await expect(marks.nth(3)).toHaveAccessibleDescription('yellow highlight, has note.');
  await expect(marks.nth(4)).toHaveAccessibleDescription('blue highlight.');
  expect(await chromeMarks(page)).toEqual([
    { text: 'Russian', description: 'green highlight. pink highlight.' },
    { text: ' ', description: 'green highlight.' },
    { text: 'officials', description: 'green highlight. yellow highlight, has note.' },
    { text: ' claimed their troops', description: 'yellow highlight, has note.' },
    { text: 'nearly two miles', description: 'blue highlight.' },
  ]);
  // The panel: document order, the longer of two starting at one word first, each saying its colour and note.
  await expect(page.getByRole('list', { name: 'Highlights' })).toMatchAriaSnapshot(`
    - list "Highlights":
      - listitem:
        - text: green highlight.
        - button "Russian officials"
      - listitem:
        - text: pink highlight.
        - button "Russian"
      - listitem:
        - text: yellow highlight, has note.
        - button "officials claimed their troops"
        - paragraph: Who said it
      - listitem:
        - text: blue highlight.
        - button "nearly two miles"
  `);

  const card = (quote: string) => page.locator('.highlight-card').filter({ has: page.getByRole('button', { name: quote, exact: true }) });
  await card('nearly two miles').getByRole('button', { name: 'Colour purple' }).click();
  await card('Russian').getByRole('button', { name: 'Colour yellow' }).click();
  await expect(marks.nth(4)).toHaveAccessibleDescription('purple highlight.');
  await expect(marks.nth(0)).toHaveAccessibleDescription('green highlight. yellow highlight.');
  // A recolour moves no card: same-start highlights keep their order.
  await expect(page.locator('.card-quote')).toHaveText(['Russian officials', 'Russian', 'officials claimed their troops', 'nearly two miles']);

  await card('Russian officials').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.highlight-card')).toHaveCount(3);
  await expect(firstParagraph(page)).toMatchAriaSnapshot(`
    - paragraph:
      - mark: Russian
      - mark: officials claimed their troops
      - text: have advanced
      - mark: nearly two miles
  `);
  expect(await chromeMarks(page)).toEqual([
    { text: 'Russian', description: 'yellow highlight.' },
    { text: 'officials claimed their troops', description: 'yellow highlight, has note.' },
    { text: 'nearly two miles', description: 'purple highlight.' },
  ]);
  await expect(page.getByRole('list', { name: 'Highlights' })).toMatchAriaSnapshot(`
    - list "Highlights":
      - listitem:
        - text: yellow highlight.
        - button "Russian"
      - listitem:
        - text: yellow highlight, has note.
        - button "officials claimed their troops"
      - listitem:
        - text: purple highlight.
        - button "nearly two miles"
  `);

  // The choice is remembered; turned off, the article holds no mark and is painted as before.
  await page.reload();
  await expect(firstParagraph(page).locator('mark')).toHaveCount(3);
  await markHighlights(page, false);
  await expect(page.locator('#article-body mark')).toHaveCount(0);
  expect(await chromeMarks(page)).toEqual([]);
  expect((await paintedText(page))['margin-yellow']?.sort()).toEqual(['Russian', 'officials claimed their troops']);
});

test('marking highlights moves no offset: the same selections, painting and find matches with marks and without', async ({ reader, page }) => {
  await reader.open();
  const articleText = () => page.locator('#article-body').evaluate((body) => body.textContent ?? '');
  const before = await articleText();
  const articleId = reader.library.articles()[0]?.id ?? '';
  const positions = async () =>
    (await reader.library.annotations(articleId)).map((a) => `${a.color} ${a.target.position.start}-${a.target.position.end} ${a.target.quote.exact}`).sort();

  await highlightFour(page);
  await expect.poll(async () => (await positions()).length).toBe(4);
  const unmarked = await positions();
  const painted = await paintedText(page);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('officials');
  const count = page.locator('.find-count');
  await expect(count).toHaveText(/of \d+/);
  const matches = await count.textContent();
  await page.keyboard.press('Escape');

  await markHighlights(page, true);
  await expect(firstParagraph(page).locator('mark')).toHaveCount(5);
  expect(await articleText()).toBe(before);
  for (const line of unmarked) {
    const [, start, end, quote] = /^\S+ (\d+)-(\d+) (.*)$/u.exec(line) ?? [];
    expect(before.slice(Number(start), Number(end))).toBe(quote);
  }
  expect(await paintedText(page)).toEqual(painted);

  // The same four selections, made now across and inside marks, land on the same offsets.
  await highlightFour(page);
  await expect.poll(positions).toEqual([...unmarked, ...unmarked].sort());
  expect(await articleText()).toBe(before);
  const twice = Object.fromEntries(Object.entries(painted).map(([name, texts]) => [name, name === 'margin-focus' ? texts : [...texts, ...texts].sort()]));
  const now = await paintedText(page);
  expect(Object.fromEntries(Object.entries(now).map(([name, texts]) => [name, name === 'margin-focus' ? texts : [...texts].sort()]))).toEqual(twice);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('officials');
  await expect(count).toHaveText(matches ?? '');
});
