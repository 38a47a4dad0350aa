// What the search index takes in and gives back. Inputs are the few fields search needs, picked
// from the model's records, so a caller can pass whole ArticleMeta and Annotation objects, and a
// test or the benchmark can pass plain literals.
import type { Annotation, ArticleMeta, ColorLabels } from '../../shared/model';

export type SearchArticleMeta = Pick<ArticleMeta, 'id' | 'title' | 'byline' | 'siteName' | 'updatedAt'> & {
  /** The article's own tags (not its highlights'): found like its title. */
  tags?: readonly string[];
  /**
   * Which body the text is (each re-import adds one). When given, it rather than `updatedAt`
   * tells `needsUpdate` whether the text changed, so reading progress saved on the article does
   * not make it look stale.
   */
  revision?: number;
};

export type SearchAnnotation = Pick<Annotation, 'id' | 'articleId' | 'note' | 'tags' | 'updatedAt'> & Partial<Pick<Annotation, 'color'>> & {
  target: { quote: { exact: string }; position: { start: number; end: number } };
};

export interface SearchArticle {
  meta: SearchArticleMeta;
  /** The article's text as selectors count it: `readArticleContent(html).text`. */
  text: string;
  annotations: readonly SearchAnnotation[];
  /** A fingerprint of these annotations that changes whenever they do (their file's signature), for `isCurrent`. */
  annotationsStamp?: string | null;
}

/**
 * Where a result was found. `title` covers title, byline, site and the article's tags; `note`
 * covers a highlight's note and its tags; `highlight` is a match inside a highlighted passage.
 */
export type SearchMatchKind = 'title' | 'text' | 'highlight' | 'note';

/** A short window of text, split so the matched words can be shown marked. Cut ends carry "…". */
export interface SearchSnippet {
  before: string;
  match: string;
  after: string;
}

export interface SearchMatch {
  kind: SearchMatchKind;
  /** For `highlight` and `note`: the annotation to open. */
  annotationId?: string;
  /**
   * Offsets into the article text to scroll to: the matched words for `text`; the highlight's
   * range for `highlight` and `note`; 0, 0 for `title`.
   */
  start: number;
  end: number;
  snippet: SearchSnippet;
}

export interface SearchResult {
  articleId: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  score: number;
  /** How many places in the article matched; `matches` shows the best few of them. */
  matchCount: number;
  matches: SearchMatch[];
}

export interface SearchOptions {
  /** Most articles to return (20). */
  limit?: number;
  /** Most matches shown per article (3). */
  matchesPerArticle?: number;
  /** Leaves out articles the caller does not want (in the trash, say). */
  filter?: (articleId: string) => boolean;
  /** The person's names for the colours (the legend), so `color:NAME` finds them by name too. */
  colorLabels?: ColorLabels;
}
