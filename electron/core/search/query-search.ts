// Answers a query that uses search syntax ("a phrase", -word, tag:, color:). The word index only
// proposes candidates (articles holding the words, best first); each is then checked against its
// actual text, kept beside the index, so a phrase is found only where its words stand together
// and a left-out word is looked for where a person would see it. Snippets mark what was found.
//
// Without tag: or color:, results are articles, as for plain words: every phrase must be in the
// article (title, byline, site and tags, text, or a note), no left-out word or phrase anywhere in
// it; a query of only left-out words and phrases lists every article holding none of them, newest
// first. With tag: or color:, results are the highlights that carry the tags and colour, grouped
// by article; the other words, phrases and left-out words then apply to the highlight itself: its
// passage, its note and its tags.
import { HIGHLIGHT_COLORS, type ColorLabels, type HighlightColor } from '../../shared/model';
import { filtersHighlights, type SearchQuery } from '../../shared/search-query';
import { splitPassages } from './passages';
import { findPhrase, foldName, holdsPhrase, holdsWordStart, termsOf, type Span } from './query-match';
import { snippetAround } from './snippet';
import type { SearchMatch, SearchResult } from './types';

export interface QueryHighlight {
  id: string;
  start: number;
  end: number;
  updatedAt: number;
  note: string;
  tags: readonly string[];
  color: HighlightColor | null;
}

export interface QueryArticle {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  tags: readonly string[];
  /** When the article last changed: a search of only left-out words lists the newest first. */
  updatedAt: number;
  annotations: ReadonlyMap<string, QueryHighlight>;
}

/** What the index offers this module: ranked candidates, every article, and their texts. */
export interface QuerySource {
  /** Articles holding the words (see SearchIndex.search), best first, with their plain-word result. */
  rank(words: string, filter?: (articleId: string) => boolean): Array<{ article: QueryArticle; score: number; describe(): Promise<SearchResult> }>;
  articles(): Iterable<QueryArticle>;
  /** The article's text as indexed, or null when its file is lost (the article cannot be checked). */
  text(articleId: string): Promise<string | null>;
}

export interface QueryOptions {
  limit: number;
  perArticle: number;
  filter?: (articleId: string) => boolean;
  colorLabels?: ColorLabels;
}

/** A place found, before it becomes a SearchMatch. */
interface Found {
  kind: SearchMatch['kind'];
  rank: number;
  highlight?: QueryHighlight;
  source: string;
  from: number;
  to: number;
  mark: Span;
}

const KIND_RANK: Readonly<Record<SearchMatch['kind'], number>> = { title: 0, note: 1, highlight: 2, text: 3 };

const present = (part: string | null): part is string => part !== null && part !== '';

function headOf(article: QueryArticle): string {
  return [article.title, article.byline, article.siteName, article.tags.join(' ')].filter(present).join('\n');
}

function notesOf(highlight: QueryHighlight): string {
  return `${highlight.note}\n${highlight.tags.join(' ')}`;
}

/** The colours a query's colour names stand for: a colour's key, or its name in the legend. */
function colorsNamed(names: readonly string[], labels: ColorLabels): Set<HighlightColor> {
  const colors = new Set<HighlightColor>();
  for (const name of names.map(foldName)) {
    for (const color of HIGHLIGHT_COLORS) {
      const label = labels[color];
      if (foldName(color) === name || (label !== undefined && foldName(label) === name)) colors.add(color);
    }
  }
  return colors;
}

function toResult(article: QueryArticle, score: number, found: Found[], perArticle: number): SearchResult {
  found.sort((a, b) => a.rank - b.rank || a.mark.start - b.mark.start);
  const matches = found.slice(0, perArticle).map((place): SearchMatch => {
    const { snippet } = snippetAround(place.source, place.from, place.to, place.mark.start, place.mark.end);
    if (place.kind === 'title') return { kind: 'title', start: 0, end: 0, snippet };
    if (place.highlight === undefined) return { kind: place.kind, start: place.mark.start, end: place.mark.end, snippet };
    return { kind: place.kind, annotationId: place.highlight.id, start: place.highlight.start, end: place.highlight.end, snippet };
  });
  return { articleId: article.id, title: article.title, byline: article.byline, siteName: article.siteName, score, matchCount: found.length, matches };
}

/** The line of `text` holding `at`, as offsets. */
function lineAround(text: string, at: number): Span {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return { start, end: end === -1 ? text.length : end };
}

class QueryPlan {
  readonly words: string[];
  readonly phrases: string[][];
  readonly excluded: string[][];

  constructor(readonly query: SearchQuery) {
    this.words = query.words.flatMap(termsOf);
    this.phrases = query.phrases.map(termsOf).filter((terms) => terms.length > 0);
    this.excluded = [...query.excludedWords, ...query.excludedPhrases].map(termsOf).filter((terms) => terms.length > 0);
  }

  /** Whether any of `sources` holds a left-out word or phrase. */
  excludes(sources: readonly string[]): boolean {
    return this.excluded.some((terms) => sources.some((source) => holdsPhrase(source, terms)));
  }
}

async function searchArticles(source: QuerySource, plan: QueryPlan, options: QueryOptions): Promise<SearchResult[]> {
  const positive = [...plan.query.words, ...plan.query.phrases].join(' ');
  if (termsOf(positive).length === 0) return plan.excluded.length > 0 ? articlesWithout(source, plan, options) : [];
  const results: SearchResult[] = [];
  for (const candidate of source.rank(positive, options.filter)) {
    if (results.length >= options.limit) break;
    const { article } = candidate;
    const text = await source.text(article.id);
    if (text === null) continue;
    const head = headOf(article);
    const noted = [...article.annotations.values()].filter((highlight) => highlight.note.trim() !== '' || highlight.tags.length > 0);
    const notes = noted.map(notesOf);
    if (plan.excludes([head, text, ...notes])) continue;
    if (!plan.phrases.every((terms) => holdsPhrase(head, terms) || holdsPhrase(text, terms) || notes.some((note) => holdsPhrase(note, terms)))) continue;
    if (plan.phrases.length === 0) {
      results.push(await candidate.describe());
      continue;
    }
    results.push(toResult(article, candidate.score, phrasePlaces(article, text, head, noted, plan.phrases), options.perArticle));
  }
  return results;
}

/**
 * Every article holding none of the left-out words, newest first: a search of only -words filters
 * the whole library, as it does in mail and code search. Nothing was found, so nothing is marked.
 */
async function articlesWithout(source: QuerySource, plan: QueryPlan, options: QueryOptions): Promise<SearchResult[]> {
  const articles = [...source.articles()].filter((article) => options.filter === undefined || options.filter(article.id));
  articles.sort((a, b) => b.updatedAt - a.updatedAt);
  const results: SearchResult[] = [];
  for (const article of articles) {
    if (results.length >= options.limit) break;
    const text = await source.text(article.id);
    if (text === null) continue;
    const notes = [...article.annotations.values()].filter((highlight) => highlight.note.trim() !== '' || highlight.tags.length > 0).map(notesOf);
    if (plan.excludes([headOf(article), text, ...notes])) continue;
    results.push({ articleId: article.id, title: article.title, byline: article.byline, siteName: article.siteName, score: 0, matchCount: 0, matches: [] });
  }
  return results;
}

/** Every place a phrase was found: one per title line, note, highlight and passage of the text. */
function phrasePlaces(article: QueryArticle, text: string, head: string, noted: readonly QueryHighlight[], phrases: readonly string[][]): Found[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  const once = (key: string, place: Found): void => {
    if (seen.has(key)) return;
    seen.add(key);
    found.push(place);
  };
  const highlights = [...article.annotations.values()].filter((highlight) => highlight.end > highlight.start);
  const passages = splitPassages(text);
  for (const terms of phrases) {
    for (const mark of findPhrase(head, terms)) {
      const line = lineAround(head, mark.start);
      once(`title:${line.start}`, { kind: 'title', rank: KIND_RANK.title, source: head, from: line.start, to: line.end, mark });
    }
    for (const highlight of noted) {
      const [mark] = findPhrase(highlight.note, terms);
      if (mark !== undefined) once(`note:${highlight.id}`, { kind: 'note', rank: KIND_RANK.note, highlight, source: highlight.note, from: 0, to: highlight.note.length, mark });
    }
    for (const mark of findPhrase(text, terms)) {
      const highlight = highlights.find((candidate) => candidate.start <= mark.start && mark.end <= candidate.end);
      if (highlight !== undefined) {
        once(`highlight:${highlight.id}`, { kind: 'highlight', rank: KIND_RANK.highlight, highlight, source: text, from: highlight.start, to: highlight.end, mark });
        continue;
      }
      const passage = passages.find((candidate) => candidate.start <= mark.start && mark.start < candidate.end) ?? { start: mark.start, end: mark.end };
      once(`text:${passage.start}`, { kind: 'text', rank: KIND_RANK.text, source: text, from: passage.start, to: Math.max(passage.end, mark.end), mark });
    }
  }
  return found;
}

/** The most recent change among `highlights`; a loop, since an article may hold more than a spread call takes. */
function latestOf(highlights: readonly QueryHighlight[]): number {
  let latest = -Infinity;
  for (const highlight of highlights) if (highlight.updatedAt > latest) latest = highlight.updatedAt;
  return latest;
}

async function searchHighlights(source: QuerySource, plan: QueryPlan, options: QueryOptions): Promise<SearchResult[]> {
  const { query } = plan;
  const tags = query.tags.map(foldName);
  const excludedTags = query.excludedTags.map(foldName);
  const colors = query.colors.length === 0 ? null : colorsNamed(query.colors, options.colorLabels ?? {});
  const excludedColors = colorsNamed(query.excludedColors, options.colorLabels ?? {});
  const chosen = (highlight: QueryHighlight): boolean => {
    const own = highlight.tags.map(foldName);
    if (!tags.every((tag) => own.includes(tag)) || excludedTags.some((tag) => own.includes(tag))) return false;
    if (highlight.color !== null && excludedColors.has(highlight.color)) return false;
    return colors === null || (highlight.color !== null && colors.has(highlight.color));
  };

  const candidates: Array<{ article: QueryArticle; highlights: QueryHighlight[]; latest: number }> = [];
  for (const article of source.articles()) {
    if (options.filter !== undefined && !options.filter(article.id)) continue;
    const highlights = [...article.annotations.values()].filter(chosen);
    if (highlights.length > 0) candidates.push({ article, highlights, latest: latestOf(highlights) });
  }
  // Most recently touched first, as a person looking through their tagged highlights expects.
  candidates.sort((a, b) => b.latest - a.latest);

  const results: SearchResult[] = [];
  for (const { article, highlights } of candidates) {
    if (results.length >= options.limit) break;
    const text = await source.text(article.id);
    if (text === null) continue;
    const found: Found[] = [];
    for (const highlight of highlights.sort((a, b) => a.start - b.start)) {
      const place = highlightPlace(text, highlight, plan);
      if (place !== null) found.push(place);
    }
    if (found.length > 0) results.push(toResult(article, found.length, found, options.perArticle));
  }
  return results;
}

/** The highlight as a match when its passage, note and tags satisfy the query's words; else null. */
function highlightPlace(text: string, highlight: QueryHighlight, plan: QueryPlan): Found | null {
  const quote = text.slice(highlight.start, highlight.end);
  const notes = notesOf(highlight);
  if (plan.excludes([quote, notes])) return null;
  if (!plan.words.every((term) => holdsWordStart(quote, term) || holdsWordStart(notes, term))) return null;
  if (!plan.phrases.every((terms) => holdsPhrase(quote, terms) || holdsPhrase(notes, terms))) return null;
  const inQuote = (span: Span): Span => ({ start: highlight.start + span.start, end: highlight.start + span.end });
  const highlighted = (mark: Span): Found => ({ kind: 'highlight', rank: 0, highlight, source: text, from: highlight.start, to: highlight.end, mark });
  for (const terms of plan.phrases) {
    const [inText] = findPhrase(quote, terms);
    if (inText !== undefined) return highlighted(inQuote(inText));
    const [inNote] = findPhrase(highlight.note, terms);
    if (inNote !== undefined) return { kind: 'note', rank: 0, highlight, source: highlight.note, from: 0, to: highlight.note.length, mark: inNote };
  }
  // No phrase to mark: the whole highlight is what was found.
  return highlighted({ start: highlight.start, end: highlight.end });
}

/** Results for a query using search syntax; plain words alone are answered by SearchIndex. */
export function searchQuery(source: QuerySource, query: SearchQuery, options: QueryOptions): Promise<SearchResult[]> {
  const plan = new QueryPlan(query);
  return filtersHighlights(query) ? searchHighlights(source, plan, options) : searchArticles(source, plan, options);
}
