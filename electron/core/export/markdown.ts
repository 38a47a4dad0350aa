// Markdown notes: a heading per article with where it came from, then each highlight as a block
// quote (every line prefixed, so multi-line quotes stay one quote) with its note below.
import { articleSource, type Annotation, type ArticleMeta } from '../../shared/model';

export interface ArticleNotes {
  meta: ArticleMeta;
  annotations: Annotation[];
}

function blockQuote(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/u)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

export function articleNotesMarkdown({ meta, annotations }: ArticleNotes): string {
  const lines = [`# ${meta.title.replace(/\s+/gu, ' ')}`, ''];
  const source = articleSource(meta);
  if (meta.byline !== null) lines.push(`By ${meta.byline}  `);
  if (source !== null) lines.push(`Source: ${source}`);
  if (meta.byline !== null || source !== null) lines.push('');
  if (annotations.length === 0) lines.push('_No highlights yet._', '');
  for (const annotation of annotations) {
    lines.push(blockQuote(annotation.target.quote.exact), '');
    if (annotation.note.trim() !== '') lines.push(annotation.note.trim(), '');
  }
  return lines.join('\n');
}

export function notesMarkdown(articles: ArticleNotes[]): string {
  if (articles.length === 0) return '_No articles in this library._\n';
  return `${articles.map(articleNotesMarkdown).join('\n').trimEnd()}\n`;
}
