// Reads an article's text and figures back from its stored HTML, which the search index does for
// every article when it is first built. readArticleContent sets up a whole jsdom window per call:
// about 20 ms and megabytes of garbage each, so 20 s and a peak of about 700 MB RSS over 1,000
// articles. The stored HTML is a sanitized body's children, serialized; parsing it back after an
// explicit <body> with one kept window's DOMParser builds the same tree without a window per
// article. tests/unit/library-content.test.ts holds the two readers to the same answers.
import { JSDOM } from 'jsdom';
import { readContent, type ArticleContent } from '../sanitize/article-text';

// jsdom runs no scripts and loads nothing unless told to, and a document DOMParser makes has no
// browsing context: nothing in it runs or renders; each call parses into a fresh document, so
// nothing is shared between articles but the window that owns the parser.
let parser: DOMParser | null = null;

export function readStoredContent(sanitizedHtml: string): ArticleContent {
  parser ??= new new JSDOM('<!DOCTYPE html><body></body>').window.DOMParser();
  // A whole document, not innerHTML: jsdom's fragment parse moves each top-level node into place
  // at a cost that grows with the number already moved, minutes for an article of 20,000
  // paragraphs, where a document parse is linear.
  return readContent(parser.parseFromString(`<!DOCTYPE html><body>${sanitizedHtml}`, 'text/html').body);
}
