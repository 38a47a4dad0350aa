// The importer takes wrapper elements (<article>, <main>, <font>...) out before DOMPurify runs, so
// a long article is not moved one paragraph at a time. What a person gets must be exactly what
// DOMPurify alone makes of the same page: every hostile payload from DOMPurify's own tests, inside
// wrappers nested in several ways, and the cases where DOMPurify does more than unwrap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeNode } from '../../electron/core/import/html/html-article';
import { SANITIZE_CONFIG, installSanitizeHooks } from '../../electron/shared/sanitize-policy';
import { fixturesDir } from './support/paths';

const vectors: { title?: string; payload: string }[] = JSON.parse(readFileSync(join(fixturesDir, 'xss', 'dompurify-vectors.json'), 'utf8'));

/** How a payload sits in the page: the root element handed to the sanitizer has id "root". */
const SHAPES: ((payload: string) => string)[] = [
  (payload) => `<div id="root"><article><p>Before.</p>${payload}<p>After.</p></article></div>`,
  (payload) => `<article id="root"><h2>Title</h2>${payload}</article>`,
  (payload) => `<div id="root"><main><header><p>Head.</p></header><font><b>Bold</b>${payload}</font></main><p>Tail.</p></div>`,
  (payload) => `<div id="root"><p>Text <mark><i>marked</i>${payload}</mark> and more.</p></div>`,
];

/** Pages where a wrapper is not simply unwrapped by DOMPurify, or sits where markup changes meaning. */
const ODD_PAGES = [
  '<div id="root"><article>&lt;img src=x onerror=alert(1)&gt;</article><p>x</p></div>',
  // Text that reads like markup beside a comment and no element: DOMPurify drops it, text and all.
  '<div id="root"><article>&lt;b&gt;bold&lt;/b&gt;<!-- c --></article><p>x</p></div>',
  '<div id="root"><article><p>a</p>&lt;b&gt;</article></div>',
  '<div id="root"><svg><font><p>in svg</p></font></svg><article><svg><desc><article><p>x</p></article></desc></svg></article></div>',
  '<div id="root"><form><article><input name="attributes"><p>in a form</p></article></form></div>',
  '<div id="root"><template><article><p>template</p></article></template><noscript><article><p>n</p></article></noscript></div>',
  '<div id="root"><math><mtext><article><p>math</p></article></mtext></math></div>',
  '<div id="root"><article><article><article><p>deep</p></article></article><!-- note --><p>x</p></article></div>',
  '<div id="root"><nav><a href="javascript:alert(1)"><span>link</span></a></nav><aside><img src="x" onerror="alert(1)"></aside></div>',
];

/** One page for every case (a jsdom window per case would take minutes): its body is replaced each time. */
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { url: 'https://example.com/page', virtualConsole: new VirtualConsole() });
const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
installSanitizeHooks(purify);

function bothWays(page: string): { alone: string; ours: string } {
  const { document } = dom.window;
  document.body.innerHTML = page;
  const root = document.getElementById('root') as Element;
  const alone = (purify.sanitize(root, { ...SANITIZE_CONFIG, RETURN_DOM: true }) as HTMLElement).innerHTML;
  return { alone, ours: sanitizeNode(dom, root).html };
}

describe('taking wrappers out before DOMPurify', () => {
  it('gives the same article as DOMPurify alone for every hostile payload, wrapped four ways', () => {
    for (const [index, vector] of vectors.entries()) {
      for (const [shape, wrap] of SHAPES.entries()) {
        const { alone, ours } = bothWays(wrap(vector.payload));
        expect(ours, `payload ${index} (${vector.title ?? ''}), shape ${shape}`).toBe(alone);
      }
    }
  }, 120_000);

  it('gives the same article as DOMPurify alone where wrappers hold markup-like text, sit in SVG, forms, templates or MathML', () => {
    for (const page of ODD_PAGES) {
      const { alone, ours } = bothWays(page);
      expect(ours, page).toBe(alone);
    }
  });

  it('takes the wrapper out and keeps its paragraphs in order', () => {
    const { ours } = bothWays('<article id="root"><p>One.</p><main><p>Two.</p></main><p>Three.</p></article>');
    expect(ours).toBe('<p>One.</p><p>Two.</p><p>Three.</p>');
  });
});
