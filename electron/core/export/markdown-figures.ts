// A highlight's quote in Markdown with the photos it runs across shown as photos: the text before,
// the image (`![alt](attachments/<stored name>)`), its caption and credit as one italic line,
// then the text after, all inside the one block quote. The image is referenced in an
// `attachments` folder beside the notes, where the export copies it, the way Obsidian keeps a
// note's images: a path into Margin's own library would break as soon as the vault is synced to
// another machine or the library moves, and Obsidian shows only images inside the vault.
import { assetNameFromUrl } from '../../shared/asset-url';
import type { Annotation } from '../../shared/model';
import type { ExportArticle } from './export-article';
import { figureSpans, type FigureSpan } from './figure-spans';
import { escapeMarkdownLine, markdownBlockQuote } from './markdown-escape';

export const ATTACHMENTS_FOLDER = 'attachments';

/** Images a Markdown export refers to, by their path in the notes, with the stored image each is. */
export type MarkdownAttachments = Map<string, string>;

/** The path a note uses for a stored image, or null when it is not one Margin stored. */
export function attachmentPath(src: string): string | null {
  const name = assetNameFromUrl(src);
  return name === null ? null : `${ATTACHMENTS_FOLDER}/${name}`;
}

// Parsed once per article however many of its highlights are written.
const spansOf = new WeakMap<ExportArticle, FigureSpan[]>();

function figuresOf(article: ExportArticle): FigureSpan[] {
  let spans = spansOf.get(article);
  if (spans === undefined) {
    spans = article.annotations.length === 0 ? [] : figureSpans(article.html);
    spansOf.set(article, spans);
  }
  return spans;
}

function figureLines(figure: FigureSpan, attachments: MarkdownAttachments | undefined): string {
  const lines: string[] = [];
  const path = figure.src === null ? null : attachmentPath(figure.src);
  const alt = figure.alt || figure.caption || 'Image';
  if (path !== null && figure.src !== null) {
    attachments?.set(path, figure.src);
    lines.push(`> ![${escapeMarkdownLine(alt)}](${path})`);
  }
  const caption = [figure.caption, figure.credit === null ? '' : `(${figure.credit})`].filter((part) => part !== '').join(' ');
  // A figure whose image was not stored still says what it showed.
  const said = caption !== '' ? caption : path === null ? `Image: ${alt}` : '';
  if (said !== '') lines.push(`> *${escapeMarkdownLine(said)}*`);
  return lines.join('\n');
}

/**
 * A highlight made inside a caption or credit: the words the person chose, set as a caption is
 * (italic), under the photo when one was stored, rather than the whole caption.
 */
function captionQuote(figure: FigureSpan, exact: string, attachments: MarkdownAttachments | undefined): string {
  const lines: string[] = [];
  const path = figure.src === null ? null : attachmentPath(figure.src);
  if (path !== null && figure.src !== null) {
    attachments?.set(path, figure.src);
    lines.push(`> ![${escapeMarkdownLine(figure.alt || figure.caption || 'Image')}](${path})`);
  }
  lines.push(`> *${escapeMarkdownLine(exact.replace(/\s+/gu, ' ').trim())}*`);
  return lines.join('\n');
}

/** The figures a highlight covers: the one it lies inside (a caption), or those inside it, in order. */
function figuresIn(article: ExportArticle, annotation: Annotation): { within: FigureSpan | undefined; inside: FigureSpan[] } {
  const { start, end } = annotation.target.position;
  // Only when its stored place still holds its words (a highlight waiting for review may not) are
  // the figures inside it found by position.
  const placed = article.text.slice(start, end) === annotation.target.quote.exact;
  if (!placed) return { within: undefined, inside: [] };
  const figures = figuresOf(article);
  if (figures.length === 0) return { within: undefined, inside: [] };
  const within = figures.find((f) => f.start < f.end && f.start <= start && end <= f.end);
  if (within !== undefined) return { within, inside: [] };
  return { within, inside: figures.filter((f) => (f.start === f.end ? f.start > start && f.start < end : f.start < end && f.end > start)) };
}

/**
 * Every stored image the highlights' quotes show, as `highlightQuote` would collect them: a
 * streamed export copies them before it writes the notes that refer to them.
 */
export function collectAttachments(articles: readonly ExportArticle[], attachments: MarkdownAttachments): void {
  for (const article of articles) {
    for (const annotation of article.annotations) {
      const { within, inside } = figuresIn(article, annotation);
      for (const figure of within === undefined ? inside : [within]) {
        const path = figure.src === null ? null : attachmentPath(figure.src);
        if (path !== null && figure.src !== null) attachments.set(path, figure.src);
      }
    }
  }
}

/** The highlight as a block quote. */
export function highlightQuote(article: ExportArticle, annotation: Annotation, attachments?: MarkdownAttachments): string {
  const { start, end } = annotation.target.position;
  const exact = annotation.target.quote.exact;
  const { within, inside } = figuresIn(article, annotation);
  if (within !== undefined) return captionQuote(within, exact, attachments);
  if (inside.length === 0) return markdownBlockQuote(exact);
  const parts: string[] = [];
  let cursor = start;
  for (const figure of inside) {
    const before = article.text.slice(cursor, Math.max(cursor, figure.start));
    if (before.trim() !== '') parts.push(markdownBlockQuote(before));
    const lines = figureLines(figure, attachments);
    if (lines !== '') parts.push(lines);
    cursor = Math.max(cursor, figure.end);
  }
  const after = article.text.slice(cursor, end);
  if (after.trim() !== '') parts.push(markdownBlockQuote(after));
  return parts.length === 0 ? markdownBlockQuote(exact) : parts.join('\n>\n');
}
