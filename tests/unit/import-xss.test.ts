// Every hostile payload from DOMPurify's own tests, placed inside an HTML page (with enough
// article around it for Readability to keep it), a Markdown file and a text capture, imported
// the way a person would. What the library would store must be inert: no script or other active
// element, no event handler, no javascript: URL, and no address that reaches the network (images
// only from the asset store or inline data, links only to the web, e-mail or the page itself).
// A formula may stay as MathML when every element of it only lays the formula out.
// Judged here from first principles, not with the sanitizer's own policy.
import { readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { assetsDir } from '../../electron/core/assets/asset-store';
import { UserError } from '../../electron/core/errors';
import { importFile } from '../../electron/core/import/import-file';
import { recordingWeb } from '../support/loopback-web';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';

const vectors: { title?: string; payload: string }[] = JSON.parse(readFileSync(join(fixturesDir, 'xss', 'dompurify-vectors.json'), 'utf8'));

const ACTIVE_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea',
  'select', 'option', 'link', 'meta', 'base', 'svg', 'template', 'video', 'audio', 'source', 'track', 'picture',
  'noscript', 'portal', 'dialog', 'canvas', 'marquee', 'isindex', 'keygen', 'param', 'xmp', 'plaintext', 'noembed', 'noframes',
]);
const XHTML = 'http://www.w3.org/1999/xhtml';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
/**
 * MathML that only lays a formula out. Not maction (acts on clicks), mglyph (loads an image),
 * semantics or annotation-xml (carry another language, HTML or SVG, into the formula).
 */
const LAYOUT_MATHML = new Set([
  'math', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded',
  'mphantom', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'mtable', 'mtr',
  'mtd', 'menclose',
]);

/** Attributes that load something, submit something or run something when present at all. */
const ACTIVE_ATTRIBUTES = new Set(['style', 'srcset', 'action', 'formaction', 'poster', 'background', 'ping', 'xlink:href', 'data', 'codebase', 'lowsrc', 'dynsrc', 'autofocus', 'http-equiv']);

/** Attributes a browser follows as an address ("javascript:" in a title is only text). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'longdesc', 'usemap', 'manifest', ...ACTIVE_ATTRIBUTES]);

/** A URL's scheme as a browser reads it: control characters and white space inside it are ignored. */
const scheme = (value: string) => /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1]?.toLowerCase() ?? null;

function problems(html: string): string[] {
  const found: string[] = [];
  if (/<\s*script/i.test(html)) found.push('a <script> tag in the markup');
  const { document } = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window;
  for (const element of document.body.querySelectorAll('*')) {
    if (ACTIVE_TAGS.has(element.localName)) found.push(`<${element.localName}>`);
    if (element.namespaceURI === MATHML) {
      if (!LAYOUT_MATHML.has(element.localName)) found.push(`a MathML element that is not layout <${element.localName}>`);
    } else if (element.namespaceURI !== XHTML) found.push(`a foreign element <${element.localName}>`);
    else if (element.closest('math') !== null) found.push(`an HTML element inside a formula <${element.localName}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim();
      if (name.startsWith('on')) found.push(`handler ${name}=`);
      if (ACTIVE_ATTRIBUTES.has(name)) found.push(`${name}=`);
      if (name === 'is' && value !== '') found.push(`is=${value}`);
      // An id or name could clobber the app's own names or document properties, unless namespaced.
      if ((name === 'id' && !value.startsWith('user-content-')) || name === 'name') found.push(`${name}=${value}`);
      if (URL_ATTRIBUTES.has(name) && /javascript:|vbscript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`a script URL in ${name}`);
      if (name === 'src' && !(value.startsWith('margin://asset/') || value.toLowerCase().startsWith('data:image/'))) found.push(`src=${value}`);
      if (name === 'href') {
        const kind = scheme(value);
        const ok = value.startsWith('#') || kind === 'http' || kind === 'https' || kind === 'mailto';
        if (!ok) found.push(`href=${value}`);
      }
      if (name === 'target' && value !== '' && !(element.getAttribute('rel') ?? '').includes('noopener')) found.push('a new-window link without noopener');
    }
  }
  return found;
}

/** Stored images are pictures only: an SVG keeps no script, handler or outside reference. */
async function storedImageProblems(dataDir: string): Promise<string[]> {
  const names = await readdir(assetsDir(dataDir)).catch(() => [] as string[]);
  const found: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.svg'))) {
    const svg = await readFile(join(assetsDir(dataDir), name), 'utf8');
    if (/<\s*script|\son\w+\s*=|javascript:|<\s*foreignObject|href\s*=\s*["']?\s*(?!#)/i.test(svg)) found.push(`stored ${name}: ${svg.slice(0, 120)}`);
  }
  return found;
}

const ARTICLE_TEXT = [
  'The town council met on Tuesday evening to discuss the new cycle lanes on the high street, which have divided shopkeepers and residents since they were first proposed in the spring.',
  'Several speakers said the lanes had made the street quieter and safer for children walking to school, while others said deliveries had become harder and that some customers now shop elsewhere.',
  'The council agreed to keep the lanes for another six months and to count cyclists, pedestrians and delivery vans every week, so that the next decision can rest on numbers rather than impressions.',
];

const htmlPage = (payload: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council keeps the cycle lanes</title></head>
<body><article><h1>Council keeps the cycle lanes</h1><p>${ARTICLE_TEXT[0]}</p><p>${ARTICLE_TEXT[1]}</p>
<div>${payload}</div>
<p>${ARTICLE_TEXT[2]}</p></article></body></html>`;
const markdownFile = (payload: string) => `# Council keeps the cycle lanes\n\n${ARTICLE_TEXT[0]}\n\n${payload}\n\n${ARTICLE_TEXT[1]}\n`;
const textCapture = (payload: string) => `Council keeps the cycle lanes\n\n${ARTICLE_TEXT[0]}\n\n${payload}\n\n${ARTICLE_TEXT[1]}\n`;

interface Outcome {
  title: string;
  imported: number;
  refused: string[];
  failures: { title: string; left: string[] }[];
}


async function importEvery(file: string, make: (payload: string) => string, online: boolean, only: (payload: string) => boolean = () => true): Promise<Outcome & { requests: string[] }> {
  const outcome: Outcome & { requests: string[] } = { title: file, imported: 0, refused: [], failures: [], requests: [] };
  const dir = await tempDir();
  const one = async (index: number) => {
    const { title, payload } = vectors[index] ?? { payload: '' };
    if (!only(payload)) return;
    const dataDir = join(dir, `data-${index}`);
    const path = join(dir, `${index}-${file}`);
    await writeFile(path, make(payload));
    let html: string;
    try {
      html = (await importFile(path, { dataDir, online, web: recordingWeb(outcome.requests) })).html;
    } catch (error) {
      // Refusing a hostile file outright is safe too, as long as it is a sentence and not a crash.
      if (!(error instanceof UserError)) throw error;
      outcome.refused.push(`${title ?? payload.slice(0, 60)}: ${error.message}`);
      return;
    }
    outcome.imported++;
    const left = [...problems(html), ...(await storedImageProblems(dataDir))];
    if (left.length > 0) outcome.failures.push({ title: title ?? payload.slice(0, 80), left });
  };
  // A few at a time: file and asset writes overlap with the parsing of the next page.
  let next = 0;
  const worker = async () => {
    while (next < vectors.length) await one(next++);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return outcome;
}

describe('hostile payloads inside imported articles', () => {
  it('has all 223 payloads to place', () => {
    expect(vectors).toHaveLength(223);
  });

  it('the judge catches what it must (a check of the check)', () => {
    expect(problems('<p onclick="x()">a</p>')).toEqual(['handler onclick=']);
    expect(problems('<img src="https://tracker.example/p.gif">')).toEqual(['src=https://tracker.example/p.gif']);
    expect(problems('<a href=" java\tscript:alert(1)">x</a>')).toContain('href=java\tscript:alert(1)');
    expect(problems('<svg><circle r="1"></circle></svg>')).toContain('<svg>');
    expect(problems('<img name="getElementById" alt=""><p id="cookie">x</p>')).toEqual(['name=getElementById', 'id=cookie']);
    expect(problems('<math><maction actiontype="toggle"><mi>x</mi></maction></math>')).toEqual(['a MathML element that is not layout <maction>']);
    expect(problems('<math><mtext><img src="https://tracker.example/p.gif"></mtext></math>')).toContain('an HTML element inside a formula <img>');
    expect(problems('<p>so <math><msup><mi>x</mi><mn>2</mn></msup></math></p>')).toEqual([]);
    expect(problems('<p>fine <a href="https://example.org" rel="noopener noreferrer" target="_blank">link</a></p>')).toEqual([]);
  });

  it('inside an HTML page, offline: nothing active, nothing remote, no request made', { timeout: 120_000 }, async () => {
    const outcome = await importEvery('page.html', htmlPage, false);
    expect(outcome.failures).toEqual([]);
    expect(outcome.requests).toEqual([]);
    // The surrounding article survives nearly every payload; a page the payload breaks apart may be refused.
    expect(outcome.imported).toBeGreaterThan(vectors.length * 0.9);
  });

  it('inside an HTML page, online: remote images are fetched and checked, and still nothing remote is left', { timeout: 120_000 }, async () => {
    // Only the payloads that name a web address can make an online import behave differently.
    const outcome = await importEvery('page.html', htmlPage, true, (payload) => /https?:|\/\//i.test(payload));
    expect(outcome.imported).toBeGreaterThan(100);
    expect(outcome.failures).toEqual([]);
    // Only plain web addresses are ever requested: never javascript:, data: or file: ones.
    expect(outcome.requests.filter((url) => !/^https?:\/\//i.test(url))).toEqual([]);
    // And never in the clear: an image named over plain http is asked over https.
    expect(outcome.requests.filter((url) => /^http:/i.test(url))).toEqual([]);
  });

  it('inside a Markdown file', { timeout: 120_000 }, async () => {
    const outcome = await importEvery('note.md', markdownFile, false);
    expect(outcome.failures).toEqual([]);
    expect(outcome.requests).toEqual([]);
    expect(outcome.imported).toBe(vectors.length);
  });

  it('inside a text capture', { timeout: 120_000 }, async () => {
    const outcome = await importEvery('capture.txt', textCapture, false);
    expect(outcome.failures).toEqual([]);
    expect(outcome.imported).toBe(vectors.length);
  });
});
