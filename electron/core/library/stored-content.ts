// Reads an article's text and figures back from its stored HTML, which the search index does for
// every article when it is first built, and the library for every highlight saved. The stored
// HTML is a sanitized body's children, serialized; parsing it back as a body element's children
// (HTML's fragment algorithm with a body context, the "in body" rules a whole-document parse
// applies to them too) builds the same tree. tests/unit/library-content.test.ts holds this and
// readArticleContent to the same answers.
import { readTreeContent, type ArticleContent } from '../sanitize/article-text';
import { parseBodyFragment } from '../sanitize/html-tree';

export function readStoredContent(sanitizedHtml: string): ArticleContent {
  return readTreeContent(parseBodyFragment(sanitizedHtml));
}
