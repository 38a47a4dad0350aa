// What the search index keeps of each article and highlight, and how an article becomes its
// three word-index documents, all with a single `body` field: its title (with byline, site and
// tags), its text, and its notes with their tags. A word then has at most three postings per
// article; one document per paragraph and per highlight would make a common word hold a posting
// for most of the library (an index file three times larger and search p95 over 100 ms on a
// tenth of the benchmark library). Where a word sits is found afterwards, only in the articles
// shown, by scanning their text (match-places.ts); a match inside a highlight's range is
// reported as that highlight, so highlighted words need no documents of their own.
import type { HighlightColor } from '../../shared/model';
import type { TextStamp } from './text-store';
import type { SearchAnnotation, SearchArticleMeta } from './types';

export interface AnnotationEntry {
  id: string;
  articleId: string;
  start: number;
  end: number;
  updatedAt: number;
  note: string;
  tags: string[];
  color: HighlightColor | null;
}

export interface ArticleEntry {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  tags: string[];
  revision: number | null;
  updatedAt: number;
  text: TextStamp;
  /** The caller's fingerprint of the annotations indexed (see `SearchIndex.isCurrent`); null when none was given. */
  annotationsStamp: string | null;
  annotations: Map<string, AnnotationEntry>;
}

/** The three documents of an article, by the letter that starts their id. */
export type DocKind = 'title' | 'text' | 'notes';
const DOC_PREFIX: Readonly<Record<DocKind, string>> = { title: 't:', text: 'x:', notes: 'n:' };
const KIND_OF_PREFIX: Readonly<Record<string, DocKind>> = { t: 'title', x: 'text', n: 'notes' };

export const docId = (kind: DocKind, articleId: string): string => `${DOC_PREFIX[kind]}${articleId}`;

/** The kind of document an id names, or undefined for an id no article document has. */
export const kindOfDoc = (id: string): DocKind | undefined => KIND_OF_PREFIX[id.charAt(0)];

/** The article a document id belongs to. */
export const articleOfDoc = (id: string): string => id.slice(2);

export function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? time : 0;
}

const present = (part: string | null): part is string => part !== null && part !== '';

export function titleBody(meta: Pick<ArticleEntry, 'title' | 'byline' | 'siteName' | 'tags'>): string {
  return [meta.title, meta.byline, meta.siteName, meta.tags.join(' ')].filter(present).join('\n');
}

export function credit(article: ArticleEntry): string {
  return [article.byline, article.siteName].filter(present).join(' · ');
}

export function tagLine(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(' ');
}

export function hasNote(annotation: Pick<AnnotationEntry, 'note' | 'tags'>): boolean {
  return annotation.note.trim() !== '' || annotation.tags.length > 0;
}

export function notesBody(article: ArticleEntry): string {
  return [...article.annotations.values()]
    .filter(hasNote)
    .map((annotation) => `${annotation.note}\n${annotation.tags.join(' ')}`)
    .join('\n');
}

/** Whether the article's title document would read differently. */
export function sameHeading(entry: ArticleEntry, meta: SearchArticleMeta): boolean {
  const tags = meta.tags ?? [];
  return (
    entry.title === meta.title &&
    entry.byline === meta.byline &&
    entry.siteName === meta.siteName &&
    entry.tags.length === tags.length &&
    entry.tags.every((tag, i) => tag === tags[i])
  );
}

export function sameAnnotation(entry: AnnotationEntry, annotation: SearchAnnotation, range: { start: number; end: number }): boolean {
  return (
    entry.start === range.start &&
    entry.end === range.end &&
    entry.updatedAt === timeOf(annotation.updatedAt) &&
    entry.note === annotation.note &&
    entry.color === (annotation.color ?? null) &&
    entry.tags.length === annotation.tags.length &&
    entry.tags.every((tag, i) => tag === annotation.tags[i])
  );
}

/**
 * Where a highlight is in `text`. The library's position is trusted when it holds the quote;
 * otherwise the occurrence of the quote nearest to it, so a match inside it is recognised.
 */
export function placeIn(text: string, annotation: SearchAnnotation): { start: number; end: number } {
  const { exact } = annotation.target.quote;
  const { start, end } = annotation.target.position;
  if (text.slice(start, end) === exact) return { start, end };
  const after = text.indexOf(exact, start);
  const before = text.lastIndexOf(exact, start);
  const nearest = before === -1 ? after : after === -1 ? before : start - before <= after - start ? before : after;
  if (nearest !== -1) return { start: nearest, end: nearest + exact.length };
  const from = Math.min(start, text.length);
  return { start: from, end: Math.max(from, Math.min(end, text.length)) };
}
