// Reading and annotating with the keyboard alone: the keys that scroll the reader, step through
// paragraphs and highlights, a key for every action (listed in "?"), and caret browsing that
// selects by word, sentence and paragraph.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importPlainText } from '../../electron/core/import/import-file';
import { expect, test } from './support/fixtures';
import type { Reader } from './support/harness';

const PARAGRAPHS = 60;
const stop = (n: number) => `Stop ${n} begins here. The bus waits a minute. Then it goes on.`;

/** A long article: paragraph N reads "Stop N begins here. The bus waits a minute. Then it goes on." */
async function openLong(reader: Reader): Promise<void> {
  const body = Array.from({ length: PARAGRAPHS }, (_, i) => stop(i + 1)).join('\n\n');
  await reader.library.addArticle(importPlainText(`A long bus ride\n\n${body}`, 'bus.txt'));
  // Saved after it, so the app starts on this one and the long article opens only on Enter.
  await reader.library.addArticle(importPlainText('Ferry timetable changes\n\nThe summer ferry now leaves at nine.', 'ferry.txt'));
  await reader.open();
  await expect(reader.page.locator('.headline')).toHaveText('Ferry timetable changes');
  await reader.page.locator('.article-link', { hasText: 'A long bus ride' }).focus();
  await reader.page.keyboard.press('Enter');
  await expect(reader.page.locator('.headline')).toHaveText('A long bus ride');
}

const pane = (reader: Reader) => reader.page.locator('#reader').evaluate((el) => ({ top: el.scrollTop, height: el.clientHeight, max: el.scrollHeight - el.clientHeight }));
const announcer = (reader: Reader) => reader.page.locator('#app > .visually-hidden[aria-live]');

/**
 * The first words of a paragraph selected: with caret browsing off, F7 puts the caret at the
 * first paragraph in view; with it on, j moves it to the next paragraph.
 */
async function selectWords(reader: Reader, words: number): Promise<void> {
  const { page } = reader;
  if ((await page.locator('#article-body[contenteditable]').count()) === 0) await page.keyboard.press('F7');
  else await page.keyboard.press('j');
  for (let i = 0; i < words; i++) await page.keyboard.press('Control+Shift+ArrowRight');
}

test('after opening an article from the library with Enter, Space, Page Down, the arrows, Home and End scroll the reader', async ({ reader, page }) => {
  await openLong(reader);
  await expect(page.locator('#reader')).toBeFocused();
  const start = await pane(reader);
  expect(start.top).toBe(0);
  expect(start.max).toBeGreaterThan(start.height * 3);
  const page1 = Math.max(start.height * 0.875, start.height - 40);
  const expectTop = async (top: number) => expect.poll(async () => Math.round((await pane(reader)).top)).toBeCloseTo(Math.round(top), -1);

  await page.keyboard.press('Space');
  await expectTop(page1);
  await page.keyboard.press('Space');
  await expectTop(2 * page1);
  await page.keyboard.press('Shift+Space');
  await expectTop(page1);
  await page.keyboard.press('PageUp');
  await expectTop(0);
  await page.keyboard.press('PageDown');
  await expectTop(page1);
  await page.keyboard.press('ArrowDown');
  await expectTop(page1 + 40);
  await page.keyboard.press('ArrowUp');
  await expectTop(page1);
  await page.keyboard.press('End');
  await expectTop(start.max);
  await page.keyboard.press('Home');
  await expectTop(0);
  // The reader pane scrolls, never the window.
  expect(await page.evaluate(() => [window.scrollY, document.scrollingElement?.scrollTop])).toEqual([0, 0]);
  // On a button the keys keep their own meaning: Space presses it.
  await page.getByRole('button', { name: 'Archive: A long bus ride' }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.status')).toContainText('Archived.');
  expect((await pane(reader)).top).toBe(0);
});

test('the reader has the focus after opening at start, from a search result and from an import', async ({ reader, page }) => {
  await reader.library.addArticle(importPlainText('Ferry timetable changes\n\nThe summer ferry now leaves at nine.', 'ferry.txt'));
  await reader.open();
  await expect(page.locator('#reader')).toBeFocused();

  await page.keyboard.press('/');
  await page.keyboard.type('summer ferry');
  const match = page.locator('.search-match').first();
  await expect(match).toContainText('summer');
  await match.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.headline')).toHaveText('Ferry timetable changes');
  await expect(page.locator('#reader')).toBeFocused();

  const file = join(reader.homeDir, 'harbour.txt');
  await writeFile(file, 'A quiet harbour\n\nBoats rest in the harbour all winter.');
  reader.importPaths = [file];
  await page.keyboard.press('Control+l');
  await expect(page.getByLabel('Web address to save')).toBeFocused();
  await page.keyboard.press('Control+o');
  await expect(page.locator('.headline')).toHaveText('A quiet harbour');
  await expect(page.locator('#reader')).toBeFocused();
});

test('an import that finishes while the person types a second link leaves the focus in the field', async ({ reader, page }) => {
  await reader.open();
  const file = join(reader.homeDir, 'harbour.txt');
  await writeFile(file, 'A quiet harbour\n\nBoats rest in the harbour all winter.');
  const release = reader.hold('article:import');
  await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), [file]);
  await page.keyboard.press('Control+l');
  await page.keyboard.type('https://example.org/sec');
  release();
  await expect(page.locator('.headline')).toHaveText('A quiet harbour');
  await page.keyboard.type('ond');
  await expect(page.getByLabel('Web address to save')).toBeFocused();
  await expect(page.getByLabel('Web address to save')).toHaveValue('https://example.org/second');
});

test('j and k step through paragraphs: each comes to the top of the reader and takes the focus; the text is unchanged', async ({ reader, page }) => {
  await openLong(reader);
  const text = await page.locator('#article-body').evaluate((el) => el.textContent);
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const offset = () =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return Math.round(active.getBoundingClientRect().top - (document.getElementById('reader') as HTMLElement).getBoundingClientRect().top);
    });
  await page.keyboard.press('j');
  expect(await focused()).toBe(stop(1));
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  expect(await focused()).toBe(stop(3));
  expect(await offset()).toBe(24);
  await page.keyboard.press('k');
  expect(await focused()).toBe(stop(2));
  expect(await offset()).toBe(24);
  // The paragraph holds a tabindex only while it has the focus, and the article's text never changes.
  expect(await page.locator('#article-body [tabindex]').count()).toBe(1);
  expect(await page.locator('#article-body').evaluate((el) => el.textContent)).toBe(text);
  // Space reads on from the paragraph; j then goes on from where the reader is.
  await page.keyboard.press('Space');
  await page.keyboard.press('j');
  const after = Number(/Stop (\d+)/u.exec(await focused())?.[1]);
  expect(after).toBeGreaterThan(4);
  expect(await offset()).toBe(24);
  // At the end the last paragraph cannot come to the top, but j still walks to it and no further.
  await page.keyboard.press('End');
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  expect(await focused()).toBe(stop(PARAGRAPHS));
  await page.keyboard.press('k');
  expect(await focused()).toBe(stop(PARAGRAPHS - 1));
  // In caret browsing, j moves the caret to the start of the next paragraph.
  await page.keyboard.press('F7');
  await page.keyboard.press('j');
  expect(await page.evaluate(() => [getSelection()?.isCollapsed, getSelection()?.focusNode?.textContent, getSelection()?.focusOffset])).toEqual([true, stop(PARAGRAPHS), 0]);
});

test('n and p step through highlights and say which; n with text selected still writes a note', async ({ reader, page }) => {
  await openLong(reader);
  await selectWords(reader, 2);
  await page.keyboard.press('h');
  await expect(announcer(reader)).toHaveText('Highlighted: Stop 1');
  await selectWords(reader, 2);
  await page.keyboard.press('h');
  await expect(announcer(reader)).toHaveText('Highlighted: Stop 2');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Stop 1', 'Stop 2']);
  await page.keyboard.press('F7');
  // Caret browsing off, the reader keeps the focus.
  await expect(page.locator('#reader')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('Stop 1');
  await expect(announcer(reader)).toHaveText('Highlight 1 of 2, yellow: Stop 1');
  await page.keyboard.press('n');
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('Stop 2');
  await expect(announcer(reader)).toHaveText('Highlight 2 of 2, yellow: Stop 2');
  await page.keyboard.press('p');
  await expect(page.locator('.highlight-card.is-focused .card-quote')).toHaveText('Stop 1');
  await expect(announcer(reader)).toHaveText('Highlight 1 of 2, yellow: Stop 1');
  // Elsewhere (a toolbar button, a library row), Delete and the colour keys do not reach the highlight stepped to.
  const colours = async () => (await reader.library.annotations(reader.library.articles().find((a) => a.title === 'A long bus ride')?.id ?? '')).map((a) => `${a.target.quote.exact}:${a.color}`).sort();
  await page.getByRole('navigation', { name: 'View' }).getByRole('button', { name: 'Contents' }).focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('3');
  await page.keyboard.press('l');
  await expect(page.locator('.article-link[aria-current="page"]')).toBeFocused();
  await page.keyboard.press('Delete');
  await page.keyboard.press('3');
  // Changes are made in turn: once a colour given from the reader is stored, the keys before it were seen.
  await page.locator('#reader').focus();
  await page.keyboard.press('4');
  await expect.poll(colours).toEqual(['Stop 1:pink', 'Stop 2:yellow']);
  await expect(page.locator('.highlight-card .card-quote')).toHaveText(['Stop 1', 'Stop 2']);
  await page.locator('#reader').focus();
  await selectWords(reader, 2);
  await page.keyboard.press('n');
  await expect(page.locator('.note-input')).toBeFocused();
  await page.keyboard.type('Third stop');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.highlight-card .card-note')).toHaveText('Third stop');
  // The note saved, the focus stays on its card.
  await expect(page.locator('.highlight-card', { hasText: 'Third stop' }).getByRole('button', { name: 'Edit note' })).toBeFocused();
});

test('caret browsing selects with keys only by character, word, sentence and paragraph, and highlights the passage', async ({ reader, page }) => {
  await openLong(reader);
  await page.keyboard.press('F7');
  await expect(page.locator('#article-body')).toBeFocused();
  const selected = () => page.evaluate(() => getSelection()?.toString() ?? '');
  await page.keyboard.press('j');
  expect(await page.evaluate(() => getSelection()?.focusNode?.textContent)).toBe(stop(2));
  await page.keyboard.press('Shift+ArrowRight');
  expect(await selected()).toBe('S');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await selected()).toBe('Stop');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await selected()).toBe('Stop 2');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  expect(await selected()).toBe('Stop ');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  expect((await selected()).trim()).toBe('Stop 2 begins here.');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  expect((await selected()).trim()).toBe('Stop 2 begins here. The bus waits a minute.');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  expect((await selected()).trim()).toBe('Stop 2 begins here.');
  await page.keyboard.press('Control+Shift+ArrowDown');
  expect(await selected()).toBe(stop(2));
  await page.keyboard.press('Control+Shift+ArrowDown');
  expect((await selected()).replace(/\s+/gu, ' ')).toBe(`${stop(2)} ${stop(3)}`);
  await page.keyboard.press('Control+Shift+ArrowUp');
  expect((await selected()).trim()).toBe(stop(2));
  await page.keyboard.press('h');
  await expect(page.locator('.highlight-card .card-quote')).toHaveText([stop(2)]);
  await expect(announcer(reader)).toHaveText(`Highlighted: ${stop(2)}`);
});

test('every action has a key: archive, restore, trash, colours, tags, notes, export, settings, the library row, backup', async ({ reader, page }) => {
  await openLong(reader);
  const id = reader.library.articles().find((a) => a.title === 'A long bus ride')?.id ?? '';
  const state = () => reader.library.articles().find((a) => a.id === id)?.state;
  const status = page.locator('.status');
  await page.keyboard.press('a');
  await expect(status).toContainText('Archived.');
  expect(state()).toBe('archived');
  await page.keyboard.press('a');
  await expect(status).toContainText('Back in your reading list.');
  await page.keyboard.press('Shift+Delete');
  await expect(status).toContainText('Moved to the trash.');
  expect(state()).toBe('trash');
  await page.keyboard.press('u');
  await expect(status).toContainText('Restored to your reading list.');
  expect(state()).toBe('reading');
  await page.keyboard.press('u');
  await expect(status).toContainText('Already in your reading list.');
  // From the trash, u puts an archived article back in the archive, where it was.
  await page.keyboard.press('a');
  await expect(status).toContainText('Archived.');
  await page.keyboard.press('Shift+Delete');
  await expect(status).toContainText('Moved to the trash.');
  await page.keyboard.press('u');
  await expect(status).toContainText('Restored to the archive.');
  expect(state()).toBe('archived');
  await page.keyboard.press('a');
  await expect(status).toContainText('Back in your reading list.');
  expect(state()).toBe('reading');

  // Colours: 1 to 5 recolour the focused highlight, or highlight the selection in that colour.
  await selectWords(reader, 2);
  await page.keyboard.press('h');
  await page.keyboard.press('3');
  await expect(page.locator('.highlight-card.color-blue .card-quote')).toHaveText('Stop 1');
  await expect.poll(async () => (await reader.library.annotations(id)).map((a) => a.color)).toEqual(['blue']);
  await selectWords(reader, 2);
  await page.keyboard.press('2');
  await expect(page.locator('.highlight-card.color-green .card-quote')).toHaveText('Stop 2');
  await page.keyboard.press('F7');

  // # tags the focused highlight, e edits its note, Shift+N writes on the article.
  await page.keyboard.press('#');
  await expect(page.getByLabel('New tag')).toBeFocused();
  await page.keyboard.type('bus');
  await page.keyboard.press('Enter');
  await expect(page.locator('.highlight-card.color-green .tag-chip')).toHaveText(['#bus×']);
  // The tag field stays open for another tag; Escape closes it.
  await expect(page.getByLabel('New tag')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('New tag')).toHaveCount(0);
  await page.keyboard.press('e');
  await expect(page.getByLabel('Note', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.highlight-card.color-green').getByRole('button', { name: 'Add note' })).toBeFocused();
  await page.keyboard.press('Shift+N');
  await expect(page.getByRole('textbox', { name: 'Article note' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Add a note on this article' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('#');
  await expect(page.getByLabel('Article tags')).toBeFocused();

  // Export, reading settings, the library row.
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+e');
  const exporter = page.getByRole('dialog', { name: 'Export notes' });
  await expect(exporter.getByLabel('This article')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.locator('#reader')).toBeFocused();
  await page.keyboard.press('Control+Shift+E');
  await expect(exporter.getByLabel('The whole library')).toBeChecked();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+,');
  await expect(page.getByLabel('Theme')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Reading settings' })).toBeFocused();
  await page.keyboard.press('l');
  await expect(page.locator('.article-link[aria-current="page"]')).toBeFocused();
  // On a row, a and Shift+Delete act on that row's article.
  await page.keyboard.press('a');
  await expect(status).toContainText('Archived.');
  expect(state()).toBe('archived');

  reader.savePath = join(reader.homeDir, 'backup.tar.gz');
  await page.keyboard.press('Control+Shift+S');
  await expect(status).toContainText('Backed up');
});

test('the ? list groups every key by section, and lists the caret browsing keys', async ({ reader, page }) => {
  await reader.open();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('heading', { level: 3 })).toHaveText(['Reading', 'Selecting text', 'Highlights', 'Library', 'Window']);
  for (const label of ['Scroll down a screen', 'Next paragraph', 'Next highlight', 'Extend the selection by a word', 'Extend the selection to the end of the sentence', 'Extend the selection to the end of the paragraph', 'Move the article to the trash', 'Export the article’s notes', 'Reading settings: theme, font, size, line width']) {
    await expect(help).toContainText(label);
  }
  await expect(help.getByRole('region', { name: 'Reading' })).toContainText('Space');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.locator('#reader')).toBeFocused();
});
