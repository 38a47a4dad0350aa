// How much one library holds at most, so a runaway import or a pasted book cannot make every save
// slow or a file too large to read back; each limit comes with the sentence that explains it.
export interface StoreLimits {
  maxArticles: number;
  maxHighlightsPerArticle: number;
  /** One article's sanitized HTML. */
  maxArticleBytes: number;
  /** Any one JSON file of the library (library.json, an article's annotations.json). */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: StoreLimits = {
  maxArticles: 10_000,
  maxHighlightsPerArticle: 5_000,
  maxArticleBytes: 64 * 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
};

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`;

export const limitMessages = {
  articles: (limits: StoreLimits) =>
    `The library already holds ${count(limits.maxArticles)} articles, the most Margin keeps; remove some before importing more.`,
  highlights: (limits: StoreLimits) =>
    `This article already has ${count(limits.maxHighlightsPerArticle)} highlights, the most Margin keeps for one article.`,
  articleSize: (limits: StoreLimits) => `This article is larger than ${megabytes(limits.maxArticleBytes)}, too large for the library.`,
  libraryFile: (limits: StoreLimits) =>
    `The library’s list of articles would be larger than ${megabytes(limits.maxFileBytes)}, so this change was not saved.`,
  annotationsFile: (limits: StoreLimits) =>
    `This article’s highlights and notes would be larger than ${megabytes(limits.maxFileBytes)}, so this change was not saved; shorten some notes.`,
};
