// The one shape every exporter reads: an article with its note, its highlights in reading order
// and the text their offsets count in. Built once per article, so each format stays a pure
// function of it and the formats cannot disagree about order or text.
import type { Annotation, ArticleMeta } from '../../shared/model';
import { readArticleContent } from '../sanitize/article-text';

export interface ExportArticle {
  meta: ArticleMeta;
  /** The person's Markdown note on the article as a whole; '' when none. */
  articleNote: string;
  /** Sorted by position in the text (see `byReadingOrder`). */
  annotations: Annotation[];
  /** textContent of `html`: what every annotation's UTF-16 offsets count in. */
  text: string;
  /** The sanitized article body as stored. */
  html: string;
}

export interface ExportArticleInput {
  meta: ArticleMeta;
  articleNote?: string;
  annotations: readonly Annotation[];
  html: string;
  /** Pass when already known (the library caches it) to skip parsing the HTML again. */
  text?: string;
}

export const byReadingOrder = (a: Annotation, b: Annotation): number =>
  a.target.position.start - b.target.position.start ||
  a.target.position.end - b.target.position.end ||
  compareStrings(a.createdAt, b.createdAt) ||
  compareStrings(a.id, b.id);

/** Code-unit order, not locale order: the same on every machine, so exports diff cleanly. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function exportArticle(input: ExportArticleInput): ExportArticle {
  return {
    meta: input.meta,
    articleNote: input.articleNote ?? '',
    annotations: [...input.annotations].sort(byReadingOrder),
    text: input.text ?? readArticleContent(input.html).text,
    html: input.html,
  };
}

/**
 * The tags a note on the article carries: the article's own, in the order the person gave them,
 * then every tag used on its highlights, sorted; each once.
 */
export function articleTags(article: Pick<ExportArticle, 'annotations' | 'meta'>): string[] {
  const fromHighlights = new Set<string>();
  for (const annotation of article.annotations) for (const tag of annotation.tags) fromHighlights.add(tag);
  const own = [...new Set(article.meta.tags)];
  return [...own, ...[...fromHighlights].filter((tag) => !own.includes(tag)).sort(compareStrings)];
}
