// Full-text search over a library: article titles, bylines and sites, article text (and so the
// highlighted passages in it), notes and tags. MiniSearch keeps the inverted index and ranks
// (BM25); this module decides what a document is, turns a query into bounded word expansions
// (prefix, typo, accents folded), places each hit in the text (a passage's offsets, a highlight's
// id) so a person can be taken to it, keeps the index in step with the library one change at a
// time, and persists it beside the library so opening Margin does not re-read every article.
//
// Each article is three MiniSearch documents, all with a single `body` field: its title (with
// byline, site and tags), its text, and its notes with their tags. Not one per paragraph and one
// per highlight, as first built: on a tenth of the benchmark library that made the index file
// three times larger and search p95 over 100 ms, because a common word had a posting for most of
// the documents. With three per article a word has at most three postings per article, and
// where it sits is found afterwards, only in the articles shown, by scanning their text; a match
// inside a highlight's range is reported as that highlight, so highlighted words need no
// documents of their own.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchResult as EngineHit } from 'minisearch';
import type { HighlightColor } from '../../shared/model';
import { Engine, type Expansion, type Reach } from './engine';
import {
  INDEX_FILE_NAME,
  INDEX_FORMAT,
  INDEX_VERSION,
  TEXT_DIR_NAME,
  readIndexFile,
  writeIndexFile,
  type AnnotationRecord,
  type FileWriter,
  type IndexFile,
} from './index-file';
import { parseSearchQuery, usesSyntax } from '../../shared/search-query';
import { splitPassages } from './passages';
import { searchQuery, type QuerySource } from './query-search';
import { snippetOf } from './snippet';
import { findTerms, indexTerm, splitWords } from './terms';
import { TextStore, isSafeId, stampOf, type TextStamp } from './text-store';
import type {
  SearchAnnotation,
  SearchArticle,
  SearchArticleMeta,
  SearchMatch,
  SearchMatchKind,
  SearchOptions,
  SearchResult,
  SearchSnippet,
} from './types';

export type IndexLoadState = 'loaded' | 'missing' | 'damaged';

export interface SearchIndexOptions {
  /** How the index file is written; tests pass one that fails. Durable (durable-write.ts) by default. */
  writeFile?: FileWriter;
}

interface AnnotationEntry {
  id: string;
  articleId: string;
  start: number;
  end: number;
  updatedAt: number;
  note: string;
  tags: string[];
  color: HighlightColor | null;
}

interface ArticleEntry {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  tags: string[];
  revision: number | null;
  updatedAt: number;
  text: TextStamp;
  /** The caller's fingerprint of the annotations indexed (see `isCurrent`); null when none was given. */
  annotationsStamp: string | null;
  annotations: Map<string, AnnotationEntry>;
}

/** The three documents of an article, by the letter that starts their id. */
type DocKind = 'title' | 'text' | 'notes';
const DOC_PREFIX: Readonly<Record<DocKind, string>> = { title: 't:', text: 'x:', notes: 'n:' };
const KIND_OF_PREFIX: Readonly<Record<string, DocKind>> = { t: 'title', x: 'text', n: 'notes' };
const docId = (kind: DocKind, articleId: string): string => `${DOC_PREFIX[kind]}${articleId}`;

// A title names what the article is about; a note is what the person thought of it.
const DOC_BOOST: Readonly<Record<DocKind, number>> = { title: 2, notes: 1.5, text: 1 };

/** What matched in one article, gathered over the query's words. */
interface ArticleHits {
  article: ArticleEntry;
  score: number;
  /** Which query words matched somewhere in the article, as bits. */
  words: number;
  /** For each of its documents that matched, the index terms that did: for which query word, how. */
  terms: Map<DocKind, Map<string, { word: number; reach: Reach }>>;
}

/** A place to show: the region a snippet comes from and how much of the query it holds. */
interface Place {
  kind: SearchMatchKind;
  annotation?: AnnotationEntry;
  /** The snippet's source and region: the article text, or a note, a tag line, a title. */
  source: string;
  from: number;
  to: number;
  /** Distinct query terms found there. */
  distinct: number;
}

const MAX_QUERY_CHARS = 500;
// More words than this narrow nothing a person meant, and each costs a pass over the index.
const MAX_QUERY_WORDS = 12;
const MAX_LIMIT = 500;
// A query word stands for at most this many index terms (itself, completions, near-misses).
const MAX_EXPANSIONS = 24;
// A query word's own form beats a word it begins, which beats a near-miss.
const REACH_RANK: Readonly<Record<Reach, number>> = { exact: 0, prefix: 1, typo: 2 };
// How places of one kind rank against another holding as much of the query.
const KIND_RANK: Readonly<Record<SearchMatchKind, number>> = { title: 0, note: 1, highlight: 2, text: 3 };

const EMPTY_SNIPPET: SearchSnippet = { before: '', match: '', after: '' };

/** Short words are left whole: as prefixes they match much of the vocabulary and say little. */
function prefixFor(term: string): boolean {
  return term.length >= 2;
}

/** One typo in a word of four or more letters, two from eight; shorter words must be spelt right. */
function fuzzyFor(term: string): number {
  if (term.length >= 8) return 2;
  return term.length >= 4 ? 1 : 0;
}

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? time : 0;
}

const present = (part: string | null): part is string => part !== null && part !== '';

function titleBody(meta: Pick<ArticleEntry, 'title' | 'byline' | 'siteName' | 'tags'>): string {
  return [meta.title, meta.byline, meta.siteName, meta.tags.join(' ')].filter(present).join('\n');
}

/** Whether the article's title document would read differently. */
function sameHeading(entry: ArticleEntry, meta: SearchArticleMeta): boolean {
  const tags = meta.tags ?? [];
  return (
    entry.title === meta.title &&
    entry.byline === meta.byline &&
    entry.siteName === meta.siteName &&
    entry.tags.length === tags.length &&
    entry.tags.every((tag, i) => tag === tags[i])
  );
}

function credit(article: ArticleEntry): string {
  return [article.byline, article.siteName].filter(present).join(' · ');
}

function tagLine(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(' ');
}

function hasNote(annotation: Pick<AnnotationEntry, 'note' | 'tags'>): boolean {
  return annotation.note.trim() !== '' || annotation.tags.length > 0;
}

function notesBody(article: ArticleEntry): string {
  return [...article.annotations.values()]
    .filter(hasNote)
    .map((annotation) => `${annotation.note}\n${annotation.tags.join(' ')}`)
    .join('\n');
}

function sameAnnotation(entry: AnnotationEntry, annotation: SearchAnnotation, range: { start: number; end: number }): boolean {
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
function placeIn(text: string, annotation: SearchAnnotation): { start: number; end: number } {
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

function distinctTerms(found: ReadonlyArray<{ term: string }>): number {
  return new Set(found.map((token) => token.term)).size;
}

export class SearchIndex {
  private engine = new Engine();
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly annotations = new Map<string, AnnotationEntry>();
  private readonly texts: TextStore;
  /** Articles whose text file is missing or stale: snippets suffer until they are upserted again. */
  private readonly textMissing = new Set<string>();
  private generation = 0;
  private savedGeneration = 0;
  /** After a rebuild, text files of articles no longer indexed are removed at the next save. */
  private sweepTexts = false;
  private rebuilt = false;
  private saving: Promise<unknown> = Promise.resolve();
  private state: IndexLoadState = 'missing';
  private problem: string | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly writeFile: FileWriter | undefined,
  ) {
    this.texts = new TextStore(join(dataDir, TEXT_DIR_NAME));
  }

  /** Loads `<dataDir>/search-index.json` when it is there and sound; otherwise starts empty. */
  static async open(dataDir: string, options: SearchIndexOptions = {}): Promise<SearchIndex> {
    const index = new SearchIndex(dataDir, options.writeFile);
    const read = await readIndexFile(index.path);
    if (read.state === 'loaded') {
      const problem = index.adopt(read.file);
      if (problem === null) index.state = 'loaded';
      else index.fail(problem);
    } else if (read.state === 'damaged') {
      index.fail(read.problem);
    }
    index.sweepTexts = index.state !== 'loaded';
    const listed = await index.texts.listed();
    for (const id of index.articles.keys()) if (!listed.has(id)) index.textMissing.add(id);
    return index;
  }

  get path(): string {
    return join(this.dataDir, INDEX_FILE_NAME);
  }

  /** How the file on disk was found when the index was opened. */
  get loadState(): IndexLoadState {
    return this.state;
  }

  /** Why a damaged index file was set aside, for a log line. */
  get loadProblem(): string | null {
    return this.problem;
  }

  /** True until `rebuild` runs when there was no sound index file to load. */
  get needsRebuild(): boolean {
    return this.state !== 'loaded' && !this.rebuilt;
  }

  /** Whether something changed since the last save (or load). */
  get changed(): boolean {
    return this.generation !== this.savedGeneration;
  }

  get articleCount(): number {
    return this.articles.size;
  }

  has(articleId: string): boolean {
    return this.articles.has(articleId);
  }

  articleIds(): string[] {
    return [...this.articles.keys()];
  }

  /**
   * Whether the index is behind this article as the library has it, judged without its text:
   * unknown article; different title, byline, site or tags; another `revision` (or, for a meta
   * without one, another `updatedAt`); a highlight added, removed or changed (by its
   * `updatedAt`); or its text file lost. For reconciling at start-up without reading every
   * article's text.
   */
  needsUpdate(article: { meta: SearchArticleMeta; annotations: readonly Pick<SearchAnnotation, 'id' | 'updatedAt'>[] }): boolean {
    const entry = this.articles.get(article.meta.id);
    if (entry === undefined || this.textMissing.has(entry.id)) return true;
    const { meta } = article;
    if (!sameHeading(entry, meta) || entry.annotations.size !== article.annotations.length) return true;
    if (meta.revision !== undefined ? entry.revision !== meta.revision : entry.updatedAt !== timeOf(meta.updatedAt)) return true;
    return article.annotations.some((annotation) => entry.annotations.get(annotation.id)?.updatedAt !== timeOf(annotation.updatedAt));
  }

  /**
   * Whether the index holds this article as it is, judged from its metadata and a fingerprint of
   * its annotations (anything that changes when they do, such as their file's signature) given
   * when it was last upserted or stamped: nothing is read. False means only "cannot tell without
   * reading them": `needsUpdate` then decides.
   */
  isCurrent(meta: SearchArticleMeta, annotationsStamp: string): boolean {
    const entry = this.articles.get(meta.id);
    if (entry === undefined || this.textMissing.has(entry.id) || entry.annotationsStamp !== annotationsStamp) return false;
    if (!sameHeading(entry, meta)) return false;
    return meta.revision !== undefined ? entry.revision === meta.revision : entry.updatedAt === timeOf(meta.updatedAt);
  }

  /** Records the fingerprint of annotations found already indexed (`needsUpdate` said so), for `isCurrent`. */
  stampAnnotations(articleId: string, annotationsStamp: string | null): void {
    const entry = this.articles.get(articleId);
    if (entry === undefined || entry.annotationsStamp === annotationsStamp) return;
    entry.annotationsStamp = annotationsStamp;
    this.touch();
  }

  /** Indexes an article with its highlights, or brings an indexed one up to date (only what changed). */
  upsertArticle(article: SearchArticle): void {
    const { meta, text } = article;
    if (!isSafeId(meta.id)) throw new Error(`Search index: unusable article id ${JSON.stringify(meta.id)}`);
    const stray = article.annotations.find((annotation) => annotation.articleId !== meta.id);
    if (stray !== undefined) throw new Error(`Search index: annotation ${stray.id} belongs to article ${stray.articleId}, not ${meta.id}`);

    const stamp = stampOf(text);
    let entry = this.articles.get(meta.id);
    // Saving rewrites the whole file, so an upsert that changes nothing should not ask for one.
    let changed = false;
    if (entry === undefined) {
      const tags = [...(meta.tags ?? [])];
      entry = { id: meta.id, title: meta.title, byline: meta.byline, siteName: meta.siteName, tags, revision: null, updatedAt: 0, text: stamp, annotationsStamp: null, annotations: new Map() };
      this.articles.set(entry.id, entry);
      this.engine.add({ id: docId('title', entry.id), body: titleBody(entry) });
      this.engine.add({ id: docId('text', entry.id), body: text });
      this.texts.put(entry.id, text);
      changed = true;
    } else {
      if (!sameHeading(entry, meta)) {
        // Removed with the words it was indexed with, so no trace of them is left in the index.
        this.engine.remove({ id: docId('title', entry.id), body: titleBody(entry) });
        this.engine.add({ id: docId('title', entry.id), body: titleBody({ ...meta, tags: [...(meta.tags ?? [])] }) });
        changed = true;
      }
      if (entry.text.hash !== stamp.hash || entry.text.length !== stamp.length) {
        // The old text is not at hand, so its document is discarded: its words' entries stay
        // (skipped by searches, slightly skewing word rarity) until a save renumbers (engine.ts).
        this.engine.replace({ id: docId('text', entry.id), body: text });
        entry.text = stamp;
        this.texts.put(entry.id, text);
        changed = true;
      } else if (this.textMissing.has(entry.id)) {
        this.texts.put(entry.id, text);
        changed = true;
      }
    }
    const revision = meta.revision ?? null;
    const updatedAt = timeOf(meta.updatedAt);
    if (entry.revision !== revision || entry.updatedAt !== updatedAt) changed = true;
    Object.assign(entry, { title: meta.title, byline: meta.byline, siteName: meta.siteName, tags: [...(meta.tags ?? [])], revision, updatedAt });
    this.textMissing.delete(entry.id);

    const notesBefore = notesBody(entry);
    const incoming = new Set(article.annotations.map((annotation) => annotation.id));
    for (const existing of [...entry.annotations.values()]) {
      if (incoming.has(existing.id)) continue;
      this.forgetAnnotation(existing);
      changed = true;
    }
    for (const annotation of article.annotations) {
      const range = placeIn(text, annotation);
      const previous = this.annotations.get(annotation.id);
      if (previous !== undefined && previous.articleId === entry.id && sameAnnotation(previous, annotation, range)) continue;
      if (previous !== undefined && previous.articleId !== entry.id) this.moveOut(previous);
      this.keepAnnotation(entry, annotation, range);
      changed = true;
    }
    this.syncNotes(entry, notesBefore);
    const annotationsStamp = article.annotationsStamp ?? null;
    if (entry.annotationsStamp !== annotationsStamp) {
      entry.annotationsStamp = annotationsStamp;
      changed = true;
    }
    if (changed) this.touch();
  }

  /** Forgets an article and its highlights. False if it was not indexed. */
  removeArticle(articleId: string): boolean {
    const entry = this.articles.get(articleId);
    if (entry === undefined) return false;
    const notes = notesBody(entry);
    for (const annotation of entry.annotations.values()) this.annotations.delete(annotation.id);
    this.engine.remove({ id: docId('title', articleId), body: titleBody(entry) });
    if (notes !== '') this.engine.remove({ id: docId('notes', articleId), body: notes });
    this.engine.discard(docId('text', articleId));
    this.articles.delete(articleId);
    this.texts.remove(articleId);
    this.textMissing.delete(articleId);
    this.touch();
    return true;
  }

  /**
   * Indexes a new or edited highlight of an indexed article; its position should be the library's
   * current one. False (and nothing done) if the article is not indexed: upsert the article.
   */
  upsertAnnotation(annotation: SearchAnnotation): boolean {
    const entry = this.articles.get(annotation.articleId);
    if (entry === undefined) return false;
    const previous = this.annotations.get(annotation.id);
    const range = { start: annotation.target.position.start, end: annotation.target.position.end };
    if (previous !== undefined && previous.articleId === entry.id && sameAnnotation(previous, annotation, range)) return true;
    if (previous !== undefined && previous.articleId !== entry.id) this.moveOut(previous);
    const before = notesBody(entry);
    this.keepAnnotation(entry, annotation, range);
    this.syncNotes(entry, before);
    // The annotations no longer match a fingerprint the caller gave: isCurrent must not vouch for them.
    entry.annotationsStamp = null;
    this.touch();
    return true;
  }

  /** Forgets a highlight and its note. False if it was not indexed. */
  removeAnnotation(annotationId: string): boolean {
    const existing = this.annotations.get(annotationId);
    if (existing === undefined) return false;
    const article = this.articles.get(existing.articleId);
    const before = article === undefined ? '' : notesBody(article);
    this.forgetAnnotation(existing);
    if (article !== undefined) {
      this.syncNotes(article, before);
      article.annotationsStamp = null;
    }
    this.touch();
    return true;
  }

  /**
   * Starts over from the library: for a missing or damaged index, or on request. Articles may be
   * streamed (an async iterable), so the caller need not hold every article's text at once.
   */
  async rebuild(articles: Iterable<SearchArticle> | AsyncIterable<SearchArticle>): Promise<void> {
    this.clear();
    this.texts.discardPending();
    this.sweepTexts = true;
    for await (const article of articles) this.upsertArticle(article);
    this.rebuilt = true;
    this.touch();
  }

  /**
   * Writes the index if it changed: article texts first, then the index file durably, so the
   * index never names a text that was not written. Saves run one after another. True if written.
   * The index is serialised in one go on the calling thread (see the benchmark for how long), so
   * call it when idle or after a burst of edits, not after every keystroke.
   */
  save(): Promise<boolean> {
    const run = this.saving.then(() => this.write());
    this.saving = run.catch(() => undefined);
    return run;
  }

  /** Writes the article texts waiting for the next save, so a long build holds none of them in memory. */
  flushTexts(): Promise<void> {
    const run = this.saving.then(() => this.texts.flush());
    this.saving = run.catch(() => undefined);
    return run;
  }

  /**
   * Articles holding every word of `query` (in their title, byline, site, text, notes or tags),
   * best first, each with its best few places and their snippets. When no article holds them
   * all, those holding the most of them. Words match by prefix and with a typo, accents and case
   * aside. A query with "phrases", -left-out words, tag: or color: (search-query.ts) is answered
   * by query-search.ts, which checks the candidates against their text.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? 20)));
    const perArticle = Math.max(1, Math.min(50, Math.floor(options.matchesPerArticle ?? 3)));
    const parsed = parseSearchQuery(query.slice(0, MAX_QUERY_CHARS));
    if (usesSyntax(parsed)) return searchQuery(this.querySource(perArticle), parsed, { limit, perArticle, filter: options.filter, colorLabels: options.colorLabels });
    return Promise.all(this.rank(query, options.filter).slice(0, limit).map((article) => this.describe(article, perArticle)));
  }

  // ---- Searching ------------------------------------------------------------------------------

  /** Articles holding every word of `query`, best first; when none holds them all, those holding the most. */
  private rank(query: string, filter: SearchOptions['filter']): ArticleHits[] {
    const words = [
      ...new Set(
        splitWords(query.slice(0, MAX_QUERY_CHARS))
          .map(indexTerm)
          .filter((term) => term !== null),
      ),
    ].slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return [];

    const byArticle = new Map<string, ArticleHits>();
    const boost = (id: string): number => DOC_BOOST[KIND_OF_PREFIX[id.charAt(0)] ?? 'text'];
    words.forEach((word, i) => {
      const expansions = this.engine.expand(word, prefixFor(word), fuzzyFor(word), MAX_EXPANSIONS);
      for (const hit of this.engine.searchTerms(expansions, boost)) this.gather(byArticle, hit, i, expansions, filter);
    });

    const all = (1 << words.length) - 1;
    const hits = [...byArticle.values()];
    const complete = hits.filter((article) => article.words === all);
    const bitCount = (bits: number): number => bits.toString(2).replace(/0/gu, '').length;
    return complete.length > 0
      ? complete.sort((a, b) => b.score - a.score)
      : hits.sort((a, b) => bitCount(b.words) - bitCount(a.words) || b.score - a.score);
  }

  /** What query-search.ts checks a query with syntax against: candidates, every article, their texts. */
  private querySource(perArticle: number): QuerySource {
    return {
      rank: (words, filter) => this.rank(words, filter).map((hits) => ({ article: hits.article, score: hits.score, describe: () => this.describe(hits, perArticle) })),
      articles: () => this.articles.values(),
      text: async (articleId) => {
        const article = this.articles.get(articleId);
        if (article === undefined) return null;
        const text = await this.texts.get(article.id, article.text);
        if (text === null) this.textMissing.add(article.id);
        return text;
      },
    };
  }

  private gather(byArticle: Map<string, ArticleHits>, hit: EngineHit, word: number, expansions: ReadonlyMap<string, Expansion>, filter: SearchOptions['filter']): void {
    const id = hit.id as string;
    const kind = KIND_OF_PREFIX[id.charAt(0)];
    const article = this.articles.get(id.slice(2));
    if (kind === undefined || article === undefined) return;
    let found = byArticle.get(article.id);
    if (found === undefined) {
      if (filter !== undefined && !filter(article.id)) return;
      found = { article, score: 0, words: 0, terms: new Map() };
      byArticle.set(article.id, found);
    }
    // Discarded documents' leftovers can push a word found everywhere below zero (BM25 rarity);
    // such a hit still counts as a match, it just adds nothing to the ranking.
    found.score += Math.max(0, hit.score);
    found.words |= 1 << word;
    let terms = found.terms.get(kind);
    if (terms === undefined) found.terms.set(kind, (terms = new Map()));
    for (const term of hit.terms) terms.set(term, { word, reach: expansions.get(term)?.reach ?? 'typo' });
  }

  /**
   * The terms to mark in each of an article's documents. Per query word, only the best way it
   * was reached in this article: where "cafe" itself is, "came" (one typo away) is not marked.
   */
  private termsToMark(hits: ArticleHits): Map<DocKind, Set<string>> {
    const best = new Map<number, number>();
    for (const terms of hits.terms.values()) {
      for (const { word, reach } of terms.values()) best.set(word, Math.min(best.get(word) ?? Infinity, REACH_RANK[reach]));
    }
    const marked = new Map<DocKind, Set<string>>();
    for (const [kind, terms] of hits.terms) {
      const kept = [...terms].filter(([, { word, reach }]) => REACH_RANK[reach] === best.get(word)).map(([term]) => term);
      if (kept.length > 0) marked.set(kind, new Set(kept));
    }
    return marked;
  }

  private async describe(hits: ArticleHits, perArticle: number): Promise<SearchResult> {
    const { article } = hits;
    const places: Place[] = [];
    const marked = this.termsToMark(hits);
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
      const text = await this.texts.get(article.id, article.text);
      if (text === null) {
        this.textMissing.add(article.id);
        // The text matched, but where is unknown until the article is indexed again.
        places.push({ kind: 'text', source: '', from: 0, to: 0, distinct: 0 });
      } else {
        places.push(...this.placesInText(article, text, textTerms));
      }
    }

    places.sort((a, b) => b.distinct - a.distinct || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.from - b.from);
    const matches = places.slice(0, perArticle).map((place) => this.matchAt(place, allMarked));
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
  private placesInText(article: ArticleEntry, text: string, terms: ReadonlySet<string>): Place[] {
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
        const highlight = highlights[h] as AnnotationEntry;
        if (highlight.start >= passage.end) break;
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

  private matchAt(place: Place, terms: ReadonlySet<string>): SearchMatch {
    const placed = place.to > place.from ? snippetOf(place.source, place.from, place.to, terms) : { snippet: EMPTY_SNIPPET, start: null, end: null };
    switch (place.kind) {
      case 'title':
        return { kind: 'title', start: 0, end: 0, snippet: placed.snippet };
      case 'text':
        return { kind: 'text', start: placed.start ?? place.from, end: placed.end ?? place.to, snippet: placed.snippet };
      case 'highlight':
      case 'note': {
        const annotation = place.annotation as AnnotationEntry;
        return { kind: place.kind, annotationId: annotation.id, start: annotation.start, end: annotation.end, snippet: placed.snippet };
      }
    }
  }

  // ---- Keeping documents ----------------------------------------------------------------------

  private keepAnnotation(article: ArticleEntry, annotation: SearchAnnotation, range: { start: number; end: number }): void {
    const { id, note, tags } = annotation;
    this.keep(article, { id, articleId: article.id, start: range.start, end: range.end, updatedAt: timeOf(annotation.updatedAt), note, tags: [...tags], color: annotation.color ?? null });
  }

  private keep(article: ArticleEntry, entry: AnnotationEntry): void {
    article.annotations.set(entry.id, entry);
    this.annotations.set(entry.id, entry);
  }

  /** Takes a highlight out of the article it was in (its id now names one in another article). */
  private moveOut(entry: AnnotationEntry): void {
    const article = this.articles.get(entry.articleId);
    const before = article === undefined ? '' : notesBody(article);
    this.forgetAnnotation(entry);
    if (article !== undefined) {
      this.syncNotes(article, before);
      article.annotationsStamp = null;
    }
  }

  private forgetAnnotation(entry: AnnotationEntry): void {
    this.articles.get(entry.articleId)?.annotations.delete(entry.id);
    this.annotations.delete(entry.id);
  }

  /** Re-indexes an article's notes document when its notes or tags changed. */
  private syncNotes(article: ArticleEntry, before: string): void {
    const body = notesBody(article);
    const id = docId('notes', article.id);
    const indexed = this.engine.has(id);
    if (body === before && indexed === (body !== '')) return;
    if (indexed) this.engine.remove({ id, body: before });
    if (body !== '') this.engine.add({ id, body });
  }

  private touch(): void {
    this.generation++;
  }

  private clear(): void {
    this.engine = new Engine();
    this.articles.clear();
    this.annotations.clear();
    this.textMissing.clear();
  }

  private fail(problem: string): void {
    this.clear();
    this.state = 'damaged';
    this.problem = problem;
  }

  // ---- On disk --------------------------------------------------------------------------------

  private async write(): Promise<boolean> {
    if (!this.changed) return false;
    const generation = this.generation;
    const sweep = this.sweepTexts;
    // Taken at once, in new arrays, so later changes wait for the next save rather than half-joining this one.
    const file = this.toFile();
    await this.texts.flush(sweep ? new Set(this.articles.keys()) : undefined);
    await mkdir(this.dataDir, { recursive: true });
    await writeIndexFile(this.path, file, this.writeFile);
    this.savedGeneration = generation;
    if (sweep) {
      this.sweepTexts = false;
      // An index just built holds every word's documents as open maps, several times what the
      // file form takes; the app would keep them for as long as it runs. If nothing changed
      // while saving, the engine is swapped for the file form just written, as a later start
      // would load it.
      if (this.generation === generation) this.engine = Engine.fromCompact(file.engine);
    }
    return true;
  }

  private toFile(): IndexFile {
    const articles = [...this.articles.values()].map((entry) => ({
      id: entry.id,
      title: entry.title,
      byline: entry.byline,
      siteName: entry.siteName,
      tags: entry.tags,
      revision: entry.revision,
      updatedAt: entry.updatedAt,
      text: entry.text,
      annotationsStamp: entry.annotationsStamp,
      annotations: [...entry.annotations.values()].map((a): AnnotationRecord => [a.id, a.start, a.end, a.updatedAt, a.note, a.tags, a.color]),
    }));
    return { format: INDEX_FORMAT, version: INDEX_VERSION, articles, engine: this.engine.toCompact() };
  }

  /** Takes in a loaded file, or says what is wrong with it (leaving the index to be cleared). */
  private adopt(file: IndexFile): string | null {
    try {
      this.engine = Engine.fromCompact(file.engine);
    } catch (error) {
      return `the index does not hold together: ${(error as Error).message}`;
    }
    let documents = 0;
    for (const record of file.articles) {
      if (!isSafeId(record.id) || this.articles.has(record.id)) return `bad or repeated article id ${record.id}`;
      const entry: ArticleEntry = { ...record, annotationsStamp: record.annotationsStamp ?? null, annotations: new Map() };
      this.articles.set(entry.id, entry);
      for (const [id, start, end, updatedAt, note, tags, color] of record.annotations) {
        if (this.annotations.has(id) || end < start) return `annotation ${id}: repeated or out of range`;
        this.keep(entry, { id, articleId: entry.id, start, end, updatedAt, note, tags, color });
      }
      const expected: DocKind[] = notesBody(entry) === '' ? ['title', 'text'] : ['title', 'text', 'notes'];
      const missing = expected.find((kind) => !this.engine.has(docId(kind, entry.id)));
      if (missing !== undefined) return `article ${entry.id}: its ${missing} is not indexed`;
      documents += expected.length;
    }
    if (documents !== this.engine.documentCount) return `${this.engine.documentCount - documents} indexed documents belong to no article`;
    return null;
  }
}
