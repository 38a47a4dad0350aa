// Writes parsed text blocks as article HTML. Blocks are joined by a newline so that the
// article's text (textContent) keeps a break between paragraphs, which quotes and their
// prefix/suffix context read naturally across.
import { escapeHtml } from './html-escape';
import type { TextBlock } from './plain-text';

function blockHtml(block: TextBlock): string {
  if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
  if (block.kind === 'list') {
    const tag = block.ordered ? 'ol' : 'ul';
    return [`<${tag}>`, ...block.items.map((item) => `<li>${escapeHtml(item)}</li>`), `</${tag}>`].join('\n');
  }
  return `<figure><figcaption><span class="caption">${escapeHtml(block.caption)}</span> <span class="credit">${escapeHtml(block.credit)}</span></figcaption></figure>`;
}

export function textBlocksToHtml(blocks: TextBlock[]): string {
  return blocks.map(blockHtml).join('\n');
}
