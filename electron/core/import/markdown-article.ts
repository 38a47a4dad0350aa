// Markdown files to articles with markdown-it. Raw HTML inside the Markdown is allowed through to
// the same sanitizer every importer uses; local images are copied like a saved page's. The first
// top-level heading, or front matter's title, is the headline.
import MarkdownIt from 'markdown-it';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import { UserError } from '../errors';
import { parseWebUrl } from '../../shared/web-address';
import { promoteLazyImages } from './html/lazy-images';
import { keepPageImages, type ImageContext, type ImageReport } from './html/page-images';
import { parsePage } from './html/page-dom';
import { sanitizeNode } from './html/html-article';
import type { ArticleContent } from '../sanitize/article-text';

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

interface FrontMatter {
  title: string | null;
  author: string | null;
  url: string | null;
}

/** Splits off a leading `---` block and reads its simple `key: value` lines. */
function frontMatter(source: string): { meta: FrontMatter; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u.exec(source);
  const meta: FrontMatter = { title: null, author: null, url: null };
  if (match === null) return { meta, body: source };
  for (const line of (match[1] ?? '').split(/\r?\n/u)) {
    const pair = /^(title|author|url|source)\s*:\s*(.+)$/iu.exec(line.trim());
    if (pair?.[1] === undefined || pair[2] === undefined) continue;
    const value = pair[2].replace(/^["']|["']$/gu, '').trim();
    const key = pair[1].toLowerCase();
    if (key === 'title') meta.title = value;
    else if (key === 'author') meta.author = value;
    else meta.url = value;
  }
  return { meta, body: source.slice(match[0].length) };
}

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

export interface MarkdownArticle {
  title: string | null;
  byline: string | null;
  sourceUrl: string | null;
  html: string;
  content: ArticleContent;
  images: ImageReport;
}

export async function markdownArticle(source: string, path: string, images: Omit<ImageContext, 'localRoot'>): Promise<MarkdownArticle> {
  const { meta, body } = frontMatter(source.replace(/^\uFEFF/u, ''));
  const dom = parsePage(`<!DOCTYPE html><html><body>${markdown.render(body)}</body></html>`, pathToFileURL(path).href);
  const { document } = dom.window;
  let title = meta.title;
  const heading = document.body.querySelector('h1');
  if (heading !== null && (title === null || heading.textContent?.trim() === title)) {
    title = heading.textContent?.trim() || title;
    heading.remove();
  }
  resolveLinks(document, meta.url);
  const fallbacks = promoteLazyImages(document);
  // DOMPurify sanitizes a detached node; the body itself cannot be handed over.
  const root = document.createElement('div');
  root.append(...document.body.childNodes);
  const report = await keepPageImages(root, { ...images, localRoot: dirname(path) }, fallbacks);
  const sanitized = sanitizeNode(dom, root);
  if ((sanitized.body.textContent ?? '').trim() === '' && title === null) throw new UserError('The Markdown file has no text.');
  return {
    title,
    byline: meta.author,
    sourceUrl: meta.url,
    html: sanitized.html,
    get content() {
      return sanitized.content;
    },
    images: report,
  };
}
