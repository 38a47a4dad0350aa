// Obsidian-ready Markdown notes (issue 5, item 1): front matter Obsidian shows as Properties,
// the article note, then each highlight as a quote with a link back to the page, its #tags,
// its note and a block id (`^<annotation id>`) so the person can link to it from other notes.
// Everything after the front matter sits between Margin's markers so a re-export can merge.
import type { Annotation } from '../../shared/model';
import { exportFileName } from './export-file-name';
import { articleTags, type ExportArticle } from './export-article';
import { frontMatterEntry, renderFrontMatter, type FrontMatterEntry } from './front-matter';
import { REGION_BEGIN, REGION_END, defuseMarkers } from './margin-region';
import { textOf, type ExportText, type TextSink } from './export-text';
import { escapeMarkdownLine } from './markdown-escape';
import { highlightQuote, type MarkdownAttachments } from './markdown-figures';
import { fragmentBase, textDirective } from './text-fragment';

export interface MarkdownOptions {
  /** ISO instant written as the `exported` property; a parameter so output is reproducible. */
  exportedAt: string;
  /** Filled with every stored image the notes refer to, for the export to copy beside them. */
  attachments?: MarkdownAttachments;
}

export interface ExportFile {
  /** File name only, unique within one export. */
  name: string;
  content: string;
  /** The article it holds; null for a combined file. */
  articleId: string | null;
}

/** Front matter keys Margin writes and owns; a merge replaces these and keeps all others. */
export const MARGIN_PROPERTY_KEYS = ['title', 'author', 'source', 'site', 'saved', 'exported', 'tags', 'margin-id', 'margin-articles'] as const;

const heading = (level: number, text: string) => `${'#'.repeat(level)} ${escapeMarkdownLine(text.replace(/\s+/gu, ' '))}`;

/** A URL as a Markdown link destination: the characters that would end or break it, encoded. */
function linkDestination(url: string): string {
  return url.replace(/[\s()<>]/gu, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * One highlight's block. `page` is the article's page as a link destination, null without one.
 * Built as one string and written once: a write per part costs more in encoding calls than the
 * few small concatenations here.
 */
function highlightBlock(article: ExportArticle, page: string | null, annotation: Annotation, attachments: MarkdownAttachments | undefined): string {
  let block = highlightQuote(article, annotation, attachments);
  if (page !== null) {
    // The directive is fully percent-encoded (parentheses too), so only the page needed encoding.
    const directive = textDirective(annotation.target.quote);
    block += directive === null ? `\n\n[↗ Source](${page})` : `\n\n[↗ Source](${page}#:~:${directive})`;
  }
  if (annotation.tags.length > 0) block += `\n\n${annotation.tags.map((tag) => `#${tag}`).join(' ')}`;
  const note = annotation.note.trim();
  if (note !== '') block += `\n\n${defuseMarkers(note)}`;
  return `${block}\n\n^${annotation.id}`;
}

function writeHighlightsSection(sink: TextSink, article: ExportArticle, level: number, attachments: MarkdownAttachments | undefined): void {
  const base = fragmentBase(article.meta.sourceUrl);
  const page = base === null ? null : linkDestination(base);
  sink.write(heading(level, 'Highlights'));
  if (article.annotations.length === 0) sink.write('\n\n_No highlights yet._');
  for (const annotation of article.annotations) sink.write(`\n\n${highlightBlock(article, page, annotation, attachments)}`);
}

function highlightsSection(article: ExportArticle, level: number, attachments: MarkdownAttachments | undefined): string {
  const parts: string[] = [];
  writeHighlightsSection({ write: (text) => void parts.push(text) }, article, level, attachments);
  return parts.join('');
}

function articleNoteBlock(article: ExportArticle): string[] {
  const note = article.articleNote.trim();
  return note === '' ? [] : [defuseMarkers(note)];
}

function articleProperties(article: ExportArticle, options: MarkdownOptions): FrontMatterEntry[] {
  const { meta } = article;
  const entries = [frontMatterEntry('title', { kind: 'string', value: meta.title })];
  if (meta.byline !== null) entries.push(frontMatterEntry('author', { kind: 'string', value: meta.byline }));
  // A page's address, or else the file it was imported from: where the notes came from either way.
  const source = meta.sourceUrl ?? meta.sourceFile;
  if (source !== null) entries.push(frontMatterEntry('source', { kind: 'string', value: source }));
  if (meta.siteName !== null) entries.push(frontMatterEntry('site', { kind: 'string', value: meta.siteName }));
  entries.push(
    frontMatterEntry('saved', { kind: 'date', value: meta.importedAt }),
    frontMatterEntry('exported', { kind: 'date', value: options.exportedAt }),
    frontMatterEntry('tags', { kind: 'list', value: articleTags(article) }),
    frontMatterEntry('margin-id', { kind: 'string', value: meta.id }),
  );
  return entries;
}

const region = (blocks: string[]) => [REGION_BEGIN, ...blocks, REGION_END].join('\n\n');

/** One article's file: its properties, then its title, note and highlights inside the region. */
export function articleMarkdown(article: ExportArticle, options: MarkdownOptions): string {
  const blocks = [heading(1, article.meta.title), ...articleNoteBlock(article), highlightsSection(article, 2, options.attachments)];
  return `${renderFrontMatter(articleProperties(article, options))}${region(blocks)}\n`;
}

/** The article's properties as a list, for the combined file, where front matter is shared. */
function propertyList(article: ExportArticle): string {
  const { meta } = article;
  const items: string[] = [];
  if (meta.byline !== null) items.push(`- Author: ${escapeMarkdownLine(meta.byline)}`);
  if (meta.sourceUrl !== null) items.push(`- Source: <${linkDestination(meta.sourceUrl)}>`);
  else if (meta.sourceFile !== null) items.push(`- Source: ${escapeMarkdownLine(meta.sourceFile)}`);
  if (meta.siteName !== null) items.push(`- Site: ${escapeMarkdownLine(meta.siteName)}`);
  if (meta.tags.length > 0) items.push(`- Tags: ${meta.tags.map((tag) => `#${tag}`).join(' ')}`);
  items.push(`- Saved: ${meta.importedAt}`, `- Margin id: ${meta.id}`);
  return items.join('\n');
}

/** Several articles in one file, each under its own heading. */
export const combinedMarkdownText = (articles: readonly ExportArticle[], options: MarkdownOptions): ExportText =>
  function* combined(sink) {
    const tags = new Set<string>();
    for (const article of articles) for (const tag of articleTags(article)) tags.add(tag);
    const properties = [
      frontMatterEntry('title', { kind: 'string', value: 'Margin notes' }),
      frontMatterEntry('exported', { kind: 'date', value: options.exportedAt }),
      frontMatterEntry('tags', { kind: 'list', value: [...tags].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) }),
      frontMatterEntry('margin-articles', { kind: 'list', value: articles.map((article) => article.meta.id) }),
    ];
    sink.write(renderFrontMatter(properties));
    sink.write(REGION_BEGIN);
    if (articles.length === 0) sink.write('\n\n_No articles to export._');
    let done = 0;
    for (const article of articles) {
      sink.write('\n\n');
      sink.write(heading(1, article.meta.title));
      sink.write('\n\n');
      sink.write(propertyList(article));
      for (const note of articleNoteBlock(article)) sink.write(`\n\n${note}`);
      sink.write('\n\n');
      writeHighlightsSection(sink, article, 2, options.attachments);
      yield ++done;
    }
    sink.write(`\n\n${REGION_END}\n`);
  };

export function combinedMarkdown(articles: readonly ExportArticle[], options: MarkdownOptions): string {
  return textOf(combinedMarkdownText(articles, options));
}

/**
 * One file per article, named after the title. When titles clash within one export, the later
 * articles get their id's first characters added to the name. To find an earlier export of an article whatever its file
 * is called, read its `margin-id` (see `marginIdOf`).
 */
export function markdownFiles(articles: readonly ExportArticle[], options: MarkdownOptions): ExportFile[] {
  const taken = new Set<string>();
  return articles.map((article) => {
    let name = exportFileName(article.meta.title, 'md');
    if (taken.has(name)) name = `${name.slice(0, -'.md'.length)}-${article.meta.id.slice(0, 8)}.md`;
    taken.add(name);
    return { name, content: articleMarkdown(article, options), articleId: article.meta.id };
  });
}
