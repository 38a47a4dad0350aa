// Highlights are anchored by offsets into the text the library reads back from stored HTML. That
// text, the figures and the photo spans of a Markdown export are read with parse5's tree; jsdom,
// still what the importers parse pages with, is the reference they must match exactly, on every
// fixture page, the sample, every DOMPurify vector once sanitized, and generated markup.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { figureSpans, type FigureSpan } from '../../electron/core/export/figure-spans';
import { importFile } from '../../electron/core/import/import-file';
import { readStoredContent } from '../../electron/core/library/stored-content';
import { readArticleContent, readContent } from '../../electron/core/sanitize/article-text';
import { sanitizeArticleHtml } from '../../electron/core/sanitize/sanitizer';
import { fixturesDir, samplePath } from './support/paths';
import { PROPERTY_SEED, checkProperty, propertyRuns } from './support/property';

const SEED = PROPERTY_SEED;
const RUNS = propertyRuns(200);

// A console going nowhere: jsdom's complaints about the vectors' broken stylesheets are noise here.
const { window } = new JSDOM('<!DOCTYPE html><body></body>', { virtualConsole: new VirtualConsole() });
const owner = window.document;
const parser = new window.DOMParser();

/** The reference: the body element jsdom builds for stored HTML. */
function jsdomBody(html: string): HTMLElement {
  const body = owner.createElement('body');
  body.innerHTML = html;
  return body;
}

// DOMParser parses as a JSDOM constructed without scripts does, without a new window per call.
const jsdomDocumentBody = (html: string) => parser.parseFromString(`<!DOCTYPE html><body>${html}</body>`, 'text/html').body;

/** The reference for figureSpans: the same walk over jsdom's tree with the DOM's own answers. */
function jsdomFigureSpans(html: string): FigureSpan[] {
  const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();
  const spans: FigureSpan[] = [];
  let offset = 0;
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) offset += (child as Text).data.length;
      else if (child.nodeType !== child.ELEMENT_NODE) continue;
      else if ((child as Element).tagName === 'FIGURE') {
        const figure = child as Element;
        const image = figure.querySelector('img');
        const credit = figure.querySelector('.credit');
        const captionElement = figure.querySelector('figcaption .caption') ?? figure.querySelector('figcaption');
        let caption = captionElement?.textContent ?? '';
        if (captionElement !== null && credit !== null && captionElement.contains(credit)) caption = caption.replace(credit.textContent ?? '', '');
        const span = { start: offset, end: offset + (figure.textContent ?? '').length, src: image?.getAttribute('src') ?? null, alt: squash(image?.getAttribute('alt')), caption: squash(caption), credit: squash(credit?.textContent) || null };
        spans.push(span);
        offset = span.end;
      } else if ((child as Element).tagName === 'IMG') {
        const image = child as Element;
        spans.push({ start: offset, end: offset, src: image.getAttribute('src'), alt: squash(image.getAttribute('alt')), caption: '', credit: null });
      } else walk(child);
    }
  };
  walk(jsdomBody(html));
  return /<(?:figure|img)\b/iu.test(html) ? spans : [];
}

function expectSameAsJsdom(html: string, label: string): void {
  expect(readStoredContent(html), label).toEqual(readContent(jsdomBody(html)));
  expect(readArticleContent(html), label).toEqual(readContent(jsdomDocumentBody(html)));
  expect(figureSpans(html), label).toEqual(jsdomFigureSpans(html));
}

async function filesUnder(dir: string, suffixes: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path, suffixes)));
    else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) found.push(path);
  }
  return found;
}

describe('stored articles read without jsdom give the text, figures and photo spans jsdom gives', () => {
  it('for every fixture page, sanitized as stored and also as imported', async () => {
    const pages = await filesUnder(fixturesDir, ['.html']);
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      const raw = await readFile(page, 'utf8');
      expectSameAsJsdom(sanitizeArticleHtml(raw), page);
      // Unsanitized too: the parser's rules alone decide the tree, whatever the markup.
      expectSameAsJsdom(raw, `${page} (raw)`);
    }
    for (const file of await filesUnder(fixturesDir, ['.html', '.md', '.txt'])) {
      const imported = await importFile(file).catch(() => null);
      if (imported !== null) expectSameAsJsdom(imported.html, `${file} (imported)`);
    }
  }, 120_000);

  it('for the sample article a new library opens with', async () => {
    const { html } = await importFile(samplePath);
    expect(readStoredContent(html).text.length).toBeGreaterThan(1_000);
    expectSameAsJsdom(html, samplePath);
  });

  it('for every DOMPurify test vector, sanitized and raw', () => {
    const vectors = JSON.parse(readFileSync(join(fixturesDir, 'xss', 'dompurify-vectors.json'), 'utf8')) as { payload: string }[];
    expect(vectors.length).toBeGreaterThan(200);
    for (const [index, { payload }] of vectors.entries()) {
      expectSameAsJsdom(sanitizeArticleHtml(payload), `vector ${index}`);
      expectSameAsJsdom(payload, `vector ${index} (raw)`);
    }
  });

  it(`property: for generated markup of figures, captions, credits, images, foreign content and text (seed ${SEED})`, () => {
    const text = fc.constantFrom('a', ' ', '\n', '\r\n', '\r', '\0', '&amp;', '&nbsp;', '&#x1F44D;', '&bogus', '<', '>', 'é', 'שלום', '<!-- c -->', '<![CDATA[x]]>', '</p>', '</figure>', '</body>', '<br>');
    const open = fc.constantFrom(
      '<figure>',
      '<figcaption>',
      '<span class="caption">',
      '<span class="credit">',
      '<span class="Credit">',
      '<b class=" caption\tcredit ">',
      '<p>',
      '<div>',
      '<table><tr><td>',
      '<svg>',
      '<svg><figure>',
      '<svg><foreignObject>',
      '<math><mi>',
      '<template>',
      '<noscript>',
      '<textarea>',
      '<pre>',
      '<select><option>',
      '<ruby><rt>',
      '<a href="x">',
    );
    const close = fc.constantFrom('</figure>', '</figcaption>', '</span>', '</b>', '</p>', '</div>', '</table>', '</svg>', '</math>', '</template>', '</noscript>', '</textarea>', '</pre>', '</a>');
    const image = fc.constantFrom('<img src="assets/a.png" alt="An  alt">', '<img>', '<IMG SRC="assets/B.png">', '<svg><img src="s.png"></svg>', '<image src="i.png">');
    const markup = fc.array(fc.oneof(text, open, close, image), { maxLength: 40 }).map((parts) => parts.join(''));
    checkProperty(
      fc.property(markup, (html) => {
        expectSameAsJsdom(html, html);
        expectSameAsJsdom(sanitizeArticleHtml(html), `${html} (sanitized)`);
      }),
      RUNS,
    );
  }, 120_000);
});
