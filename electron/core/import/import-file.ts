// Turns what a person chose (a file on disk or a web address) into an article ready for the
// library: sanitized HTML, metadata and a report of the images kept. The kind of file is decided
// by its bytes (sniff.ts), the extension being only a hint.
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors';
import { decodeHtml, headerCharset } from './decode-html';
import { isWebAddress } from '../../shared/web-address';
import { fetchLimited, type FetchLimits } from './fetch-limited';
import { NAMED_BY_PERSON, type ArticleHost } from '../net/reach';
import type { WebAccess } from '../net/web-access';
import { refuseDeepNesting } from './html/nesting-depth';
import type { ImageContext, ImageReport } from './html/page-images';
import { NO_META, type ImportedMeta } from './imported-meta';
import { importPlainText } from './plain-text-article';
import { MAX_ARTICLE_BYTES, decodeUtf8Article, readArticleBytes, refuseLongText } from './read-text-file';
import { sniffArticleKind } from './sniff';
import { publishedDate, unknownDatesNote } from './imported-dates';

/** What an importer hands the library: everything but the ids and dates the library assigns. */
export interface ImportedArticle {
  meta: ImportedMeta;
  html: string;
  images?: ImageReport;
  /** Sentences the person should read about this import (the app and the CLI show them). */
  notes?: string[];
}

export interface ImportContext {
  /** The library's data dir, where images are stored; without it images are left out. */
  dataDir?: string | null;
  /**
   * Whether a file's web images may be fetched (off unless the person asks: a file is read from
   * what lies beside it on disk). A web address's images are fetched whatever this says.
   */
  online?: boolean;
  /** How the import reaches the web (tests pass a loopback stand-in for it). */
  web?: WebAccess;
  /** Overrides of PAGE_FETCH, IMAGE_FETCH and IMAGES_TIME_BUDGET_MS (tests use short timeouts and small caps). */
  limits?: { page?: Partial<FetchLimits>; image?: Partial<FetchLimits>; imagesTotalMs?: number };
}

export const PAGE_FETCH: FetchLimits = { timeoutMs: 30_000, maxBytes: MAX_ARTICLE_BYTES, maxRedirects: 5 };
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '']);

function mediaType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Only web pages and plain text are worth downloading; anything else is refused before its body is read. */
function refuseNonPage(contentType: string, url: string): string | null {
  const type = mediaType(contentType);
  return HTML_TYPES.has(type) || type === 'text/plain' ? null : `${url} is not a web page (it is ${type}).`;
}

/** What the image step needs from the import's context (the saved page's folder is added per page). */
function imageContext(context: ImportContext): Omit<ImageContext, 'localRoot'> {
  return {
    dataDir: context.dataDir ?? null,
    fetchRemote: context.online ?? false,
    ...(context.web ? { web: context.web } : {}),
    ...(context.limits?.image ? { fetchLimits: context.limits.image } : {}),
    ...(context.limits?.imagesTotalMs === undefined ? {} : { timeBudgetMs: context.limits.imagesTotalMs }),
  };
}

export { importPlainText };

async function importHtml(html: string, pageUrl: string, meta: Partial<ImportedMeta>, context: ImportContext, localRoot: string | null, articleHost: ArticleHost | null = null): Promise<ImportedArticle> {
  // jsdom, Readability and DOMPurify are loaded by the first page imported: a plain-text file (the
  // sample a new library opens with) needs none of them.
  const [{ parsePage }, { extractArticle }] = await Promise.all([import('./html/page-dom'), import('./html/html-article')]);
  const dom = parsePage(html, pageUrl);
  const page = new URL(pageUrl);
  const plainHttpOrigin = page.protocol === 'http:' ? page.origin : null;
  const article = await extractArticle(dom, { ...imageContext(context), localRoot, plainHttpOrigin, articleHost });
  const published = publishedDate(article.publishedAt);
  return {
    meta: {
      ...NO_META,
      ...meta,
      title: article.title ?? meta.title ?? 'Untitled article',
      byline: article.byline,
      siteName: article.siteName,
      publishedAt: published.date,
      language: article.language,
      direction: article.direction,
      format: 'html',
      excerpt: article.excerpt,
    },
    html: article.html,
    images: article.images,
    notes: [...article.notes, ...(published.unknown ? [unknownDatesNote(1)] : [])],
  };
}

export async function importFile(path: string, context: ImportContext = {}): Promise<ImportedArticle> {
  const absolute = resolve(path);
  const name = basename(absolute);
  const bytes = await readArticleBytes(absolute);
  const kind = sniffArticleKind(bytes, name);
  const origin = { sourceFile: name, sourcePath: absolute };
  if (kind === 'html') {
    const html = decodeHtml(bytes, name);
    refuseDeepNesting(html, name);
    return importHtml(html, pathToFileURL(absolute).href, { ...origin, title: name }, context, dirname(absolute));
  }
  refuseLongText(bytes, name);
  const text = decodeUtf8Article(bytes, name);
  if (kind === 'markdown') {
    const { markdownArticle } = await import('./markdown-article');
    const article = await markdownArticle(text, absolute, imageContext(context));
    return {
      meta: { ...NO_META, ...origin, ...article.meta, title: article.meta.title ?? name.replace(/\.[^.]+$/u, ''), format: 'markdown' },
      html: article.html,
      images: article.images,
      ...(article.dateUnknown ? { notes: [unknownDatesNote(1)] } : {}),
    };
  }
  const article = importPlainText(text, name);
  return { ...article, meta: { ...article.meta, sourcePath: absolute } };
}

/** Saves a web page while online: fetched with limits, then imported with its final URL as base. */
export async function importUrl(address: string, context: ImportContext = {}): Promise<ImportedArticle> {
  const fetched = await fetchLimited(address, { ...PAGE_FETCH, refuseType: refuseNonPage, named: NAMED_BY_PERSON, ...context.limits?.page }, context.web);
  const type = mediaType(fetched.contentType);
  const host = new URL(fetched.url).host;
  // A server that names no type may be sending anything: the bytes decide, as for a file.
  if (type === '') sniffArticleKind(fetched.bytes, host);
  if (HTML_TYPES.has(type)) {
    const html = decodeHtml(fetched.bytes, host, headerCharset(fetched.contentType));
    refuseDeepNesting(html, fetched.url);
    return importHtml(html, fetched.url, { sourceUrl: fetched.url, title: host }, { ...context, online: true }, null, fetched.articleHost);
  }
  if (type === 'text/plain') {
    refuseLongText(fetched.bytes, fetched.url);
    const article = importPlainText(decodeUtf8Article(fetched.bytes, host), null);
    return { ...article, meta: { ...article.meta, sourceUrl: fetched.url } };
  }
  throw new UserError(`${fetched.url} is not a web page (it is ${type}).`);
}

/** A file path or a web address, whichever the person gave. */
export function importSource(source: string, context: ImportContext = {}): Promise<ImportedArticle> {
  return isWebAddress(source) ? importUrl(source.trim(), context) : importFile(source, context);
}
