// axe-core over every view and dialog, in every theme: zero violations.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dragSelect, expect, test } from './support/fixtures';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const theme of ['light', 'sepia', 'dark'] as const) {
  test(`library, reader and side panel have no violations (${theme})`, async ({ reader, page }) => {
    await reader.open();
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByLabel('Theme').selectOption(theme);
    await dragSelect(page, 'sky shield');
    await page.keyboard.press('n');
    await page.locator('.note-input').fill('**Air** defence');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.card-note strong')).toHaveText('Air');
    expect(await violations(page)).toEqual([]);
  });
}

test('dialogs have no violations: export, shortcuts, duplicate question, empty trash', async ({ reader, page }) => {
  await reader.open();
  await reader.menu('export-library');
  await expect(page.getByRole('dialog', { name: 'Export notes' }).getByLabel('Preview')).toContainText('---');
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await reader.menu('show-shortcuts');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+f');
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  const file = join(reader.homeDir, 'twice.txt');
  await writeFile(file, 'Twice\n\nThe same file, opened twice.');
  const ask = (sources: string[]) => page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), sources);
  await ask([file]);
  await expect(page.locator('.headline')).toHaveText('Twice');
  await ask([file]);
  await expect(page.getByRole('dialog', { name: 'Already in your library' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Keep the one I have' }).click();

  await page.getByRole('button', { name: 'Move to trash: Twice' }).click();
  await page.getByLabel('Show').selectOption('trash');
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await expect(page.getByRole('dialog', { name: 'Empty the trash?' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
