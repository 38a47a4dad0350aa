import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ANNOTATED_HTML_CSP, annotatedHtml } from '../../electron/core/export/annotated-html';
import { exportArticle } from '../../electron/core/export/export-article';
import { markHighlights } from '../../electron/core/export/mark-highlights';
import { describeSpan } from '../../electron/shared/anchoring';
import { ASSET_DATA_URI, EXPORTED_AT, fixedLibrary, resolveFixtureImage } from '../fixtures/export/fixed-library';

const [nightTrains, quiet, local] = fixedLibrary();
if (nightTrains === undefined || quiet === undefined || local === undefined) throw new Error('fixture');
const options = { exportedAt: EXPORTED_AT, resolveImage: resolveFixtureImage };
const open = (html: string) => new JSDOM(html).window.document;

describe('annotated HTML', () => {
  const html = annotatedHtml(nightTrains, options);
  const document = open(html);

  it('holds no script and forbids scripts and remote loads by CSP', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(document.querySelectorAll('script, iframe, object, embed, link, base, form')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) expect(attribute.name.startsWith('on')).toBe(false);
    }
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe(ANNOTATED_HTML_CSP);
    expect(ANNOTATED_HTML_CSP).toContain("default-src 'none'");
    expect(document.head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
  });

  it('inlines stored images as data: URIs and drops the ones it cannot', () => {
    const sources = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual([ASSET_DATA_URI]);
    const refused = annotatedHtml(nightTrains, { ...options, resolveImage: () => 'https://remote.example/x.png' });
    expect(open(refused).querySelectorAll('img')).toHaveLength(0);
  });

  it('marks every highlight in its colour, reachable from its row in the table', () => {
    nightTrains.annotations.forEach((annotation, index) => {
      const mark = document.getElementById(`highlight-${index + 1}`);
      expect(mark?.tagName).toBe('MARK');
      expect(mark?.className).toBe(`margin-${annotation.color}`);
      const row = document.getElementById(`note-${index + 1}`);
      expect(row?.querySelector('blockquote')?.textContent).toBe(annotation.target.quote.exact);
      expect(row?.querySelector('a[href]')?.getAttribute('href')).toBe(`#highlight-${index + 1}`);
    });
    const marked = (color: string) =>
      [...document.querySelectorAll(`article mark.margin-${color}`)].map((mark) => mark.textContent).join('');
    expect(marked('pink')).toBe('القطار الليلي عاد إلى المدينة. הרכבת חזרה.');
  });

  it('nests overlapping highlights so both tints show', () => {
    const inner = document.querySelector('article mark.margin-yellow > mark.margin-blue');
    expect(inner?.textContent).toBe('not the 10:45."');
  });

  it('keeps the article text as it was, apart from the note numbers', () => {
    const body = document.querySelector('article');
    for (const ref of body?.querySelectorAll('sup.note-ref') ?? []) ref.remove();
    expect(body?.textContent).toBe(nightTrains.text);
  });

  it('renders notes as Markdown without letting HTML in a note through', () => {
    const longNote = document.getElementById('note-7')?.querySelector('td.note');
    expect(longNote?.querySelector('ul li strong')?.textContent).toBe('price');
    expect(longNote?.querySelector('script')).toBeNull();
    expect(longNote?.textContent).toContain('<script>alert(1)</script> stays text');
    expect(document.querySelector('.article-note strong')?.textContent).toBe('train');
  });

  it('links each highlight to the original page with a text fragment when there is one', () => {
    const link = document.getElementById('note-1')?.querySelector('a[href^="https://"]');
    expect(link?.getAttribute('href')).toContain('#:~:text=He%20said%2C%20%22take');
    expect(open(annotatedHtml(local, options)).querySelector('tbody a[href^="http"]')).toBeNull();
  });

  it('says so when an article has no highlights', () => {
    expect(open(annotatedHtml(quiet, options)).querySelector('.highlights')?.textContent).toContain('No highlights yet.');
  });

  it('finds highlights again by their quotes when sanitizing anew changes the text', () => {
    const stored = '<p>Before.</p><style>p { color: red }</style><p>The kept sentence.</p>';
    const base = exportArticle({ meta: nightTrains.meta, html: stored, annotations: [] });
    const start = base.text.indexOf('kept sentence');
    const [first] = nightTrains.annotations;
    if (first === undefined) throw new Error('fixture');
    const annotation = { ...first, target: describeSpan(base.text, start, start + 'kept sentence'.length) };
    const page = open(annotatedHtml({ ...base, annotations: [annotation] }, options));
    expect(page.getElementById('highlight-1')?.textContent).toBe('kept sentence');
    expect(page.querySelectorAll('article style')).toHaveLength(0);
  });
});

describe('annotated HTML, in-page links and images not saved', () => {
  const footnoted = (html: string) => exportArticle({ meta: nightTrains.meta, html, annotations: [] });

  it('a footnote link leads to its footnote by a plain anchor, with ids that cannot clash with the page\'s own', () => {
    // As stored by this version: ids namespaced on import.
    const stored = '<p>Kept<sup id="user-content-fnref1"><a href="#user-content-fn1">1</a></sup>.</p><ol><li id="user-content-fn1">The note. <a href="#user-content-fnref1">Back</a></li></ol>';
    const page = open(annotatedHtml(footnoted(stored), options));
    const link = page.querySelector('article sup a');
    expect(link?.getAttribute('href')).toBe('#user-content-fn1');
    expect(link?.hasAttribute('target')).toBe(false);
    expect(page.getElementById('user-content-fn1')?.textContent).toContain('The note.');
    expect(page.querySelector('li a')?.getAttribute('href')).toBe('#user-content-fnref1');
    expect(page.getElementById('user-content-fnref1')?.tagName).toBe('SUP');
    // An article's id never takes a name the export uses for its own rows and marks.
    const hostile = open(annotatedHtml(footnoted('<p id="note-1">Mine.</p><p id="highlights-title">Also mine.</p>'), options));
    expect(hostile.getElementById('note-1')).toBeNull();
    expect(hostile.getElementById('highlights-title')?.closest('section.highlights')).not.toBeNull();
  });

  it('an article stored before ids were kept still exports, its in-page links pointing where ids would be', () => {
    const page = open(annotatedHtml(footnoted('<p>Old<a href="#fn1">1</a>.</p><ol><li>The note.</li></ol>'), options));
    expect(page.querySelector('article a')?.getAttribute('href')).toBe('#user-content-fn1');
    expect(page.querySelector('article')?.textContent).toBe('Old1.The note.');
  });

  it('an image the import could not save shows as a placeholder with its alt text, marked as not saved', () => {
    const page = open(annotatedHtml(footnoted('<figure><span class="image-missing"><img alt="Two cranes lifting a beam"></span><figcaption>The cranes.</figcaption></figure>'), options));
    expect(page.querySelector('article figure .image-missing img')?.getAttribute('alt')).toBe('Two cranes lifting a beam');
    expect(page.querySelector('style')?.textContent).toContain(".image-missing::before { content: 'Image not saved'");
  });
});

describe('marking highlights in a DOM', () => {
  it('wraps pieces across elements and leaves whitespace between blocks alone', () => {
    const { document } = new JSDOM('<div id="r"><p>one <b>two</b> three</p>\n<p>four</p></div>').window;
    const root = document.getElementById('r');
    if (root === null) throw new Error('no root');
    // textContent: "one two three\nfour"
    const { endsAfter } = markHighlights(root, [
      { start: 4, end: 18, className: 'a', anchorId: 'h1', title: '' },
      { start: 0, end: 7, className: 'b', anchorId: 'h2', title: '' },
    ]);
    expect(root.innerHTML).toBe(
      '<p><mark class="b" title="" id="h2">one </mark><b><mark class="b" title=""><mark class="a" title="" id="h1">two</mark></mark></b><mark class="a" title=""> three</mark></p>\n<p><mark class="a" title="">four</mark></p>',
    );
    expect(endsAfter.map((mark) => mark?.textContent)).toEqual(['four', 'two']);
  });
});
