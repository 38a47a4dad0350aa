// The word index under search: MiniSearch (its tokenizing and term processing, `add`, `remove`,
// `discard`, `has`, `documentCount`), plus what a library-sized index needs that its public API
// lacks, built on the few internals minisearch-internals.ts names and checks (where its BM25
// scoring of a query word's terms is also redone without per-match objects):
// 1. Bounded term expansion: a query word stands for itself plus at most `cap` of its closest
//    completions and near-misses, rather than every word that starts like it or is near it.
// 2. A compact file form, read lazily: each word's documents are one short string (postings.ts)
//    until something first reads that word; most words of a library are never searched for,
//    and a save writes them back as they were read.
import { InternalsMiniSearch, type TermHit } from './minisearch-internals';
import { decodePostings, encodePostings, type Posting } from './postings';
import { indexTerm, splitWords } from './terms';

export interface IndexedDoc {
  id: string;
  body: string;
}

/** How a query word reached an index term: the word itself, a word it begins, a near-miss. */
export type Reach = 'exact' | 'prefix' | 'typo';

export interface Expansion {
  weight: number;
  reach: Reach;
}

/** The index as it goes to disk. */
export interface CompactEngine {
  /** [document id, number of words], numbered 0, 1, 2... by position; null for a discarded one. */
  documents: Array<[string, number] | null>;
  averageLength: number;
  terms: string[];
  /** For each term, its documents, encoded by postings.ts. */
  postings: string[];
}

// MiniSearch's own weights for a word found by prefix or by a typo, against 1 for the word itself.
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

export class Engine extends InternalsMiniSearch<IndexedDoc> {
  constructor() {
    super({
      fields: ['body'],
      tokenize: splitWords,
      processTerm: (word) => indexTerm(word) ?? undefined,
      // Vacuuming walks every word, which would decode them all; discarded documents are instead
      // skipped at search and dropped when the index is saved.
      autoVacuum: false,
    });
  }

  /**
   * The index terms a query term stands for, with their weights: the term itself (1) if indexed,
   * then, when asked, words it begins and words `maxDistance` edits away, the best `cap` of them
   * by weight (shorter completions, fewer edits) and then by how many documents hold them.
   */
  expand(term: string, prefix: boolean, maxDistance: number, cap: number): Map<string, Expansion> {
    const expansions = new Map<string, Expansion>();
    if (this.hasTerm(term)) expansions.set(term, { weight: 1, reach: 'exact' });
    const candidates: Array<{ term: string; documents: number } & Expansion> = [];
    if (prefix) {
      for (const [found, documents] of this.termsStartingWith(term)) {
        const distance = found.length - term.length;
        if (distance === 0) continue;
        const weight = (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance);
        candidates.push({ term: found, weight, reach: 'prefix', documents });
      }
    }
    if (maxDistance > 0) {
      for (const [found, distance, documents] of this.termsNear(term, maxDistance)) {
        // A word the query word begins is a completion, whatever its edit distance (as in MiniSearch).
        if (distance === 0 || (prefix && found.startsWith(term))) continue;
        const weight = (FUZZY_WEIGHT * found.length) / (found.length + distance);
        candidates.push({ term: found, weight, reach: 'typo', documents });
      }
    }
    candidates.sort((a, b) => b.weight - a.weight || b.documents - a.documents);
    for (const { term: found, weight, reach } of candidates) {
      if (expansions.size >= cap) break;
      if (!expansions.has(found)) expansions.set(found, { weight, reach });
    }
    return expansions;
  }

  /** Documents holding any of the given index terms, each term counted at its weight, best first. */
  searchTerms(expansions: ReadonlyMap<string, Expansion>, boostDocument: (id: string) => number): TermHit[] {
    if (expansions.size === 0) return [];
    return this.scoreTerms(
      [...expansions].map(([term, { weight }]) => [term, weight] as const),
      boostDocument,
    );
  }

  /**
   * The index in its file form. A document discarded since the last renumbering leaves a hole
   * (null) in `documents`, and words nothing has read since loading are copied as they were
   * read: a save after a few edits then costs little more than writing the file. Once holes
   * make up a quarter of the numbers, documents are renumbered 0..n-1 and every word rewritten
   * without them (saving is when the index is vacuumed).
   */
  toCompact(): CompactEngine {
    const table = this.documentTable();
    const holes = table.nextNumber - table.documents.size;
    const renumber = holes * 4 >= table.nextNumber && holes > 0;
    const numbers = new Map<number, number>();
    const documents: Array<[string, number] | null> = [];
    if (renumber) {
      for (const [shortId, document] of table.documents) {
        numbers.set(shortId, documents.length);
        documents.push(document);
      }
    } else {
      for (let shortId = 0; shortId < table.nextNumber; shortId++) {
        const document = table.documents.get(shortId);
        documents.push(document ?? null);
        if (document !== undefined) numbers.set(shortId, shortId);
      }
    }
    const terms: string[] = [];
    const postings: string[] = [];
    for (const [term, data] of this.termDocuments()) {
      if ('encoded' in data && !renumber) {
        // Entries for discarded documents stay until the next renumbering; searches skip them.
        terms.push(term);
        postings.push(data.encoded);
        continue;
      }
      const live: Posting[] = [];
      const keep = (shortId: number, count: number): void => {
        const at = numbers.get(shortId);
        if (at !== undefined) live.push([at, count]);
      };
      if ('encoded' in data) decodePostings(data.encoded, Number.MAX_SAFE_INTEGER, keep);
      else for (const [shortId, count] of data.counts) keep(shortId, count);
      if (live.length === 0) continue;
      live.sort((a, b) => a[0] - b[0]);
      terms.push(term);
      postings.push(encodePostings(live));
    }
    return { documents, averageLength: table.averageLength, terms, postings };
  }

  /** Reads `toCompact`'s form back; throws if it does not hold together. */
  static fromCompact(compact: CompactEngine): Engine {
    if (compact.terms.length !== compact.postings.length) throw new Error('terms and postings differ in number');
    const documents = new Map<number, [string, number]>();
    compact.documents.forEach((document, shortId) => {
      if (document !== null) documents.set(shortId, document);
    });
    const engine = new Engine();
    engine.restore(
      { nextNumber: compact.documents.length, documents, averageLength: compact.averageLength },
      compact.terms.map((term, i): [string, string] => [term, compact.postings[i] ?? '']),
    );
    return engine;
  }
}
