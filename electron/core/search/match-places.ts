// Where in a found article its matches are, so a person can be taken to them: the title line,
// a note, a highlight, a passage of the text, each with a snippet marking the words found. Only
// the articles shown are looked at, and only for the index terms that matched them (ranking.ts).
import type { Reach } from './engine';
import { credit, hasNote, tagLine, type AnnotationEntry, type ArticleEntry, type DocKind } from './index-entries';
import { splitPassages } from './passages';
import type { ArticleHits } from './ranking';
import { snippetOf } from './snippet';
import { findTerms } from './terms';
import type { SearchMatch, SearchMatchKind, SearchResult, SearchSnippet } from './types';

/** Where a place's snippet comes from: the article text, or a note, a tag line, a title. */
interface Region {
  source: string;
  from: number;
  to: number;
  /** Distinct query terms found there. */
  distinct: number;
}

/** A place to show: the region a snippet comes from and how much of the query it holds. */
type Place = Region & ({ kind: 'title' | 'text' } | { kind: 'highlight' | 'note'; annotation: AnnotationEntry });

// A query word's own form beats a word it begins, which beats a near-miss.
const REACH_RANK: Readonly<Record<Reach, number>> = { exact: 0, prefix: 1, typo: 2 };
// How places of one kind rank against another holding as much of the query.
const KIND_RANK: Readonly<Record<SearchMatchKind, number>> = { title: 0, note: 1, highlight: 2, text: 3 };

const EMPTY_SNIPPET: SearchSnippet = { before: '', match: '', after: '' };

function distinctTerms(found: ReadonlyArray<{ term: string }>): number {
  return new Set(found.map((token) => token.term)).size;
}

/**
 * The terms to mark in each of an article's documents. Per query word, only the best way it
 * was reached in this article: where "cafe" itself is, "came" (one typo away) is not marked.
 */
function termsToMark(found: ArticleHits): Map<DocKind, Set<string>> {
  // Per document kind, each term with the word that reached it and how; a later hit of the same
  // term in the same kind stands for it, as the last one set would.
  const byKind = new Map<DocKind, Map<string, { word: number; rank: number }>>();
  for (const { kind, word, terms } of found.hits) {
    let reached = byKind.get(kind);
    if (reached === undefined) byKind.set(kind, (reached = new Map()));
    const expansions = found.expansions[word];
    for (const term of terms) reached.set(term, { word, rank: REACH_RANK[expansions?.get(term)?.reach ?? 'typo'] });
  }
  const best = new Map<number, number>();
  for (const reached of byKind.values()) {
    for (const { word, rank } of reached.values()) best.set(word, Math.min(best.get(word) ?? Infinity, rank));
  }
  const marked = new Map<DocKind, Set<string>>();
  for (const [kind, reached] of byKind) {
    const kept = [...reached].filter(([, { word, rank }]) => rank === best.get(word)).map(([term]) => term);
    if (kept.length > 0) marked.set(kind, new Set(kept));
  }
  return marked;
}

/**
 * An article found by `rank` as a result: its best `perArticle` places, snippets marked.
 * `text` gives the article's indexed text, or null when its file is lost.
 */
export async function describe(hits: ArticleHits, perArticle: number, text: (article: ArticleEntry) => Promise<string | null>): Promise<SearchResult> {
  const { article } = hits;
  const places: Place[] = [];
  const marked = termsToMark(hits);
  const allMarked = new Set<string>();
  for (const terms of marked.values()) for (const term of terms) allMarked.add(term);

  const titleTerms = marked.get('title');
  if (titleTerms !== undefined) {
    // The snippet comes from the first of title, byline and site, tags that holds a match.
    const sources = [article.title, credit(article), tagLine(article.tags)];
    const source = sources.find((candidate) => findTerms(candidate, titleTerms).length > 0) ?? article.title;
    places.push({ kind: 'title', source, from: 0, to: source.length, distinct: distinctTerms(findTerms(source, titleTerms)) });
  }

  const noteTerms = marked.get('notes');
  if (noteTerms !== undefined) {
    for (const annotation of article.annotations.values()) {
      if (!hasNote(annotation)) continue;
      const inNote = findTerms(annotation.note, noteTerms);
      const tags = tagLine(annotation.tags);
      const inTags = inNote.length > 0 ? [] : findTerms(tags, noteTerms);
      const source = inNote.length > 0 ? annotation.note : tags;
      const distinct = distinctTerms([...inNote, ...inTags]);
      if (distinct > 0) places.push({ kind: 'note', annotation, source, from: 0, to: source.length, distinct });
    }
  }

  const textTerms = marked.get('text');
  if (textTerms !== undefined) {
    const found = await text(article);
    // When the text is lost, the text matched but where is unknown until the article is indexed again.
    if (found === null) places.push({ kind: 'text', source: '', from: 0, to: 0, distinct: 0 });
    else places.push(...placesInText(article, found, textTerms));
  }

  places.sort((a, b) => b.distinct - a.distinct || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.from - b.from);
  const matches = places.slice(0, perArticle).map((place) => matchAt(place, allMarked));
  return {
    articleId: article.id,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    score: hits.score,
    matchCount: places.length,
    matches,
  };
}

/**
 * The passages of `text` holding a matched word, one place each: the highlight a matched word
 * is in, when there is one (it can be opened, and the person chose it), else the passage.
 */
function placesInText(article: ArticleEntry, text: string, terms: ReadonlySet<string>): Place[] {
  const found = findTerms(text, terms);
  if (found.length === 0) return [];
  const highlights = [...article.annotations.values()].filter((annotation) => annotation.end > annotation.start).sort((a, b) => a.start - b.start);
  const places: Place[] = [];
  let next = 0;
  // Highlights wholly before the passage being looked at; passages only move forward.
  let passed = 0;
  for (const passage of splitPassages(text)) {
    const inPassage: typeof found = [];
    while (next < found.length && (found[next]?.start ?? Infinity) < passage.end) {
      const token = found[next++];
      if (token !== undefined && token.start >= passage.start) inPassage.push(token);
    }
    if (inPassage.length === 0) continue;
    while (passed < highlights.length && (highlights[passed]?.end ?? Infinity) <= passage.start) passed++;
    let best: Place | null = null;
    for (let h = passed; h < highlights.length; h++) {
      const highlight = highlights[h];
      if (highlight === undefined || highlight.start >= passage.end) break;
      if (highlight.end <= passage.start) continue;
      const inside = inPassage.filter((token) => token.start >= highlight.start && token.end <= highlight.end);
      if (inside.length === 0) continue;
      const distinct = distinctTerms(inside);
      if (best === null || distinct > best.distinct) {
        best = { kind: 'highlight', annotation: highlight, source: text, from: highlight.start, to: highlight.end, distinct };
      }
    }
    places.push(best ?? { kind: 'text', source: text, from: passage.start, to: passage.end, distinct: distinctTerms(inPassage) });
  }
  return places;
}

function matchAt(place: Place, terms: ReadonlySet<string>): SearchMatch {
  const placed = place.to > place.from ? snippetOf(place.source, place.from, place.to, terms) : { snippet: EMPTY_SNIPPET, start: null, end: null };
  switch (place.kind) {
    case 'title':
      return { kind: 'title', start: 0, end: 0, snippet: placed.snippet };
    case 'text':
      return { kind: 'text', start: placed.start ?? place.from, end: placed.end ?? place.to, snippet: placed.snippet };
    case 'highlight':
    case 'note':
      return { kind: place.kind, annotationId: place.annotation.id, start: place.annotation.start, end: place.annotation.end, snippet: placed.snippet };
  }
}
