// Which articles a plain-word query finds, best first. Each query word stands for a bounded set
// of index terms (itself, words it begins, near-misses: engine.ts); MiniSearch scores the
// documents holding them (BM25), a title or a note counting more than the text; the scores are
// summed per article. Articles holding every word come first; when none does, those holding the
// most. What matched where is kept, so match-places.ts can show it without searching again.
import type { Engine, Expansion } from './engine';
import { articleOfDoc, kindOfDoc, type ArticleEntry, type DocKind } from './index-entries';
import { indexTerm, splitWords } from './terms';
import type { SearchOptions } from './types';

/** What matched in one article, gathered over the query's words. */
export interface ArticleHits {
  article: ArticleEntry;
  score: number;
  /** Which query words matched somewhere in the article, as bits. */
  words: number;
  /**
   * Each document hit: which of the article's documents, for which query word, with the index
   * terms it holds. Kept as found; only the articles shown need them sorted out (match-places.ts).
   */
  hits: Array<{ kind: DocKind; word: number; terms: readonly string[] }>;
  /** Per query word, the index terms it stood for and how it reached each. */
  expansions: ReadonlyArray<ReadonlyMap<string, Expansion>>;
}

export const MAX_QUERY_CHARS = 500;
// More words than this narrow nothing a person meant, and each costs a pass over the index.
const MAX_QUERY_WORDS = 12;
// A query word stands for at most this many index terms (itself, completions, near-misses).
const MAX_EXPANSIONS = 24;
// A title names what the article is about; a note is what the person thought of it.
const DOC_BOOST: Readonly<Record<DocKind, number>> = { title: 2, notes: 1.5, text: 1 };

/** Short words are left whole: as prefixes they match much of the vocabulary and say little. */
function prefixFor(term: string): boolean {
  return term.length >= 2;
}

/** One typo in a word of four or more letters, two from eight; shorter words must be spelt right. */
function fuzzyFor(term: string): number {
  if (term.length >= 8) return 2;
  return term.length >= 4 ? 1 : 0;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Articles holding every word of `query`, best first; when none holds them all, those holding the most. */
export function rank(engine: Engine, articles: ReadonlyMap<string, ArticleEntry>, query: string, filter: SearchOptions['filter']): ArticleHits[] {
  const words = [
    ...new Set(
      splitWords(query.slice(0, MAX_QUERY_CHARS))
        .map(indexTerm)
        .filter((term) => term !== null),
    ),
  ].slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return [];

  const byArticle = new Map<string, ArticleHits>();
  const boost = (id: string): number => DOC_BOOST[kindOfDoc(id) ?? 'text'];
  const expanded = words.map((word) => engine.expand(word, prefixFor(word), fuzzyFor(word), MAX_EXPANSIONS));
  expanded.forEach((expansions, i) => {
    for (const hit of engine.searchTerms(expansions, boost)) {
      const id = String(hit.id);
      const kind = kindOfDoc(id);
      const article = articles.get(articleOfDoc(id));
      if (kind === undefined || article === undefined) continue;
      let found = byArticle.get(article.id);
      if (found === undefined) {
        if (filter !== undefined && !filter(article.id)) continue;
        found = { article, score: 0, words: 0, hits: [], expansions: expanded };
        byArticle.set(article.id, found);
      }
      // Discarded documents' leftovers can push a word found everywhere below zero (BM25 rarity);
      // such a hit still counts as a match, it just adds nothing to the ranking.
      found.score += Math.max(0, hit.score);
      found.words |= 1 << i;
      found.hits.push({ kind, word: i, terms: hit.terms });
    }
  });

  const all = (1 << words.length) - 1;
  const hits = [...byArticle.values()];
  const complete = hits.filter((article) => article.words === all);
  return complete.length > 0
    ? complete.sort((a, b) => b.score - a.score)
    : hits.sort((a, b) => bitCount(b.words) - bitCount(a.words) || b.score - a.score);
}
