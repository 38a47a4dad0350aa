// The packaged shape, end to end: the real Electron main, preload and renderer. Runs where the
// Electron binary is installed (tests/electron/run.mjs says so in one line where it is not).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { dragSelect, paintedText } from '../e2e/support/fixtures';

const root = resolve(import.meta.dirname, '../..');

function launch(dataDir: string): Promise<ElectronApplication> {
  const args = [root];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return electron.launch({ args, env: { ...process.env, MARGIN_DATA_DIR: dataDir } });
}

test('start on the sample, highlight, restart, and the highlight is still there', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'margin-electron-'));
  try {
    let app = await launch(dataDir);
    let page = await app.firstWindow();
    await expect(page.locator('.headline')).toHaveText('Russia says it has advanced nearly 2 miles in northeast Ukraine');
    await expect(page.locator('#article-body figure')).toHaveCount(5);

    // The shell as the checklist wants it: app protocol, no Node in the page, only the bridge.
    expect(await page.evaluate(() => location.protocol)).toBe('margin:');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { margin: object }).margin))).toContain('createAnnotation');
    // contextBridge exposes the bridge read-only: the page cannot swap it for its own.
    expect(await page.evaluate(() => Object.getOwnPropertyDescriptor(window, 'margin')?.writable)).toBe(false);
    // Permission requests are denied, new windows are refused, navigation away is cancelled.
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      location.href = 'https://example.org/';
    });
    await expect(page.locator('.headline')).toHaveCount(1);
    expect(await page.evaluate(() => location.protocol)).toBe('margin:');

    // The app holds the library's write lock: a CLI that writes is told so; one that reads works.
    const { runCli } = await import('../../electron/core/cli/run');
    let err = '';
    const refused = await runCli(['--data-dir', dataDir, 'import', '--as-new', join(root, 'assets/sample/ukraine-advance.txt')], { out: () => undefined, err: (t) => (err += t), env: {} });
    expect({ refused, err }).toEqual({ refused: 1, err: 'Margin is open; close it or retry.\n' });

    await dragSelect(page, 'the free city of Kupyansk');
    await page.keyboard.press('n');
    await page.locator('.note-input').fill('Heaviest fighting');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.locator('.highlight-card .card-note')).toHaveText('Heaviest fighting');
    await app.close();

    app = await launch(dataDir);
    page = await app.firstWindow();
    await expect(page.locator('.highlight-card .card-quote')).toHaveText(['the free city of Kupyansk']);
    await expect(page.locator('.highlight-card .card-note')).toHaveText('Heaviest fighting');
    expect((await paintedText(page))['margin-yellow']).toEqual(['the free city of Kupyansk']);
    await expect(page.locator('.library-list .article-link')).toHaveCount(1);
    await app.close();
  } finally {
    // MARGIN_DATA_DIR is the library itself; Electron's own files went beside it.
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.electron`, { recursive: true, force: true });
  }
});
