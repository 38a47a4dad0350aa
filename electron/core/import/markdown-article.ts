// Markdown files to articles. The note's own first line, when it is a level-one heading, or its
// front matter's title is the headline; "By NAME" under it is the byline. Pictures alone on a line
// become figures, local images are copied like a saved page's, and raw HTML goes through the same
// sanitizer every importer uses.
import { pathToFileURL } from 'node:url';
import { basename, dirname } from 'node:path';
import type { ArticleMeta } from '../../shared/model';
import { UserError } from '../errors';
import { parseWebUrl } from '../../shared/web-address';
import { bylineFromLine } from './byline-line';
import { excerptOf, proseParagraphs } from './excerpt';
import { splitFrontMatter } from './front-matter';
import { markCredits } from './html/credits';
import { promoteLazyImages } from './html/lazy-images';
import { dropForeignBase } from './html/page-base';
import { refuseDeepNesting } from './html/nesting-depth';
import { keepPageImages, type ImageContext, type ImageReport } from './html/page-images';
import { parsePage } from './html/page-dom';
import { sanitizeNode } from './html/html-article';
import { splitLongParagraphs } from './long-paragraphs';
import { markdownFigures, removeBlock } from './markdown-figures';
import { MAX_MARKDOWN_NESTING, renderMarkdown } from './markdown-render';
import { textLanguage } from './text-language';
import type { ArticleContent } from '../sanitize/article-text';

/**
 * A relative link ("[the first part](part-1.md)") points at another file next to this one, which
 * the reader cannot open; it keeps its text and loses its address. When front matter names where
 * the note came from, relative links are resolved against that address, as on the original page.
 */
function resolveLinks(document: Document, sourceUrl: string | null): void {
  const base = sourceUrl === null ? null : parseWebUrl(sourceUrl);
  for (const link of Array.from(document.getElementsByTagName('a'))) {
    if (!link.hasAttribute('href')) continue;
    const href = link.getAttribute('href') ?? '';
    if (/^(?:[a-z][a-z0-9+.-]*:|#)/iu.test(href.trim())) continue;
    const resolved = base === null ? null : URL.parse(href, base);
    if (resolved === null) link.removeAttribute('href');
    else link.setAttribute('href', resolved.href);
  }
}

const comparable = (text: string | null | undefined) => (text ?? '').normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();

/** The headline: the note's first block when it is a level-one heading, unless front matter names another. */
function takeTitle(body: HTMLElement, declared: string | null): string | null {
  const first = body.firstElementChild;
  if (first?.tagName !== 'H1') return declared;
  const heading = first.textContent?.replace(/\s+/gu, ' ').trim() ?? '';
  if (declared !== null && comparable(heading) !== comparable(declared)) return declared;
  removeBlock(first);
  return declared ?? (heading || null);
}

/** "By NAME" as the first paragraph under the headline; front matter's author wins over it. */
function takeByline(body: HTMLElement, declared: string | null): string | null {
  const first = body.firstElementChild;
  const text = first?.tagName === 'P' && !/\n/u.test(first.textContent?.trim() ?? '') && first.getElementsByTagName('br').length === 0 ? (first.textContent ?? '') : '';
  const name = bylineFromLine(text);
  if (name === null || (declared !== null && comparable(name) !== comparable(declared))) return declared;
  if (first) removeBlock(first);
  return declared ?? name;
}

/** Front matter that is not YAML Margin can read stays at the top of the text, as written. */
function showUnreadable(body: HTMLElement, yaml: string | null): void {
  if (yaml === null) return;
  const block = body.ownerDocument.createElement('pre');
  block.append(body.ownerDocument.createElement('code'));
  block.firstChild!.textContent = `---\n${yaml}\n---`;
  body.prepend(block);
}

export type MarkdownMeta = Pick<ArticleMeta, 'byline' | 'sourceUrl' | 'publishedAt' | 'tags' | 'language' | 'direction' | 'excerpt'> & { title: string | null };

export interface MarkdownArticle {
  meta: MarkdownMeta;
  html: string;
  content: ArticleContent;
  images: ImageReport;
  /** The front matter gave a date Margin cannot store, so the article's date is unknown. */
  dateUnknown: boolean;
}

export async function markdownArticle(source: string, path: string, images: Omit<ImageContext, 'localRoot'>): Promise<MarkdownArticle> {
  const { meta, body, unreadable } = splitFrontMatter(source.replace(/^\uFEFF/u, ''));
  const rendered = renderMarkdown(body);
  if (rendered.tooDeep) {
    throw new UserError(`${basename(path)} nests quotes or lists more than ${MAX_MARKDOWN_NESTING} levels deep, deeper than any article, so Margin did not import it.`);
  }
  const page = `<!DOCTYPE html><html><body>${rendered.html}</body></html>`;
  // Raw HTML in a note nests as deep as its writer typed it.
  refuseDeepNesting(page, basename(path));
  const dom = parsePage(page, pathToFileURL(path).href);
  const { document } = dom.window;
  splitLongParagraphs(document.body);
  const title = takeTitle(document.body, meta.title);
  const byline = takeByline(document.body, meta.author);
  showUnreadable(document.body, unreadable);
  // A folded <details> would hide the search matches and highlights inside it; it starts open
  // and folds with a click on its summary.
  for (const details of Array.from(document.body.getElementsByTagName('details'))) details.setAttribute('open', '');
  markdownFigures(document);
  markCredits(document);
  resolveLinks(document, meta.url);
  dropForeignBase(document);
  const fallbacks = promoteLazyImages(document);
  // DOMPurify sanitizes a detached node; the body itself cannot be handed over.
  const root = document.createElement('div');
  // One child at a time: jsdom's append(...nodes) takes time in the square of their number.
  while (document.body.firstChild !== null) root.appendChild(document.body.firstChild);
  const report = await keepPageImages(root, { ...images, localRoot: dirname(path) }, fallbacks);
  const sanitized = sanitizeNode(dom, root);
  const text = sanitized.body.textContent ?? '';
  if (text.trim() === '' && title === null) throw new UserError('The Markdown file has no text.');
  const { language, direction } = textLanguage(`${title ?? ''}\n${text}`, meta.lang);
  return {
    meta: {
      title,
      byline,
      sourceUrl: meta.url,
      publishedAt: meta.date,
      tags: meta.tags,
      language,
      direction,
      excerpt: excerptOf(proseParagraphs(sanitized.body), language),
    },
    html: sanitized.html,
    get content() {
      return sanitized.content;
    },
    images: report,
    dateUnknown: meta.dateUnknown,
  };
}
