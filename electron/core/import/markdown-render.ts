// Markdown as GitHub writes it, rendered by markdown-it with the plugins the field uses: footnotes
// (markdown-it-footnote) and task lists (markdown-it-task-lists). Raw HTML (a <details> block, a
// <figure>) is let through to the sanitizer every importer uses. Two things are recast so the
// sanitizer need not allow what it rightly refuses: a table column's alignment becomes the
// `align` attribute rather than a `style`, and a task's box becomes the character ☐ or ☑ rather
// than a form control, which also reads the same in every export.
import MarkdownIt, { type Env, type StateCore } from 'markdown-it';
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

/** How deep quotes and lists may nest: markdown-it's own default, far past what a note needs. */
export const MAX_MARKDOWN_NESTING = 100;

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, maxNesting: MAX_MARKDOWN_NESTING }).use(footnotes).use(taskLists);
markdown.core.ruler.push('margin-table-align', alignColumns);
markdown.core.ruler.push('margin-task-marks', markTasks);

/** Set on the render's env when a block lay past the nesting limit. */
const TOO_DEEP = 'marginTooDeep';

// markdown-it leaves out, without a word, every block nested past maxNesting (the rest of the
// quote or list, to the end of the file): noticed here so the import can refuse instead.
const tokenizeBlocks = markdown.block.tokenize.bind(markdown.block);
markdown.block.tokenize = (state, startLine, endLine) => {
  if (state.level >= MAX_MARKDOWN_NESTING) {
    const line = state.skipEmptyLines(startLine);
    if (line < endLine && (state.sCount[line] ?? 0) >= state.blkIndent) state.env[TOO_DEEP] = true;
  }
  tokenizeBlocks(state, startLine, endLine);
};

/** The note as HTML; tooDeep: it nests past MAX_MARKDOWN_NESTING, and what lies deeper is missing. */
export function renderMarkdown(source: string): { html: string; tooDeep: boolean } {
  const env: Env = {};
  const html = markdown.render(source, env);
  return { html, tooDeep: env[TOO_DEEP] === true };
}
