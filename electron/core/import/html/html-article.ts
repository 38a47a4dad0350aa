// A web page to an article: one jsdom parse shared by every step. Lazy images and credits are
// settled on the page, Readability extracts the article (as a DOM node, not a string, so nothing
// is parsed twice), images are copied into the library, and DOMPurify sanitizes the node.
import { Readability } from '@mozilla/readability';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';
import { SANITIZE_CONFIG, installSanitizeHooks } from '../../../shared/sanitize-policy';
import { UserError } from '../../errors';
import { readContent, type ArticleContent } from '../../sanitize/article-text';
import { markCredits } from './credits';
import { promoteLazyImages } from './lazy-images';
import { keepPageImages, type ImageContext, type ImageReport } from './page-images';

/** Less text than this is a teaser, a login wall or a navigation page, not an article. */
const MIN_ARTICLE_CHARACTERS = 250;

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  language: string | null;
  direction: 'ltr' | 'rtl' | null;
  html: string;
  content: ArticleContent;
  images: ImageReport;
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

function direction(value: string | null | undefined): 'ltr' | 'rtl' | null {
  return value === 'rtl' || value === 'ltr' ? value : null;
}

/** Sanitizes a finished article node and reads its HTML and text from the same tree. */
export function sanitizeNode(dom: JSDOM, node: Element): { html: string; content: ArticleContent } {
  const body = purifierFor(dom).sanitize(node, { ...SANITIZE_CONFIG, RETURN_DOM: true }) as HTMLElement;
  return { html: body.innerHTML, content: readContent(body) };
}

export async function extractArticle(dom: JSDOM, images: ImageContext): Promise<ExtractedArticle> {
  const { document } = dom.window;
  const language = clean(document.documentElement.getAttribute('lang'));
  // A page's <title> often carries the site's name ("Headline | Site"); its one <h1> does not.
  const headings = [...document.querySelectorAll('h1')].map((h1) => clean(h1.textContent)).filter((text) => text !== null);
  const headline = headings.length === 1 ? headings[0] : null;
  promoteLazyImages(document);
  markCredits(document);
  const parsed = new Readability<Element>(document, {
    serializer: (node) => node as Element,
    classesToPreserve: ['credit', 'caption'],
  }).parse();
  const root = parsed?.content;
  if (parsed === null || root === null || root === undefined || (root.textContent ?? '').trim().length < MIN_ARTICLE_CHARACTERS) {
    throw new UserError('Margin could not find an article on this page.');
  }
  const report = await keepPageImages(root, images);
  const { html, content } = sanitizeNode(dom, root);
  return {
    title: headline !== null && headline !== undefined && (parsed.title ?? '').includes(headline) ? headline : clean(parsed.title),
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    publishedAt: clean(parsed.publishedTime),
    language: clean(parsed.lang) ?? language,
    direction: direction(parsed.dir),
    html,
    content,
    images: report,
  };
}
