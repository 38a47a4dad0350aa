// axe-core with the WCAG 2.2 AA rules (target size included) over every state a person reaches:
// the library, the reader with highlights and notes, every dialog and popup, in each theme, at
// 800x600 and at 200% zoom of a 1280x800 window (a 640x400 CSS-pixel viewport, two device pixels
// to one). One test per state, theme and size; each theme and size shares one page that steps
// from state to state, as a person would, so the matrix costs one reader per column.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { startReader, type Reader } from './support/harness';
import { dragSelect, expect, phrasePoint } from './support/fixtures';
import { DOCK_STREET as ARTICLE } from './support/dock-street';

const test = base;

const SIZES = [
  { name: '800x600', viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 },
  { name: '200% zoom of 1280x800', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;
const THEMES = ['light', 'dark', 'sepia'] as const;


/**
 * Selects a phrase in the article as the keyboard would, without dragging: at 200% zoom the
 * reading column is too narrow for a long phrase to be dragged across reliably.
 */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate((wanted) => {
    const body = document.getElementById('article-body');
    const walker = document.createTreeWalker(body as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      window.getSelection()?.setBaseAndExtent(node, at, node, at + wanted.length);
      return;
    }
    throw new Error(`phrase not found: ${wanted}`);
  }, phrase);
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join(', ')}`);
}

/**
 * Controls under 24x24 px. axe lets a small target pass when it stands far enough from others;
 * this asks more: every control is at least that size itself. Links inside running text are the
 * one exception WCAG makes (their size is the text's).
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="menuitem"], summary')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const inText = element.tagName === 'A' && element.closest('p, li, td, figcaption, blockquote') !== null;
        return box.width > 0 && box.height > 0 && !inText && (box.width < 23.5 || box.height < 23.5);
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
        return `${element.tagName.toLowerCase()}.${element.className} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`;
      }),
  );
}

interface Column {
  page: Page;
  reader: Reader;
  file: string;
  dialogs: string[];
}

type PanelName = 'Library' | 'Notes';

/**
 * At these sizes the library and the notes are shown over the article, closed until called: a
 * person opens the one a state needs with its button, as they would, and closes the others.
 */
async function showOnly(page: Page, wanted: PanelName | undefined): Promise<void> {
  for (const name of ['Library', 'Notes'] as const) {
    const button = page.getByRole('navigation', { name: 'View' }).getByRole('button', { name, exact: true });
    const open = async () => (await button.getAttribute('aria-expanded')) === 'true';
    if (name === wanted && !(await open())) await button.click();
    // An open panel lies over its own button: Escape closes it (the first may only leave a
    // focused highlight or a menu).
    for (let press = 0; name !== wanted && press < 3 && (await open()); press++) await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', String(name === wanted));
  }
}

/** Each state: the panel it is in, how a person gets there from the one before, and what shows it is there. */
const STATES: { name: string; panel?: PanelName; reach(column: Column): Promise<void>; leave?(column: Column): Promise<void> }[] = [
  {
    name: 'the library with an article open',
    panel: 'Library',
    reach: async ({ page }) => {
      await expect(page.getByRole('complementary', { name: 'Library' })).toBeAttached();
    },
  },
  {
    name: 'the reader with highlights, an overlap and notes',
    panel: 'Notes',
    reach: async ({ page, reader, file }) => {
      reader.importPaths = [file];
      await reader.menu('import-files');
      await expect(page.locator('.headline')).toHaveText('Fire on Dock Street');
      await selectPhrase(page, 'forcing the evacuation of two apartment blocks');
      await page.keyboard.press('h');
      await selectPhrase(page, 'the evacuation of two');
      await page.keyboard.press('n');
      await page.locator('.note-input').fill('**Who** was moved');
      await page.keyboard.press('Control+Enter');
      await expect(page.locator('.card-note strong')).toHaveText('Who');
      await selectPhrase(page, 'kept the flames away');
      await page.keyboard.press('h');
      await expect(page.locator('.highlight-card')).toHaveCount(3);
      await page.locator('.highlight-card', { hasText: 'kept the flames away' }).getByRole('button', { name: 'Colour blue' }).click();
      await expect(page.locator('.highlight-card.color-blue')).toHaveCount(1);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'a note being written',
    panel: 'Notes',
    reach: async ({ page }) => {
      await page.locator('.card-quote', { hasText: 'kept the flames away' }).click();
      await page.keyboard.press('e');
      await expect(page.locator('.note-input')).toBeFocused();
      await page.keyboard.type('Timber');
    },
    leave: async ({ page }) => {
      await page.keyboard.press('Escape');
      await expect(page.locator('.note-input')).toHaveCount(0);
    },
  },
  {
    name: 'a tag being added',
    panel: 'Notes',
    reach: async ({ page }) => {
      await page.locator('.highlight-card', { hasText: 'kept the flames away' }).getByRole('button', { name: 'Add a tag' }).click();
      await expect(page.getByLabel('New tag')).toBeFocused();
    },
    leave: async ({ page }) => {
      await page.keyboard.press('Escape');
      await expect(page.getByLabel('New tag')).toHaveCount(0);
    },
  },
  {
    name: 'library search results',
    panel: 'Library',
    reach: async ({ page }) => {
      await page.getByRole('searchbox', { name: 'Search the library' }).fill('Kupyansk');
      await expect(page.locator('.search-hit .search-match mark').first()).toHaveText('Kupyansk');
    },
    leave: async ({ page }) => {
      await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
    },
  },
  {
    name: 'the selection toolbar',
    reach: async ({ page }) => {
      await dragSelect(page, 'timber');
      await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
    },
    leave: async ({ page }) => {
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the picker of overlapping highlights',
    reach: async ({ page }) => {
      const at = await phrasePoint(page, 'evacuation of two');
      await page.mouse.click(at.x + 2, at.y);
      await expect(page.getByRole('menu', { name: 'Overlapping highlights' })).toBeVisible();
    },
    leave: async ({ page }) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu', { name: 'Overlapping highlights' })).toBeHidden();
    },
  },
  {
    name: 'reading settings',
    panel: 'Notes',
    reach: async ({ page }) => {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await expect(page.getByRole('group', { name: 'Reading settings' })).toBeVisible();
    },
    leave: async ({ page }) => {
      await page.getByRole('button', { name: 'Reading settings' }).click();
    },
  },
  {
    name: 'highlights marked for screen readers',
    panel: 'Notes',
    reach: async ({ page }) => {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByLabel('Mark highlights for screen readers').check();
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await expect(page.locator('#article-body').locator('mark').first()).toBeAttached();
    },
    leave: async ({ page }) => {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByLabel('Mark highlights for screen readers').uncheck();
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await expect(page.locator('#article-body mark')).toHaveCount(0);
    },
  },
  {
    name: 'the find bar',
    reach: async ({ page }) => {
      await page.locator('#reader').focus();
      await page.keyboard.press('Control+f');
      await page.keyboard.type('fire');
    },
    leave: async ({ page }) => {
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the export dialog',
    reach: async ({ page, reader }) => {
      await reader.menu('export-article');
      await expect(page.getByRole('dialog', { name: 'Export notes' }).getByLabel('Preview')).toContainText('evacuation');
    },
    leave: async ({ page }) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  },
  {
    name: 'the shortcuts dialog',
    reach: async ({ page, reader }) => {
      await reader.menu('show-shortcuts');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
    leave: async ({ page }) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  },
  {
    name: 'the review card of a changed highlight',
    reach: async ({ page, file }) => {
      await writeFile(file, ARTICLE.replace('of two apartment', 'of three apartment'));
      await page.getByRole('button', { name: 'Import again' }).click();
      await expect(page.locator('.article-info')).toContainText('version 2');
      await showOnly(page, 'Notes');
      await expect(page.getByRole('region', { name: 'Needs review' }).locator('.review-candidate').first()).toContainText('three');
    },
  },
  {
    name: 'a deleted highlight, with Undo offered',
    panel: 'Notes',
    reach: async ({ page }) => {
      await page.locator('.highlight-card', { hasText: 'kept the flames away' }).getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('status').getByRole('button', { name: 'Undo' })).toBeVisible();
    },
    leave: async ({ page }) => {
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
      await expect(page.locator('.highlight-card', { hasText: 'kept the flames away' })).toHaveCount(1);
    },
  },
  {
    name: 'the duplicate question',
    reach: async ({ page, file }) => {
      await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), [file]);
      await expect(page.getByRole('dialog', { name: 'Already in your library' })).toBeVisible();
    },
    leave: async ({ page }) => {
      await page.getByRole('button', { name: 'Keep the one I have' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  },
  {
    name: 'the confirm dialog to empty the trash',
    panel: 'Library',
    reach: async ({ page }) => {
      await page.getByRole('button', { name: 'Move to trash: Fire on Dock Street' }).click();
      await page.getByLabel('Show').selectOption('trash');
      await page.getByRole('button', { name: 'Empty trash…' }).click();
      await expect(page.getByRole('dialog', { name: 'Empty the trash?' })).toBeVisible();
    },
    leave: async ({ page }) => {
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  },
  {
    name: 'the trash',
    panel: 'Library',
    reach: async ({ page }) => {
      await expect(page.getByRole('button', { name: 'Empty trash…' })).toBeVisible();
    },
  },
];

for (const size of SIZES) {
  for (const theme of THEMES) {
    test.describe(`${theme}, ${size.name}`, () => {
      test.describe.configure({ mode: 'serial' });
      let column: Column;

      test.beforeAll(async ({ browser }) => {
        const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await page.addInitScript((chosen) => localStorage.setItem('margin.reading-settings', JSON.stringify({ theme: chosen })), theme);
        const reader = await startReader(page);
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        const file = join(reader.homeDir, 'dock-street.txt');
        await writeFile(file, ARTICLE);
        await reader.open();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        column = { page, reader, file, dialogs };
      });

      test.afterAll(async () => {
        expect(column.dialogs).toEqual([]);
        expect(column.reader.foreignRequests).toEqual([]);
        const context = column.page.context();
        await column.reader.close();
        await context.close();
      });

      for (const state of STATES) {
        test(`axe finds nothing: ${state.name}`, async () => {
          await showOnly(column.page, state.panel);
          await state.reach(column);
          expect(await violations(column.page)).toEqual([]);
          expect(await smallTargets(column.page)).toEqual([]);
          await state.leave?.(column);
        });
      }
    });
  }
}
