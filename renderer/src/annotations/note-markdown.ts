// Notes are written in Markdown and shown rendered: markdown-it (no raw HTML), then the same
// DOMPurify pass article content gets, so a note can never carry script into the page.
import MarkdownIt from 'markdown-it';
import { sanitizeToFragment } from '../reader/sanitize';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

// The panel is redrawn on every change; rendering and sanitizing each note once is enough.
const rendered = new Map<string, DocumentFragment>();

export function renderNote(source: string): DocumentFragment {
  let fragment = rendered.get(source);
  if (fragment === undefined) {
    fragment = sanitizeToFragment(markdown.render(source));
    if (rendered.size > 5000) rendered.clear();
    rendered.set(source, fragment);
  }
  return fragment.cloneNode(true) as DocumentFragment;
}
