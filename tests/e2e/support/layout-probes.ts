// Measurements a person would make by eye: how many characters a line of the article holds,
// whether anything on screen is cut off, whether the page scrolls sideways.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The reading column's width in "0" characters of the reading font. */
export function charactersPerLine(page: Page): Promise<number> {
  return page.locator('.article').evaluate((article) => {
    const zero = document.createElement('span');
    zero.textContent = '0';
    article.append(zero);
    const width = zero.getBoundingClientRect().width;
    zero.remove();
    return article.clientWidth / width;
  });
}

/** Controls and headings that reach past the window's sides or past a box that clips them. */
export function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const name = (element: Element) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}"`;
    for (const element of document.querySelectorAll('button, input, select, textarea, a[href], h1, h2, .panel-title')) {
      const box = element.getBoundingClientRect();
      if (element.getClientRects().length === 0 || box.width <= 1 || element.closest('.layout-probe') !== null) continue;
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5) cut.push(`${name(element)} past the window`);
      for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) cut.push(`${name(element)} clipped by .${parent.className}`);
      }
    }
    return cut;
  });
}

/** Whether the page itself scrolls sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth || document.body.scrollWidth > document.body.clientWidth);
}

/**
 * axe-core's findings on the page as it is now (its default rules, as the accessibility spec runs
 * them), and WCAG 2.2's target size on the view toolbar and the table of contents.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const all = await new AxeBuilder({ page }).analyze();
  const targets = await new AxeBuilder({ page }).include('.reader-toolbar').include('#table-of-contents').withRules(['target-size']).analyze();
  return [...all.violations, ...targets.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
