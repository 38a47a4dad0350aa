// Every hostile payload, sanitized by the importers' pass, must leave nothing that can run or
// reach the network. (The reader's own pass is checked in Chromium by the e2e tests.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/sanitize/sanitizer';
import { fixturesDir } from './support/paths';

const vectors: { title?: string; payload: string }[] = JSON.parse(
  readFileSync(join(fixturesDir, 'xss', 'dompurify-vectors.json'), 'utf8'),
);

const DANGEROUS_TAGS = 'script, style, iframe, frame, object, embed, form, input, button, textarea, select, link, meta, base, svg, template, video, audio, source, picture';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
/** MathML that only lays a formula out: nothing that acts (maction), loads (mglyph) or embeds another language. */
const LAYOUT_MATHML = new Set([
  'math', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded',
  'mphantom', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'mtable', 'mtr',
  'mtd', 'menclose',
]);
/** Attributes that only say how a formula is laid out. */
const LAYOUT_ATTRIBUTES = [
  'display', 'mathvariant', 'displaystyle', 'scriptlevel', 'stretchy', 'fence', 'separator', 'lspace', 'rspace', 'accent',
  'accentunder', 'columnalign', 'rowalign', 'columnspan', 'linethickness', 'largeop', 'movablelimits', 'symmetric',
  'minsize', 'maxsize', 'notation', 'depth', 'voffset', 'mathsize',
];

function problems(html: string): string[] {
  const { document } = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window;
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (element.matches(DANGEROUS_TAGS)) found.push(`<${element.localName}>`);
    if (element.namespaceURI === MATHML && !LAYOUT_MATHML.has(element.localName)) found.push(`<${element.localName}>`);
    if (element.namespaceURI !== MATHML && element.closest('math') !== null) found.push(`<${element.localName}> inside a formula`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      // DOMPurify cannot remove `is` once parsed; it empties it, and an empty `is` names no element.
      if (name === 'is' && attribute.value === '') continue;
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'id' || name === 'name') found.push(`${name}=`);
      // Judged independently of the policy under test: images only from the store or inline data,
      // links only to the web, e-mail or the page itself.
      const value = attribute.value.trim().toLowerCase();
      if (name === 'src' && !(value.startsWith('margin://asset/') || value.startsWith('data:image/'))) found.push(`src=${value}`);
      if (name === 'href' && !/^(https?:\/\/|mailto:|#)/.test(value)) found.push(`href=${value}`);
      if (!['href', 'src', 'alt', 'title', 'class', 'rel', 'target', 'lang', 'dir', 'datetime', 'colspan', 'rowspan', 'width', 'height', ...LAYOUT_ATTRIBUTES].includes(name)) {
        found.push(`attribute ${name}`);
      }
    }
  }
  return found;
}

describe('sanitizer', () => {
  it('has all 223 hostile payloads to check', () => {
    expect(vectors).toHaveLength(223);
  });

  it('leaves no script, handler, frame, form control, style or remote URL from any payload', () => {
    const failures = vectors
      .map(({ title, payload }) => ({ title: title ?? payload.slice(0, 80), left: problems(sanitizeArticleHtml(`<p>before</p>${payload}<p>after</p>`)) }))
      .filter((result) => result.left.length > 0);
    expect(failures).toEqual([]);
  });

  it('is stable: sanitizing its own output changes nothing', () => {
    for (const { payload } of vectors) {
      const once = sanitizeArticleHtml(payload);
      expect(sanitizeArticleHtml(once)).toBe(once);
    }
  });

  it('keeps article structure, safe links and stored images', () => {
    const html = sanitizeArticleHtml(
      '<h2 id="x" class="headline credit">Sub</h2><p>See <a href="https://example.org" target="_top" onclick="x()">this</a>.</p>' +
        '<figure><img src="https://tracker.example/p.gif" alt="remote"><img src="margin://asset/' + 'a'.repeat(64) + '.png" alt="local">' +
        '<figcaption>Caption <span class="credit">AP</span></figcaption></figure>',
    );
    expect(html).toBe(
      '<h2 class="credit">Sub</h2><p>See <a href="https://example.org" rel="noopener noreferrer" target="_blank">this</a>.</p>' +
        '<figure><img alt="remote"><img src="margin://asset/' + 'a'.repeat(64) + '.png" alt="local">' +
        '<figcaption>Caption <span class="credit">AP</span></figcaption></figure>',
    );
  });
});

describe('sanitizer, what an article keeps', () => {
  it('keeps a table cell\'s span, a passage\'s language and direction, and a date', () => {
    const html = sanitizeArticleHtml(
      '<table><tr><td colspan="2" rowspan="3">Total</td></tr></table><p lang="ar" dir="rtl">مرحبا</p><p><time datetime="2024-05-01">May Day</time> <img src="margin://asset/' +
        'b'.repeat(64) + '.png" width="640" height="480" alt="map"></p>',
    );
    expect(html).toBe(
      '<table><tbody><tr><td colspan="2" rowspan="3">Total</td></tr></tbody></table><p lang="ar" dir="rtl">مرحبا</p><p><time datetime="2024-05-01">May Day</time> <img src="margin://asset/' +
        'b'.repeat(64) + '.png" width="640" height="480" alt="map"></p>',
    );
  });

  it('keeps a formula as MathML with its layout, and drops its TeX source and anything that acts', () => {
    const html = sanitizeArticleHtml(
      '<p>So <math display="block"><semantics><mrow><mi mathvariant="normal">Δ</mi><mo stretchy="false">=</mo><mfrac linethickness="2"><mn>1</mn><msqrt><mn>2</mn></msqrt></mfrac></mrow>' +
        '<annotation encoding="application/x-tex">\\Delta=\\frac{1}{\\sqrt2}</annotation></semantics></math> holds.</p>' +
        '<math href="javascript:alert(1)"><maction actiontype="statusline"><mi>x</mi></maction><mglyph src="https://tracker.example/g.png"></mglyph><mtext><b>if</b></mtext></math>',
    );
    expect(html).toBe(
      '<p>So <math display="block"><mrow><mi mathvariant="normal">Δ</mi><mo stretchy="false">=</mo><mfrac linethickness="2"><mn>1</mn><msqrt><mn>2</mn></msqrt></mfrac></mrow></math> holds.</p>' +
        '<math><mi>x</mi><mtext></mtext></math>',
    );
  });
});

describe('stored SVG images', () => {
  it('keep their drawing and lose anything that points outside them', async () => {
    const { sanitizeSvg } = await import('../../electron/core/sanitize/sanitizer');
    const clean = sanitizeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><script>alert(1)</script><circle r="4" onload="alert(1)"/><image href="https://tracker.example/p.png"/><image xlink:href="https://tracker.example/q.png"/><use href="#dot"/></svg>',
    );
    expect(clean).toContain('<circle r="4"');
    expect(clean).not.toMatch(/script|onload|tracker\.example/u);
  });
});
