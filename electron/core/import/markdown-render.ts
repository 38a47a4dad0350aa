// Markdown as GitHub writes it, rendered by markdown-it with the plugins the field uses: footnotes
// (markdown-it-footnote) and task lists (markdown-it-task-lists). Raw HTML (a <details> block, a
// <figure>) is let through to the sanitizer every importer uses. Two things are recast so the
// sanitizer need not allow what it rightly refuses: a table column's alignment becomes the
// `align` attribute rather than a `style`, and a task's box becomes the character ☐ or ☑ rather
// than a form control, which also reads the same in every export.
import MarkdownIt, { type StateCore } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import taskLists from 'markdown-it-task-lists';

const ALIGN = /^text-align:(left|center|right)$/u;
const CHECKBOX = /^<input class="task-list-item-checkbox"( checked="")?/u;

function alignColumns(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const align = ALIGN.exec(String(token.attrGet('style') ?? ''))?.[1];
    token.attrs = align === undefined ? null : [['align', align]];
  }
}

function markTasks(state: StateCore): void {
  for (const token of state.tokens) {
    for (const child of token.children ?? []) {
      if (child.type !== 'html_inline') continue;
      const box = CHECKBOX.exec(child.content);
      if (box === null) continue;
      child.type = 'text';
      child.content = box[1] === undefined ? '☐' : '☑';
    }
  }
}

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnotes).use(taskLists);
markdown.core.ruler.push('margin-table-align', alignColumns);
markdown.core.ruler.push('margin-task-marks', markTasks);

export function renderMarkdown(source: string): string {
  return markdown.render(source, {});
}
