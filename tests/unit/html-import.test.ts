// Golden fixtures for HTML import, one folder per case: source.html (with its images, or the
// `_files` folder a browser writes) in, expected.json out. The summary is what a person notices:
// title, byline, site, language and direction, each figure's caption, credit and which picture it
// shows, the article's paragraphs, and how many images were saved or missed (and why).
// UPDATE_GOLDEN=1 rewrites the expected files (read every one before committing it).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { assetsDir } from '../../electron/core/assets/asset-store';
import { UserError } from '../../electron/core/errors';
import { trailingCredit } from '../../electron/core/import/html/credits';
import { srcsetCandidates } from '../../electron/core/import/html/lazy-images';
import { importFile } from '../../electron/core/import/import-file';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { updatingGoldens } from '../support/golden';
import { noNetwork, recordingWeb } from '../support/loopback-web';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';

const casesDir = join(fixturesDir, 'html-import');
const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(casesDir, entry.name, 'source.html')))
  .map((entry) => entry.name);

interface Summary {
  title: string;
  byline: string | null;
  siteName: string | null;
  language: string | null;
  direction: string | null;
  /** image: the file in the case folder the stored picture was copied from, or null when it was dropped. */
  figures: { caption: string; credit: string | null; image: string | null }[];
  text: string[];
  images: { saved: number; missed: number; problems: string[] };
  /** Sentences the person is shown about the import. */
  notes: string[];
}

type Expected = Summary | { error: string };

const ASSET_SRC = /^margin:\/\/asset\/([a-f0-9]{64})\.(png|jpg|gif|webp|avif|svg)$/;
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, figure, td, th, dt, dd, div, section';

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Every file under the fixtures folder by the sha256 of its bytes, to name which one a stored
 * image came from; the case's own files win over a copy elsewhere.
 */
function filesByHash(caseDir: string): Map<string, string> {
  const byHash = new Map<string, string>();
  const others = filesOf(casesDir).filter((file) => !file.startsWith(caseDir + sep));
  for (const file of [...others, ...filesOf(caseDir)]) {
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    byHash.set(hash, relative(caseDir, file).split(sep).join('/'));
  }
  return byHash;
}

/** The article as a reader sees it: one string per paragraph, heading, list item or caption. */
function paragraphs(html: string): string[] {
  const { document } = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window;
  for (const block of document.body.querySelectorAll(BLOCKS)) {
    block.before(document.createTextNode('\n'));
    block.after(document.createTextNode('\n'));
  }
  return (document.body.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '');
}


async function summarize(caseDir: string): Promise<Expected> {
  const dataDir = await tempDir();
  let article;
  try {
    article = await importFile(join(caseDir, 'source.html'), { dataDir, online: false, web: noNetwork });
  } catch (error) {
    if (error instanceof UserError) return { error: error.message };
    throw error;
  }
  const byHash = filesByHash(caseDir);
  const content = readArticleContent(article.html);
  // Every image left in the article is a stored copy, one per image counted as saved: nothing is
  // read from the web when the article is opened.
  const sources = [...new JSDOM(article.html).window.document.querySelectorAll('img[src]')].map((img) => img.getAttribute('src') ?? '');
  expect(sources.filter((src) => !ASSET_SRC.test(src))).toEqual([]);
  expect(sources).toHaveLength(article.images?.saved ?? 0);
  const figures = [];
  for (const figure of content.figures) {
    let image: string | null = null;
    if (figure.image !== null) {
      const match = ASSET_SRC.exec(figure.image);
      expect(match, `figure image ${figure.image}`).not.toBeNull();
      const [, hash = '', extension = ''] = match ?? [];
      // The stored file is there, and its name is the hash of its bytes.
      const stored = await readFile(join(assetsDir(dataDir), `${hash}.${extension}`));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(hash);
      image = byHash.get(hash) ?? 'a stored image that is no file of the case';
    }
    figures.push({ caption: figure.caption, credit: figure.credit, image });
  }
  // What a reader notices: each caption shows once, never doubled as alt text and caption.
  for (const figure of content.figures) {
    if (figure.caption !== '') expect(content.text.split(figure.caption).length - 1, figure.caption).toBe(1);
  }
  return {
    title: article.meta.title,
    byline: article.meta.byline,
    siteName: article.meta.siteName,
    language: article.meta.language,
    direction: article.meta.direction,
    figures,
    text: paragraphs(article.html),
    // Why, counted, is checked with the summary sentence in saved-page-images.test.ts.
    images: { saved: article.images?.saved ?? 0, missed: article.images?.missed ?? 0, problems: article.images?.problems ?? [] },
    notes: article.notes ?? [],
  };
}

describe('HTML import (golden)', () => {
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of cases) {
    it(name, async () => {
      const caseDir = join(casesDir, name);
      const summary = await summarize(caseDir);
      const expectedFile = join(caseDir, 'expected.json');
      if (updatingGoldens()) writeFileSync(expectedFile, `${JSON.stringify(summary, null, 2)}\n`);
      expect(summary).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected);
    });
  }
});

describe('HTML import, beyond the golden pages', () => {
  it('keeps jsdom and the page quiet: no console output, no page script run', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
    const writes = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      // The news page carries a broken stylesheet ("Could not parse CSS stylesheet") and a script that renames the page.
      const article = await importFile(join(casesDir, 'news-figures-credits', 'source.html'), { dataDir: await tempDir(), online: false, web: noNetwork });
      expect(article.meta.title).toBe('River towns count the cost after spring floods');
      for (const spy of [...spies, writes]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...spies, writes]) spy.mockRestore();
    }
  });

  it("uses a saved page's own copies even when it may go online, without touching the network", async () => {
    const requests: string[] = [];
    const article = await importFile(join(casesDir, 'saved-page-files', 'source.html'), { dataDir: await tempDir(), online: true, web: recordingWeb(requests) });
    expect(article.images).toEqual({ saved: 2, missed: 0, problems: [], reasons: {}, upgraded: 0 });
    expect(requests).toEqual([]);
  });

  it('stores an SVG as a drawing only, and an inline picture as a file', async () => {
    const dir = await tempDir();
    const dataDir = await tempDir();
    const svg =
      '<?xml version="1.0"?>\n<!-- Drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">' +
      '<script>alert(1)</script><rect width="40" height="20" fill="teal" onclick="alert(2)"/></svg>';
    const png = readFileSync(join(casesDir, 'image-bomb', 'detail.png'));
    const text = 'The new footbridge over the river opened on Saturday, and by the afternoon more than a thousand people had walked across it. ';
    writeFileSync(join(dir, 'bridge.svg'), svg);
    writeFileSync(
      join(dir, 'page.html'),
      `<!DOCTYPE html><html lang="en"><head><title>The footbridge opens</title></head><body><article><h1>The footbridge opens</h1><p>${text.repeat(3)}</p>` +
        `<figure><img src="bridge.svg" alt=""><figcaption>The bridge, drawn by its engineers.</figcaption></figure>` +
        `<figure><img src="data:image/png;base64,${png.toString('base64')}" alt=""><figcaption>The opening crowd.</figcaption></figure>` +
        `<p>${text}</p></article></body></html>`,
    );
    const article = await importFile(join(dir, 'page.html'), { dataDir, online: false, web: noNetwork });
    expect(article.images).toEqual({ saved: 2, missed: 0, problems: [], reasons: {}, upgraded: 0 });
    const [drawing, photo] = readArticleContent(article.html).figures.map((figure) => ASSET_SRC.exec(figure.image ?? ''));
    expect(drawing?.[2]).toBe('svg');
    const stored = readFileSync(join(assetsDir(dataDir), `${drawing?.[1]}.svg`), 'utf8');
    expect(stored).toMatch(/^<svg/);
    expect(stored).toContain('<rect');
    expect(stored).not.toMatch(/script|onclick|alert/);
    expect(photo?.[1]).toBe(createHash('sha256').update(png).digest('hex'));
  });

  it('footnote and contents links lead to the ids the article keeps, namespaced so they cannot clash with the app', async () => {
    const article = await importFile(join(casesDir, 'footnotes-and-contents', 'source.html'), { dataDir: await tempDir(), online: false, web: noNetwork });
    const { document } = new JSDOM(`<!DOCTYPE html><body>${article.html}</body>`).window;
    const links = [...document.querySelectorAll('a[href^="#"]')].map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('target')]);
    expect(links).toEqual([
      ['The watch', '#user-content-the-watch', false],
      ['The lamps change', '#user-content-the-lamps-change', false],
      ['The last keepers', '#user-content-the-last-keepers', false],
      ['Notes', '#user-content-notes', false],
      ['1', '#user-content-fn1', false],
      ['2', '#user-content-fn2', false],
      ['3', '#user-content-fn3', false],
      ['Back', '#user-content-fnref1', false],
      ['Back', '#user-content-fnref2', false],
      ['Back', '#user-content-fnref3', false],
    ]);
    // Every in-page link finds its target in the article itself.
    for (const [, href] of links) expect(document.getElementById(String(href).slice(1)), String(href)).not.toBeNull();
    expect([...document.querySelectorAll('[id]')].every((element) => element.id.startsWith('user-content-'))).toBe(true);
    expect(document.getElementById('user-content-fn3')?.textContent).toContain('Lamp lit at sunset.');
  });

  it('keeps a formula drawn as a picture, with its TeX as the picture\'s text', async () => {
    const article = await importFile(join(casesDir, 'math-formula-image', 'source.html'), { dataDir: await tempDir(), online: false, web: noNetwork });
    const images = [...new JSDOM(article.html).window.document.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['{\\displaystyle E=mc^{2}}', '{\\displaystyle p=mv}']);
    expect(images.every((img) => ASSET_SRC.test(img.getAttribute('src') ?? ''))).toBe(true);
    // The reader sets these in the line of text, not as photos of their own.
    expect(images.map((img) => img.getAttribute('class'))).toEqual(['formula', 'formula']);
  });

  it('keeps a formula written in MathML as MathML, without its TeX source', async () => {
    const article = await importFile(join(casesDir, 'mathml-kept', 'source.html'), { dataDir: await tempDir(), online: false, web: noNetwork });
    const { document } = new JSDOM(`<!DOCTYPE html><body>${article.html}</body>`).window;
    const formulas = [...document.body.getElementsByTagName('math')];
    expect(formulas).toHaveLength(2);
    expect(formulas.every((math) => math.namespaceURI === 'http://www.w3.org/1998/Math/MathML')).toBe(true);
    expect(formulas[1]?.getAttribute('display')).toBe('block');
    expect(formulas[1]?.querySelector('mfrac msqrt msup')).not.toBeNull();
    expect(article.html).not.toContain('annotation');
    expect(article.html).not.toContain('\\frac');
  });

  it('reads credits the way pages write them, and not where they are not', () => {
    const cases: [string, string | null][] = [
      ['Crowds on the quay. Photo: Jane Doe', 'Photo: Jane Doe'],
      ['Crowds on the quay. Photograph by J. Smith.', 'Photograph by J. Smith'],
      ['Crowds on the quay (AP)', 'AP'],
      ['Crowds on the quay. (AP Photo/Ann Lee)', 'AP Photo/Ann Lee'],
      ['Crowds on the quay. Ann Lee/Getty Images', 'Ann Lee/Getty Images'],
      ['Crowds on the quay. Ukrainian Presidential Press Office/UPI/Shutterstock', 'Ukrainian Presidential Press Office/UPI/Shutterstock'],
      ['© Harbour Trust', '© Harbour Trust'],
      // Not credits: a label in the middle of a sentence, or a caption that merely mentions an agency.
      ['Satellite image: the quay at low tide.', null],
      ['Crowds on the quay wait for the ferry', null],
      ['A protester holds a sign reading AP/Reuters lies', null],
      ['Crowds on the quay watch the tall ships arrive/Getty Images', null],
    ];
    expect(cases.map(([caption]) => [caption, trailingCredit(caption)?.[1] ?? null])).toEqual(cases);
  });

  it('reads srcset the way browsers do', () => {
    expect(srcsetCandidates('a.jpg 480w, b.jpg 1200w').map((c) => c.url)).toEqual(['a.jpg', 'b.jpg']);
    expect(srcsetCandidates('a.jpg 1x,b.jpg 2x')).toEqual([{ url: 'a.jpg', score: 1000 }, { url: 'b.jpg', score: 2000 }]);
    // Commas inside a URL belong to it.
    expect(srcsetCandidates('https://cdn.example/w_480,h_300/a.jpg 480w, https://cdn.example/w_960,h_600/a.jpg 960w').map((c) => c.url)).toEqual([
      'https://cdn.example/w_480,h_300/a.jpg',
      'https://cdn.example/w_960,h_600/a.jpg',
    ]);
    expect(srcsetCandidates('only.jpg')).toEqual([{ url: 'only.jpg', score: 1000 }]);
  });
});
