// Notes are written in Markdown and shown rendered: markdown-it (no raw HTML), then the same
// DOMPurify pass article content gets, so a note can never carry script into the page.
import MarkdownIt from 'markdown-it';
import { sanitizeToFragment } from './sanitize';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

export function renderNote(source: string): DocumentFragment {
  return sanitizeToFragment(markdown.render(source));
}
