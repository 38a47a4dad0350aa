// One article as a standalone annotated web page (issue 5, item 5): opens in any browser with no
// network and no Margin. Nothing in it can run or reach out: the article is sanitized once more,
// images become data: URIs (or are dropped), no <script> is ever written, and a CSP meta tag
// forbids scripts and every remote load should anything slip through. Highlights are real
// <mark> elements (a file cannot use the reader's CSS Custom Highlight painting, which needs
// script), each numbered and listed with its note in a table below the article.
import { JSDOM } from 'jsdom';
import { HIGHLIGHT_COLORS, type Annotation } from '../../shared/model';
import { resolve } from '../../shared/anchoring';
import { MISSING_IMAGE_CLASS } from '../../shared/image-summary';
import { sanitizeArticleHtml } from '../sanitize/sanitizer';
import type { ExportArticle } from './export-article';
import { HIGHLIGHT_SWATCHES, HIGHLIGHT_TINTS, colorClass } from './highlight-colors';
import { markHighlights, type MarkSpan } from './mark-highlights';
import { noteHtml } from './note-html';
import { textFragmentUrl } from './text-fragment';

/** Turns an image's stored src (e.g. `margin://asset/<sha256>.png`) into a data: URI; null drops the image. */
export type ImageResolver = (src: string) => string | null;

export interface AnnotatedHtmlOptions {
  exportedAt: string;
  resolveImage: ImageResolver;
}

export const ANNOTATED_HTML_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

// Only an inline image may come back from a resolver: anything else would be a request.
const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+;base64,[a-z0-9+/=\s]*$/iu;

const STYLE = `
:root { color-scheme: light dark; --ink: #1d1d1f; --muted: #6e6e73; --rule: #d2d2d7; --paper: #fffdf8; }
@media (prefers-color-scheme: dark) { :root { --ink: #ececf0; --muted: #a1a1a6; --rule: #3a3a3c; --paper: #1c1c1e; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 18px/1.6 Georgia, 'Iowan Old Style', 'Noto Serif', serif; }
.page { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
header h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
.meta { color: var(--muted); font: 14px/1.5 system-ui, sans-serif; margin: 0; }
.article-note { border-left: 3px solid var(--rule); padding: .25rem 1rem; margin: 1.5rem 0; }
.article-body img { max-width: 100%; height: auto; }
.article-body figure { margin: 1.5rem 0; }
.article-body figcaption { color: var(--muted); font-size: .85em; }
.article-body .image-missing { display: block; padding: .6rem .8rem; border: 1px dashed var(--rule); border-radius: 4px; color: var(--muted); font: 15px/1.5 system-ui, sans-serif; }
.article-body .image-missing::before { content: 'Image not saved'; display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .06em; }
a { color: inherit; }
mark { color: inherit; background: none; border-radius: 2px; }
${HIGHLIGHT_COLORS.map((color) => `mark.${colorClass(color)} { background-color: ${HIGHLIGHT_TINTS[color]}; }`).join('\n')}
sup.note-ref { font: 600 11px/1 system-ui, sans-serif; margin-left: 1px; }
sup.note-ref a { text-decoration: none; color: var(--muted); }
.highlights { margin-top: 3rem; border-top: 1px solid var(--rule); }
.highlights table { width: 100%; border-collapse: collapse; font-size: 15px; }
.highlights th, .highlights td { text-align: start; vertical-align: top; padding: .6rem .5rem; border-bottom: 1px solid var(--rule); }
.highlights th { font: 600 12px/1.4 system-ui, sans-serif; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.highlights blockquote { margin: 0; white-space: pre-line; border-inline-start: 4px solid var(--rule); padding-inline-start: .6rem; }
${HIGHLIGHT_COLORS.map((color) => `.highlights blockquote.${colorClass(color)} { border-inline-start-color: ${HIGHLIGHT_SWATCHES[color]}; }`).join('\n')}
.highlights .tags { color: var(--muted); font: 13px/1.5 system-ui, sans-serif; }
.highlights .note > :first-child { margin-top: 0; }
.highlights .note > :last-child { margin-bottom: 0; }
.orphan { color: var(--muted); font-style: italic; }
@media print { .page { max-width: none; } a { text-decoration: none; } }
`;

interface Placed {
  annotation: Annotation;
  number: number;
  /** Where it lies in the re-sanitized page's text; null when its text is no longer there. */
  span: { start: number; end: number } | null;
}

const dateOnly = (iso: string) => iso.slice(0, 10);

/**
 * The annotations placed in the page's text. The stored HTML was sanitized on import, so the
 * text is normally the same and the offsets hold; when sanitizing again changed it, each
 * highlight is found again by its quote.
 */
function place(article: ExportArticle, pageText: string): Placed[] {
  const same = pageText === article.text;
  return article.annotations.map((annotation, index) => {
    if (same) return { annotation, number: index + 1, span: { start: annotation.target.position.start, end: annotation.target.position.end } };
    const anchor = resolve(annotation.target, pageText);
    return { annotation, number: index + 1, span: anchor.status === 'orphaned' ? null : { start: anchor.start, end: anchor.end } };
  });
}

function inlineImages(root: Element, resolveImage: ImageResolver): void {
  for (const image of [...root.querySelectorAll('img')]) {
    const src = image.getAttribute('src');
    // An image whose bytes were never saved stays as its alt text in its placeholder, as the reader shows it.
    if (src === null) {
      if (image.parentElement?.classList.contains(MISSING_IMAGE_CLASS) !== true) image.remove();
      continue;
    }
    const data = resolveImage(src);
    if (data === null || !DATA_IMAGE.test(data)) image.remove();
    else image.setAttribute('src', data);
    image.removeAttribute('srcset');
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(document: Document, href: string, text: string): HTMLAnchorElement {
  return element(document, 'a', href.startsWith('#') ? { href } : { href, rel: 'noopener noreferrer' }, text);
}

function header(document: Document, article: ExportArticle, options: AnnotatedHtmlOptions): HTMLElement {
  const { meta } = article;
  const head = element(document, 'header');
  head.append(element(document, 'h1', { dir: 'auto' }, meta.title));
  const line = element(document, 'p', { class: 'meta', dir: 'auto' });
  const parts: (string | Node)[] = [];
  if (meta.byline !== null) parts.push(`By ${meta.byline}`);
  if (meta.siteName !== null) parts.push(meta.siteName);
  if (meta.sourceUrl !== null && /^https?:\/\//iu.test(meta.sourceUrl)) parts.push(link(document, meta.sourceUrl, meta.sourceUrl));
  else if (meta.sourceFile !== null) parts.push(meta.sourceFile);
  parts.push(`Saved ${dateOnly(meta.importedAt)}`, `Exported ${dateOnly(options.exportedAt)} from Margin`);
  parts.forEach((part, index) => {
    if (index > 0) line.append(' · ');
    line.append(part);
  });
  head.append(line);
  return head;
}

function highlightsTable(document: Document, article: ExportArticle, placed: Placed[]): HTMLElement {
  const section = element(document, 'section', { class: 'highlights', 'aria-labelledby': 'highlights-title' });
  section.append(element(document, 'h2', { id: 'highlights-title' }, `Highlights (${placed.length})`));
  if (placed.length === 0) {
    section.append(element(document, 'p', { class: 'meta' }, 'No highlights yet.'));
    return section;
  }
  const table = element(document, 'table');
  const headRow = element(document, 'tr');
  for (const title of ['#', 'Highlight', 'Note']) headRow.append(element(document, 'th', { scope: 'col' }, title));
  table.append(element(document, 'thead'));
  table.tHead?.append(headRow);
  const body = element(document, 'tbody');
  for (const { annotation, number, span } of placed) {
    const row = element(document, 'tr', { id: `note-${number}` });
    const numberCell = element(document, 'td');
    numberCell.append(span === null ? `${number}` : link(document, `#highlight-${number}`, `${number}`));
    const quoteCell = element(document, 'td');
    const quote = element(document, 'blockquote', { dir: 'auto', class: colorClass(annotation.color) }, annotation.target.quote.exact);
    quoteCell.append(quote);
    if (span === null) quoteCell.append(element(document, 'p', { class: 'orphan' }, 'This passage is no longer in the article’s text.'));
    const source = textFragmentUrl(article.meta.sourceUrl, annotation.target.quote);
    if (source !== null) {
      const line = element(document, 'p', { class: 'meta' });
      line.append(link(document, source, 'Open on the original page ↗'));
      quoteCell.append(line);
    }
    const noteCell = element(document, 'td', { class: 'note', dir: 'auto' });
    if (annotation.note.trim() !== '') noteCell.innerHTML = noteHtml(annotation.note);
    if (annotation.tags.length > 0) noteCell.append(element(document, 'p', { class: 'tags' }, annotation.tags.map((tag) => `#${tag}`).join(' ')));
    row.append(numberCell, quoteCell, noteCell);
    body.append(row);
  }
  table.append(body);
  section.append(table);
  return section;
}

// One jsdom window for every page: setting a window up costs more than building a page in it, and
// each page gets a fresh document of its own. jsdom runs no scripts and loads nothing by default.
let host: JSDOM | null = null;

function newDocument(): Document {
  host ??= new JSDOM('<!DOCTYPE html>');
  const document = host.window.document.implementation.createHTMLDocument('');
  document.head.replaceChildren();
  return document;
}

/** The page's HTML text, starting `<!DOCTYPE html>`. */
export function annotatedHtml(article: ExportArticle, options: AnnotatedHtmlOptions): string {
  const document = newDocument();
  const head = document.head;
  head.append(element(document, 'meta', { charset: 'utf-8' }));
  head.append(element(document, 'meta', { 'http-equiv': 'Content-Security-Policy', content: ANNOTATED_HTML_CSP }));
  head.append(element(document, 'meta', { name: 'referrer', content: 'no-referrer' }));
  head.append(element(document, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
  head.append(element(document, 'meta', { name: 'generator', content: 'Margin' }));
  head.append(element(document, 'title', {}, article.meta.title));
  head.append(element(document, 'style', {}, STYLE));

  const page = element(document, 'div', { class: 'page' });
  page.append(header(document, article, options));
  if (article.articleNote.trim() !== '') {
    const note = element(document, 'section', { class: 'article-note', 'aria-label': 'Note on this article', dir: 'auto' });
    note.innerHTML = noteHtml(article.articleNote);
    page.append(note);
  }
  const body = element(document, 'article', { class: 'article-body' });
  body.innerHTML = sanitizeArticleHtml(article.html);
  const placed = place(article, body.textContent ?? '');
  const spans: MarkSpan[] = [];
  const spanOf: number[] = [];
  for (const [index, { annotation, number, span }] of placed.entries()) {
    if (span === null) continue;
    spanOf.push(index);
    spans.push({
      ...span,
      className: colorClass(annotation.color),
      anchorId: `highlight-${number}`,
      title: annotation.note.trim() === '' ? `Highlight ${number}` : `${number}: ${annotation.note.trim().slice(0, 500)}`,
    });
  }
  const { endsAfter } = markHighlights(body, spans);
  // References go in after all marking, so their digits never shift the offsets marked by.
  // Several highlights ending together get their numbers in order, each after the last.
  const lastAfter = new Map<Element, Element>();
  endsAfter.forEach((end, k) => {
    const item = placed[spanOf[k] ?? -1];
    if (end === null || item === undefined) return;
    const ref = element(document, 'sup', { class: 'note-ref' });
    ref.append(link(document, `#note-${item.number}`, `${item.number}`));
    (lastAfter.get(end) ?? end).after(ref);
    lastAfter.set(end, ref);
  });
  inlineImages(body, options.resolveImage);
  page.append(body, highlightsTable(document, article, placed));
  document.body.append(page);
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`;
}
