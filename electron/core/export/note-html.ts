// A person's Markdown note as HTML for the annotated page. markdown-it with raw HTML off and
// images off (an image in a note would be a remote load, which the exported page must never
// make), then the article sanitizer, so a note can hold no more than an article can.
import MarkdownIt from 'markdown-it';
import { sanitizeArticleHtml } from '../sanitize/sanitizer';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');

export function noteHtml(note: string): string {
  return sanitizeArticleHtml(markdown.render(note));
}
