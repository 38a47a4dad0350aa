// A web page to an article: one jsdom parse shared by every step. Lazy images and credits are
// settled on the page, Readability extracts the article (as a DOM node, not a string, so nothing
// is parsed twice), boilerplate is taken out of what it extracted, images are copied into the
// library, and DOMPurify sanitizes the node.
import { Readability } from '@mozilla/readability';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';
import { languageDirection } from '../../../shared/language';
import { SANITIZE_CONFIG, installSanitizeHooks } from '../../../shared/sanitize-policy';
import { UserError } from '../../errors';
import { excerptOf, proseParagraphs } from '../excerpt';
import { readContent, type ArticleContent } from '../../sanitize/article-text';
import { withoutWrappers } from '../../sanitize/unwrap-containers';
import { markBoilerplate, removeBoilerplate } from './boilerplate';
import { markCredits } from './credits';
import { elementsUnder } from './elements';
import { FORMULA_CLASS, markFormulaImages } from './formula-images';
import { promoteLazyImages } from './lazy-images';
import { dropForeignBase, settleLinksAgainstBase } from './page-base';
import { keepPageImages, type ImageContext, type ImageReport } from './page-images';

/**
 * Less text than this is often a teaser, a sign-in wall or a navigation page: still imported (the
 * person asked for this page, and a short piece is a piece), with a sentence saying so.
 */
const SHORT_ARTICLE_CHARACTERS = 250;
/** Marks, before extraction, the elements that may be the byline, to find them again after. */
const BYLINE_MARK = 'data-margin-byline';
const BYLINE_NAME = /byline|author|dateline|writtenby|p-author/iu;
/** "By", in the languages whose pages write it before the name. */
const BY_WORD = /^(?:by|par|von|por|di|door|av|af|przez|از|بقلم|מאת)\s*:?\s+/iu;

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  language: string | null;
  direction: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  html: string;
  content: ArticleContent;
  images: ImageReport;
  /** Sentences for the person about what was imported (a page with very little text). */
  notes: string[];
}

function purifierFor(dom: JSDOM): DOMPurify {
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  installSanitizeHooks(purify);
  return purify;
}

const clean = (value: string | null | undefined): string | null => {
  const text = value?.replace(/\s+/gu, ' ').trim();
  return text ? text : null;
};

/** Text compared loosely: the same words whatever the spacing, case or closing punctuation. */
const comparable = (value: string | null | undefined) =>
  (value ?? '').normalize('NFKC').replace(/\s+/gu, ' ').trim().replace(/[.:;,!?]+$/u, '').toLowerCase();

function direction(value: string | null | undefined, language: string | null): 'ltr' | 'rtl' | null {
  if (value === 'rtl' || value === 'ltr') return value;
  return languageDirection(language);
}

/** "By Jane Doe" is Jane Doe: the byline names the author, the reader adds its own "by". */
function bylineName(value: string | null | undefined): string | null {
  const text = clean(value);
  return text === null ? null : clean(text.replace(BY_WORD, ''));
}

function markBylines(document: Document): void {
  if (document.body === null) return;
  for (const element of elementsUnder(document.body)) {
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const rel = element.getAttribute('rel');
    const itemprop = element.getAttribute('itemprop');
    if (!(BYLINE_NAME.test(name) || rel === 'author' || (itemprop?.includes('author') ?? false))) continue;
    if (element.closest('figure') === null) element.setAttribute(BYLINE_MARK, '');
  }
}

/**
 * When the page's metadata names the author, Readability keeps the visible "By ..." line in the
 * body, and the reader would show the byline twice. The line goes when it says nothing but the
 * byline (so "Posted on 2 May by Jane" keeps its date).
 */
function removeBylineLine(root: Element, byline: string | null): void {
  const wanted = comparable(byline);
  if (wanted === '') return;
  for (const element of elementsUnder(root).filter((candidate) => candidate.hasAttribute(BYLINE_MARK))) {
    const text = comparable(element.textContent);
    if (text !== wanted && comparable(bylineName(element.textContent)) !== wanted) continue;
    let line: Element = element;
    while (line.parentElement !== null && line.parentElement !== root && comparable(line.parentElement.textContent) === text) line = line.parentElement;
    line.remove();
    return;
  }
}

const FIRST_BLOCKS = new Set(['H1', 'H2', 'P', 'LI', 'FIGURE', 'BLOCKQUOTE', 'PRE']);

/** Readability drops a heading that repeats the title only for Latin-script titles; the rest are dropped here. */
function removeTitleHeading(root: Element, title: string | null): void {
  const wanted = comparable(title);
  if (wanted === '') return;
  const first = elementsUnder(root).find((element) => FIRST_BLOCKS.has(element.tagName));
  if (first !== undefined && /^H[12]$/u.test(first.tagName) && comparable(first.textContent) === wanted) first.remove();
}

/**
 * Sanitizes a finished article node and reads its HTML and text from the same tree. The text and
 * figures are read only when asked for: the library reads them from the stored HTML anyway, and
 * an import should not pay for them twice.
 */
export function sanitizeNode(dom: JSDOM, node: Element): { html: string; content: ArticleContent; body: HTMLElement } {
  const body = purifierFor(dom).sanitize(withoutWrappers(node), { ...SANITIZE_CONFIG, RETURN_DOM: true }) as HTMLElement;
  let content: ArticleContent | null = null;
  return {
    html: body.innerHTML,
    body,
    get content() {
      content ??= readContent(body);
      return content;
    },
  };
}

export async function extractArticle(dom: JSDOM, images: ImageContext): Promise<ExtractedArticle> {
  const { document } = dom.window;
  const pageLanguage = clean(document.documentElement.getAttribute('lang'));
  // A page's <title> often carries the site's name ("Headline | Site"); its one <h1> does not.
  const headings = Array.from(document.getElementsByTagName('h1')).map((h1) => clean(h1.textContent)).filter((text) => text !== null);
  const headline = headings.length === 1 ? (headings[0] ?? null) : null;
  dropForeignBase(document);
  const fallbacks = promoteLazyImages(document);
  settleLinksAgainstBase(document);
  markCredits(document);
  markFormulaImages(document);
  markBoilerplate(document);
  markBylines(document);
  const parsed = new Readability<Element>(document, {
    serializer: (node) => node as Element,
    classesToPreserve: ['credit', 'caption', FORMULA_CLASS],
  }).parse();
  const root = parsed?.content;
  // Readability has read the extracted text already; reading it again on a long page costs.
  const found = (parsed?.textContent ?? '').trim();
  if (parsed === null || root === null || root === undefined || found === '') {
    throw new UserError('Margin could not find an article on this page.');
  }
  const notes = found.length < SHORT_ARTICLE_CHARACTERS ? [shortArticleNote(found)] : [];
  const title = headline !== null && (parsed.title ?? '').includes(headline) ? headline : clean(parsed.title);
  const byline = bylineName(parsed.byline);
  removeBoilerplate(root);
  removeBylineLine(root, byline);
  removeTitleHeading(root, title);
  const report = await keepPageImages(root, images, fallbacks);
  const sanitized = sanitizeNode(dom, root);
  const language = clean(parsed.lang) ?? pageLanguage;
  return {
    title,
    byline,
    siteName: clean(parsed.siteName),
    publishedAt: clean(parsed.publishedTime),
    language,
    direction: direction(parsed.dir, language),
    // The page's own summary (its description) when it has one, else its first sentences.
    excerpt: excerptOf([clean(parsed.excerpt) ?? ''], language) ?? excerptOf(proseParagraphs(sanitized.body), language),
    html: sanitized.html,
    get content() {
      return sanitized.content;
    },
    images: report,
    notes,
  };
}

function shortArticleNote(text: string): string {
  const words = text.split(/\s+/u).length;
  return `Margin found only ${words === 1 ? 'one word' : `${words} words`} on this page, so it may be a sign-in page or a teaser rather than the whole piece.`;
}
