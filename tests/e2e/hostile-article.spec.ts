// Each hostile payload stored unsanitized as an article's body (as if written by an older or
// compromised importer) and opened in the reader: its own DOMPurify pass and the CSP must keep
// every one inert. One article per payload, so no payload can swallow the ones after it.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { importPlainText } from '../../electron/core/import/import-file';
import { articleHtmlFile } from '../../electron/core/library/files';
import type { MarginApi } from '../../electron/shared/api';
import { startReader } from './support/harness';

const vectors: { payload: string }[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/xss/dompurify-vectors.json'), 'utf8'),
);

test('223 hostile payloads, each opened in the reader: nothing runs, opens or is fetched', async ({ page }) => {
  test.setTimeout(240_000);
  const reader = await startReader(page, async (library) => {
    for (const [index, vector] of vectors.entries()) {
      // A plain article whose stored body is then replaced by the raw payload.
      const placeholder = importPlainText(`Hostile ${index}\n\nplaceholder`, null);
      const article = await library.addArticle({ ...placeholder, meta: { ...placeholder.meta, format: 'html' } });
      await writeFile(articleHtmlFile(library.dataDir, article.id), `<p>payload ${index}</p>${vector.payload}`);
    }
  });
  // A sentinel: every way a payload usually proves it ran sets it.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const trip = () => {
      w.__marginXssSentinel = true;
    };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = trip;
  });
  // Every request the page makes is routed and counted; none may leave the app's origin.
  const leaving: string[] = [];
  let requests = 0;
  let settled = 0;
  page.on('requestfinished', () => settled++);
  page.on('requestfailed', () => settled++);
  await page.route('**/*', (route) => {
    requests++;
    const url = route.request().url();
    if (url.startsWith(`${reader.origin}/`)) return route.continue();
    leaving.push(url);
    return route.abort();
  });
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await reader.open();
  const leftovers: string[] = [];
  const links = page.locator('.article-link');
  await expect(links).toHaveCount(vectors.length + 1);
  for (let i = 0; i < vectors.length + 1; i++) {
    const link = links.nth(i);
    const title = (await link.locator('.article-title').textContent()) ?? '';
    if (!title.startsWith('Hostile')) continue;
    await link.click();
    await expect(page.locator('.headline')).toHaveText(title);
    const found = await page.locator('#article-body').evaluate((root) => {
      const bad = [...root.querySelectorAll('script, iframe, frame, object, embed, form, input, style, link, meta, base, svg, template')].map((el) => `<${el.localName}>`);
      // A formula may stay as MathML that only lays it out: no maction, mglyph, semantics or annotation, no HTML inside.
      const layout = 'math, mi, mn, mo, ms, mtext, mspace, mrow, mfrac, msqrt, mroot, mstyle, merror, mpadded, mphantom, msub, msup, msubsup, munder, mover, munderover, mmultiscripts, mprescripts, mtable, mtr, mtd, menclose';
      for (const el of root.querySelectorAll('math, math *')) {
        if (el.namespaceURI !== 'http://www.w3.org/1998/Math/MathML') bad.push(`<${el.localName}> inside a formula`);
        else if (!el.matches(layout)) bad.push(`<${el.localName}>`);
      }
      for (const el of root.querySelectorAll('*')) {
        for (const attribute of el.attributes) {
          if (attribute.name.startsWith('on') || attribute.name === 'style' || attribute.name === 'srcset') bad.push(attribute.name);
          // DOM clobbering: an article's id or name must never take a name the app or document uses.
          if ((attribute.name === 'id' && !attribute.value.startsWith('user-content-')) || attribute.name === 'name') bad.push(`${attribute.name}=${attribute.value}`);
          const isUrl = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background'].includes(attribute.name);
          if (isUrl && /^\s*(javascript|vbscript|data:text)/i.test(attribute.value)) bad.push(`${attribute.name}=${attribute.value}`);
        }
      }
      // (A body the reader has just replaced by a fresh render is no longer in the document.)
      if (root.isConnected && document.getElementById('article-body') !== root) bad.push('the app lost its own #article-body');
      return bad;
    });
    if (found.length > 0) leftovers.push(`${title}: ${found.join(' ')}`);
  }
  // The page has finished with every payload: each request it made (an image a payload named,
  // say) has loaded or failed, so every handler hung on one has had its chance; the page has
  // drawn two frames since; and a request sent through the handler table after all that has
  // come back.
  await expect.poll(() => settled).toBe(requests);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(async () => (await (window as unknown as { margin: MarginApi }).margin.listArticles({})).ok)).toBe(true);
  expect(leftovers).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__marginXssSentinel)).toBeUndefined();
  expect(leaving).toEqual([]);
  expect(requests).toBeGreaterThan(0);
  expect(dialogs).toEqual([]);
  expect(reader.foreignRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(await page.evaluate(() => document.title)).toBe('Margin');
  await reader.close();
});
