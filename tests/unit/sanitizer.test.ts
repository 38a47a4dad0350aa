// Every hostile payload, sanitized by the importers' pass, must leave nothing that can run or
// reach the network. (The reader's own pass is checked in Chromium by the e2e tests.)
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/import-file';
import { sanitizeArticleHtml } from '../../electron/core/sanitize/sanitizer';
import { isExternalWebUrl } from '../../electron/core/security/trusted-sender';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';

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
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'name') found.push(`${name}=`);
      // An id may stay only namespaced, so it can never clobber the app's own names.
      if (name === 'id' && !attribute.value.startsWith('user-content-')) found.push(`id=${attribute.value}`);
      if (name === 'href' && attribute.value.startsWith('#') && attribute.value !== '#' && !attribute.value.startsWith('#user-content-')) found.push(`href=${attribute.value}`);
      // Judged independently of the policy under test: images only from the store or inline data,
      // links only to the web, e-mail or the page itself.
      const value = attribute.value.trim().toLowerCase();
      if (name === 'src' && !(value.startsWith('margin://asset/') || value.startsWith('data:image/'))) found.push(`src=${value}`);
      if (name === 'href' && !/^(https?:\/\/|mailto:|#)/.test(value)) found.push(`href=${value}`);
      if (!['href', 'src', 'alt', 'title', 'class', 'id', 'rel', 'target', 'lang', 'dir', 'datetime', 'colspan', 'rowspan', 'width', 'height', 'align', 'open', ...LAYOUT_ATTRIBUTES].includes(name)) {
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
      '<h2 class="credit" id="user-content-x">Sub</h2><p>See <a href="https://example.org" rel="noopener noreferrer" target="_blank">this</a>.</p>' +
        '<figure><img alt="remote"><img src="margin://asset/' + 'a'.repeat(64) + '.png" alt="local">' +
        '<figcaption>Caption <span class="credit">AP</span></figcaption></figure>',
    );
  });

  it('keeps a right-to-left quote, a cell spanning two columns, an aligned column, a date and a collapsed section', () => {
    const kept =
      '<blockquote dir="rtl" lang="he">ציטוט</blockquote>' +
      '<table><tbody><tr><td colspan="2" align="right">12</td></tr><tr><th align="center" rowspan="2">a</th></tr></tbody></table>' +
      '<p><time datetime="2024-05-01">1 May</time> <img src="margin://asset/' + 'a'.repeat(64) + '.png" alt="x" width="30" height="20"></p>' +
      '<details open=""><summary>More</summary><p>Hidden text</p></details>';
    expect(sanitizeArticleHtml(kept)).toBe(kept);
    // Alignment is a column's, and only left, center or right.
    expect(sanitizeArticleHtml('<p align="right">x</p><table><tbody><tr><td align="javascript:x">1</td></tr></tbody></table>')).toBe(
      '<p>x</p><table><tbody><tr><td>1</td></tr></tbody></table>',
    );
  });
});

describe('in-page links', () => {
  it('a footnote link and its footnote keep matching ids, namespaced once however often the article is sanitized', () => {
    const page = '<p>Kept<sup id="fnref1"><a href="#fn1">1</a></sup>, see <a href="#">top</a>.</p><ol><li id="fn1">The note. <a href="#fnref1">Back</a></li></ol>';
    const once = sanitizeArticleHtml(page);
    expect(once).toBe(
      '<p>Kept<sup id="user-content-fnref1"><a href="#user-content-fn1" rel="noopener noreferrer">1</a></sup>, see <a href="#" rel="noopener noreferrer">top</a>.</p>' +
        '<ol><li id="user-content-fn1">The note. <a href="#user-content-fnref1" rel="noopener noreferrer">Back</a></li></ol>',
    );
    expect(sanitizeArticleHtml(sanitizeArticleHtml(once))).toBe(once);
  });

  it('an old page\'s <a name> anchor becomes the id its links point at', () => {
    expect(sanitizeArticleHtml('<p><a href="#note-2">2</a></p><p><a name="note-2">2.</a> The note.</p>')).toBe(
      '<p><a href="#user-content-note-2" rel="noopener noreferrer">2</a></p><p><a id="user-content-note-2">2.</a> The note.</p>',
    );
  });

  it('an article cannot name an element the way the app does, nor shadow document or window properties', () => {
    const { window } = new JSDOM('<!DOCTYPE html><body><div id="article-body"></div></body>');
    const body = window.document.getElementById('article-body') as HTMLElement;
    body.innerHTML = sanitizeArticleHtml('<p id="article-body">x</p><img id="cookie" alt=""><a id="location">y</a><p id="reader">z</p>');
    expect(window.document.getElementById('article-body')).toBe(body);
    expect(window.document.getElementById('reader')).toBeNull();
    expect(typeof window.document.cookie).toBe('string');
    expect([...body.querySelectorAll('[id]')].map((element) => element.id)).toEqual(['user-content-article-body', 'user-content-cookie', 'user-content-location', 'user-content-reader']);
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

describe('stored SVG images: styles that reach out', () => {
  const TRACKER = /tracker\.example/u;
  const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">${inner}</svg>`;

  it('an SVG saved with a page keeps its colours, gradients and fonts, and loses every style that would fetch something when the file is opened', async () => {
    const dir = await tempDir();
    const drawing = svg(`<defs><linearGradient id="sea"><stop offset="0" stop-color="#036"/><stop offset="1" stop-color="#69c"/></linearGradient></defs>
<style>@import url("https://tracker.example/a.css");
@import "https://tracker.example/b.css";
@font-face { font-family: Spy; src: url(https://tracker.example/f.woff) }
.wave { fill: url(#sea); stroke: #036 }
.boat { fill: url(https://tracker.example/p.svg#x); stroke: #900 }
.sky { background: image-set("https://tracker.example/s.png" 1x) }
.sun { fill: \\75 rl(https://tracker.example/u.svg#y) }
.moon { --glow: url(https://tracker.example/v.png); fill: #ffd }
.label { font-family: 'DejaVu Sans', sans-serif }</style>
<rect class="wave" width="40" height="20"/>
<circle r="5" cx="10" cy="10" style="fill:url('https://tracker.example/q.svg#x');stroke:url(#sea);stroke-width:2"/>
<circle r="5" cx="20" cy="10" style="cursor:url(https://tracker.example/c.cur), auto; fill: #c00"/>
<rect width="10" height="10" fill="url(https://tracker.example/r.svg#x)" stroke="url(#sea)"/>
<rect width="10" height="10" mask="url(https://tracker.example/m.svg#m)" filter="url(https://tracker.example/f.svg#f)" clip-path="url(#sea)"/>
<path d="M0 0L10 10" marker-end="url(https://tracker.example/k.svg#k)"/>
<text class="label" x="2" y="38">Harbour</text>`);
    await writeFile(join(dir, 'drawing.svg'), drawing);
    await writeFile(join(dir, 'page.html'), `<!DOCTYPE html><title>The harbour</title><article><h1>The harbour</h1><p>${'The harbour wall was rebuilt stone by stone over three summers. '.repeat(6)}</p><figure><img src="drawing.svg" alt="A drawing"><figcaption>The harbour, drawn.</figcaption></figure></article>`);
    const dataDir = await tempDir();
    const article = await importFile(join(dir, 'page.html'), { dataDir });
    expect(article.images).toMatchObject({ saved: 1, missed: 0 });
    const [stored = ''] = await readdir(join(dataDir, 'assets'));
    const kept = readFileSync(join(dataDir, 'assets', stored), 'utf8');
    expect(kept).not.toMatch(TRACKER);
    expect(kept).not.toMatch(/@import|@font-face/u);
    // What draws stays: the gradient it names inside itself, its colours, its font.
    expect(kept).toContain('url(#sea)');
    expect(kept).toMatch(/stroke:\s*#900/u);
    expect(kept).toMatch(/fill:\s*#ffd/u);
    expect(kept).toMatch(/fill:\s*#c00/u);
    expect(kept).toMatch(/stroke-width:\s*2/u);
    expect(kept).toMatch(/DejaVu Sans/u);
    expect(kept).toContain('stroke="url(#sea)"');
    expect(kept).toContain('clip-path="url(#sea)"');
  });
});

describe('mailto links', () => {
  it('keep the address, subject, body and cc, and lose an attachment, a hidden copy or anything else a mail program could act on', () => {
    const clean = sanitizeArticleHtml(
      '<p><a href="mailto:desk@harbour-post.example?subject=The%20wall&body=I%20saw%20it&attach=/etc/passwd&Attachment=%7E/.ssh/id_rsa&bcc=spy@tracker.example&cc=editor@harbour-post.example&x-unknown=1">Write to us</a></p>',
    );
    const href = new JSDOM(clean).window.document.querySelector('a')?.getAttribute('href');
    expect(href).toBe('mailto:desk@harbour-post.example?subject=The%20wall&body=I%20saw%20it&cc=editor@harbour-post.example');
    expect(new JSDOM(sanitizeArticleHtml('<a href="MAILTO:desk@harbour-post.example?ATTACH=/etc/passwd">x</a>')).window.document.querySelector('a')?.getAttribute('href')).toBe(
      'MAILTO:desk@harbour-post.example',
    );
  });

  it('a mail link with an attachment is never handed to the system', () => {
    expect(isExternalWebUrl('mailto:desk@harbour-post.example?subject=Hi')).toBe(true);
    expect(isExternalWebUrl('mailto:desk@harbour-post.example?subject=Hi&attach=/etc/passwd')).toBe(false);
    expect(isExternalWebUrl('mailto:?bcc=spy@tracker.example')).toBe(false);
  });
});
