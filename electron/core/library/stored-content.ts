// Reads an article's text and figures back from its stored HTML, which the search index does for
// every article when it is first built. readArticleContent sets up a whole jsdom window per call:
// about 20 ms and megabytes of garbage each, so 20 s and a peak of about 700 MB RSS over 1,000
// articles. The stored HTML is a sanitized body's children, serialized; parsing it back as a body
// element's children in one kept document (HTML's fragment algorithm with a body context, the
// "in body" rules a whole-document parse applies to them too) builds the same tree, in about
// 1.5 ms. tests/unit/library-content.test.ts holds the two readers to the same answers.
import { JSDOM } from 'jsdom';
import { readContent, type ArticleContent } from '../sanitize/article-text';

// jsdom runs no scripts and loads nothing unless told to, and a body element never attached to
// the document renders nothing; each call parses into a fresh element, so nothing is shared
// between articles but the document that owns them.
let owner: Document | null = null;

export function readStoredContent(sanitizedHtml: string): ArticleContent {
  owner ??= new JSDOM('<!DOCTYPE html><body></body>').window.document;
  const body = owner.createElement('body');
  body.innerHTML = sanitizedHtml;
  return readContent(body);
}
