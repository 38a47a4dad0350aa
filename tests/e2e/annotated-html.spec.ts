// The annotated HTML export opened the way a person opens it: a file in a browser. The article
// holds all 223 hostile payloads unsanitized (as if stored by an older or compromised importer),
// each after a highlighted marker sentence. The exporter must sanitize again and write a page
// in which nothing runs, nothing is fetched, no dialog opens, and every highlight shows.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { annotatedHtml } from '../../electron/core/export/annotated-html';
import { exportArticle } from '../../electron/core/export/export-article';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { sanitizeArticleHtml } from '../../electron/core/sanitize/sanitizer';
import { describeSpan } from '../../electron/shared/anchoring';
import type { Annotation } from '../../electron/shared/model';
import { ASSET_DATA_URI, ASSET_SRC, EXPORTED_AT, fixedLibrary } from '../fixtures/export/fixed-library';

const vectors: { payload: string }[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/xss/dompurify-vectors.json'), 'utf8'),
);
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const marker = (index: number) => `Marker ${index} stays visible`;

function hostileArticle() {
  const [template] = fixedLibrary();
  if (template === undefined) throw new Error('fixture');
  const photo = `<figure><img src="${ASSET_SRC}" alt="stored photo"><figcaption>A stored photo.</figcaption></figure>\n`;
  const html = photo + vectors.map((vector, index) => `<p>${marker(index)}.</p>\n${vector.payload}\n`).join('');
  // Highlights are made on what the reader shows: the text of the sanitized article. A few
  // payloads (an unclosed <style> inside <svg>, say) make the sanitizer drop what follows them,
  // so the markers after those are not in that text and cannot be highlighted.
  const { text } = readArticleContent(sanitizeArticleHtml(html));
  const base = exportArticle({ meta: template.meta, html, annotations: [], text });
  const annotations: Annotation[] = [];
  const missing: number[] = [];
  vectors.forEach((_, index) => {
    const start = base.text.indexOf(marker(index));
    if (start === -1) {
      missing.push(index);
      return;
    }
    annotations.push({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      articleId: template.meta.id,
      color: COLORS[index % COLORS.length] ?? 'yellow',
      note: `<img src=x onerror=alert(${index})> note ${index} <script>alert(${index})</script>`,
      tags: [],
      target: describeSpan(base.text, start, start + marker(index).length),
      review: null,
      createdAt: EXPORTED_AT,
      updatedAt: EXPORTED_AT,
    });
  });
  return { article: exportArticle({ ...base, annotations, text: base.text }), missing };
}

test('annotated HTML with 223 hostile payloads, opened from a file: nothing runs or loads, every highlight shows', async ({ page }) => {
  test.setTimeout(180_000);
  const { article, missing } = hostileArticle();
  test.info().annotations.push({ type: 'markers', description: `${article.annotations.length} highlighted, ${missing.length} dropped by the sanitizer` });
  expect(missing.length).toBeLessThan(30);
  expect(article.annotations.length + missing.length).toBe(vectors.length);
  const html = annotatedHtml(article, {
    exportedAt: EXPORTED_AT,
    resolveImage: (src) => (src.startsWith('margin://asset/') ? ASSET_DATA_URI : null),
  });
  expect(html).not.toMatch(/<script/iu);

  const dir = await mkdtemp(join(tmpdir(), 'margin-annotated-'));
  const file = join(dir, 'hostile.html');
  await writeFile(file, html);
  const url = pathToFileURL(file).href;

  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Runs before the page's own content (outside its CSP): records any attempt to run script or
  // load something that the CSP had to stop, and any script that got to call these functions.
  // The test's own canary (below) is counted apart, so it proves the listener hears the CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    const canary: string[] = [];
    Object.assign(window, { __marginSeen: seen, __marginCanary: canary });
    document.addEventListener('securitypolicyviolation', (event) => {
      const fromCanary = event.target instanceof Element && event.target.hasAttribute('data-margin-canary');
      (fromCanary ? canary : seen).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
      (window as unknown as Record<string, unknown>)[name] = () => seen.push(`called ${name}`);
    }
  });

  // The load event: every image of the page has loaded or failed, so every handler a payload
  // hung on an image has had its chance to run (and be stopped).
  await page.goto(url, { waitUntil: 'load' });
  await expect(page.locator('header h1')).toHaveText(article.meta.title);
  await page.evaluate(async () => {
    // Animations run to their end (an animationend handler fires there).
    await Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished));
    // A canary after every payload: an image that fails, with an inline handler the CSP must stop.
    const canary = document.createElement('img');
    canary.setAttribute('data-margin-canary', '');
    canary.setAttribute('onerror', 'alert("canary")');
    canary.src = 'data:image/png;base64,AAAA';
    document.body.append(canary);
  });
  // Its report comes after every report the payloads caused before it.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __marginCanary: string[] }).__marginCanary)).toEqual([expect.stringMatching(/^script-src/u)]);
  await page.evaluate(() => document.querySelector('[data-margin-canary]')?.remove());

  const found = await page.evaluate(() => {
    const bad = [...document.querySelectorAll('script, iframe, frame, object, embed, form, input, link, base, svg, template')].map((el) => `<${el.localName}>`);
    // A formula may stay as MathML that only lays it out: no maction, mglyph, semantics or annotation, no HTML inside.
    const layout = 'math, mi, mn, mo, ms, mtext, mspace, mrow, mfrac, msqrt, mroot, mstyle, merror, mpadded, mphantom, msub, msup, msubsup, munder, mover, munderover, mmultiscripts, mprescripts, mtable, mtr, mtd, menclose';
    for (const el of document.querySelectorAll('math, math *')) {
      if (el.namespaceURI !== 'http://www.w3.org/1998/Math/MathML') bad.push(`<${el.localName}> inside a formula`);
      else if (!el.matches(layout)) bad.push(`<${el.localName}>`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attribute of el.attributes) {
        if (attribute.name.startsWith('on') || attribute.name === 'srcset') bad.push(attribute.name);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background'].includes(attribute.name)) {
          if (/^\s*(javascript|vbscript|data:text)/iu.test(attribute.value)) bad.push(`${attribute.name}=${attribute.value}`);
          if (attribute.name === 'src' && !attribute.value.startsWith('data:image/')) bad.push(`src=${attribute.value}`);
        }
      }
    }
    return bad;
  });
  expect(found).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __marginSeen: string[] }).__marginSeen)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  // The page itself is the one request (so the listener works); data: images are not fetched.
  expect(requests).toContain(url);
  expect(requests.filter((request) => request !== url)).toEqual([]);
  await expect(page.locator('article img[alt="stored photo"]')).toHaveAttribute('src', ASSET_DATA_URI);

  const marks = page.locator('article mark[id^="highlight-"]');
  await expect(marks).toHaveCount(article.annotations.length);
  for (let number = 1; number <= article.annotations.length; number++) {
    const mark = page.locator(`#highlight-${number}`);
    await expect(mark).toBeVisible();
    await expect(mark).toHaveText(article.annotations[number - 1]?.target.quote.exact ?? '');
  }
  // Notes' HTML stayed text.
  await expect(page.locator('#note-1 td.note')).toContainText('<script>alert(');
  await rm(dir, { recursive: true, force: true });
});
