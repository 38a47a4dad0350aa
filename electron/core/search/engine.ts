// MiniSearch, with what a library-sized index needs and its public API lacks. It uses MiniSearch's
// protected fields, which is what they are there for (a subclass may use them); minisearch is
// pinned to an exact version, and the tests exercise every path here, so a change in its
// internals fails loudly rather than quietly.
//
// 1. Bounded term expansion. MiniSearch's own prefix and fuzzy search score every word that
//    starts like the query word or is near it: a short prefix in a large library is thousands of
//    words and their documents, hundreds of milliseconds. Here a query word stands for itself
//    plus at most `cap` of its closest completions and near-misses.
// 2. A compact, fast file form, read lazily. `toJSON`/`loadJS` write each word's documents as an
//    object keyed by number and rebuild every map at load. Measured on 1,000 articles and 100,000
//    highlights: a 20 MB file, over three seconds to load, and about 90 MB of heap in maps. Here
//    each word's documents are one short string (postings.ts), turned into MiniSearch's map only
//    when something first reads that word; most words of a library are never searched for, and
//    a save writes them back as they were read.
import MiniSearch, { type SearchResult } from 'minisearch';
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
// Every indexed document has one field, `body` (see search-index.ts), so MiniSearch numbers it 0.
const BODY = 0;

type DocumentFreqs = Map<number, number>;

/**
 * One word's entry in MiniSearch's index (field number -> documents -> count), holding its
 * encoded documents until MiniSearch first reads it: any read or write decodes it into the
 * plain map MiniSearch expects, so MiniSearch never sees the difference.
 */
class StoredTerm extends Map<number, DocumentFreqs> {
  private encoded: string | null;

  constructor(
    encoded: string,
    /** How many documents hold the word, known without decoding. */
    readonly storedCount: number,
    private readonly documentCount: number,
  ) {
    super();
    this.encoded = encoded;
  }

  /** The encoded documents, while nothing has read them. */
  get untouched(): string | null {
    return this.encoded;
  }

  open(): void {
    if (this.encoded === null) return;
    const freqs: DocumentFreqs = new Map();
    decodePostings(this.encoded, this.documentCount, (document, count) => freqs.set(document, count));
    this.encoded = null;
    super.set(BODY, freqs);
  }

  override get(key: number): DocumentFreqs | undefined {
    this.open();
    return super.get(key);
  }

  override has(key: number): boolean {
    this.open();
    return super.has(key);
  }

  override set(key: number, value: DocumentFreqs): this {
    this.open();
    return super.set(key, value);
  }

  override delete(key: number): boolean {
    this.open();
    return super.delete(key);
  }

  override clear(): void {
    this.encoded = null;
    super.clear();
  }

  override forEach(each: (value: DocumentFreqs, key: number, map: Map<number, DocumentFreqs>) => void, thisArg?: unknown): void {
    this.open();
    super.forEach(each, thisArg);
  }

  override entries(): MapIterator<[number, DocumentFreqs]> {
    this.open();
    return super.entries();
  }

  override keys(): MapIterator<number> {
    this.open();
    return super.keys();
  }

  override values(): MapIterator<DocumentFreqs> {
    this.open();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[number, DocumentFreqs]> {
    this.open();
    return super[Symbol.iterator]();
  }
}

// `size` is an accessor on Map.prototype that TypeScript types as a plain property, so it is
// overridden here rather than in the class body.
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get as (this: Map<unknown, unknown>) => number;
Object.defineProperty(StoredTerm.prototype, 'size', {
  get(this: StoredTerm) {
    this.open();
    return mapSize.call(this);
  },
});

function documentsHolding(data: Map<number, DocumentFreqs>): number {
  if (data instanceof StoredTerm && data.untouched !== null) return data.storedCount;
  return data.get(BODY)?.size ?? 0;
}

export class Engine extends MiniSearch<IndexedDoc> {
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
    if (this._index.has(term)) expansions.set(term, { weight: 1, reach: 'exact' });
    const candidates: Array<{ term: string; documents: number } & Expansion> = [];
    if (prefix) {
      for (const [found, data] of this._index.atPrefix(term)) {
        const distance = found.length - term.length;
        if (distance === 0) continue;
        const weight = (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance);
        candidates.push({ term: found, weight, reach: 'prefix', documents: documentsHolding(data) });
      }
    }
    if (maxDistance > 0) {
      for (const [found, [data, distance]] of this._index.fuzzyGet(term, maxDistance)) {
        // A word the query word begins is a completion, whatever its edit distance (as in MiniSearch).
        if (distance === 0 || (prefix && found.startsWith(term))) continue;
        const weight = (FUZZY_WEIGHT * found.length) / (found.length + distance);
        candidates.push({ term: found, weight, reach: 'typo', documents: documentsHolding(data) });
      }
    }
    candidates.sort((a, b) => b.weight - a.weight || b.documents - a.documents);
    for (const { term: found, weight, reach } of candidates) {
      if (expansions.size >= cap) break;
      if (!expansions.has(found)) expansions.set(found, { weight, reach });
    }
    return expansions;
  }

  /** Documents holding any of the given index terms, each term counted at its weight. */
  searchTerms(expansions: ReadonlyMap<string, Expansion>, boostDocument: (id: string) => number): SearchResult[] {
    if (expansions.size === 0) return [];
    return this.search([...expansions.keys()].join(' '), {
      combineWith: 'or',
      // The terms are index terms already: cut and fold nothing again.
      tokenize: (joined) => joined.split(' '),
      processTerm: (term) => term,
      prefix: false,
      fuzzy: false,
      boostTerm: (term) => expansions.get(term)?.weight ?? 1,
      boostDocument: (id) => boostDocument(id as string),
    });
  }

  /**
   * The index in its file form. A document discarded since the last renumbering leaves a hole
   * (null) in `documents`, and words nothing has read since loading are copied as they were
   * read: a save after a few edits then costs little more than writing the file. Once holes
   * make up a quarter of the numbers, documents are renumbered 0..n-1 and every word rewritten
   * without them (saving is when the index is vacuumed).
   */
  toCompact(): CompactEngine {
    const holes = this._nextId - this._documentCount;
    const renumber = holes * 4 >= this._nextId && holes > 0;
    const numbers = new Map<number, number>();
    const documents: Array<[string, number] | null> = [];
    if (renumber) {
      for (const [shortId, id] of this._documentIds) {
        numbers.set(shortId, documents.length);
        documents.push([id as string, this._fieldLength.get(shortId)?.[BODY] ?? 0]);
      }
    } else {
      for (let shortId = 0; shortId < this._nextId; shortId++) {
        const id = this._documentIds.get(shortId);
        documents.push(id === undefined ? null : [id as string, this._fieldLength.get(shortId)?.[BODY] ?? 0]);
        if (id !== undefined) numbers.set(shortId, shortId);
      }
    }
    const terms: string[] = [];
    const postings: string[] = [];
    for (const [term, data] of this._index) {
      const stored = data instanceof StoredTerm ? data.untouched : null;
      if (stored !== null && !renumber) {
        // Entries for discarded documents stay until the next renumbering; searches skip them.
        terms.push(term);
        postings.push(stored);
        continue;
      }
      const live: Posting[] = [];
      const keep = (shortId: number, count: number): void => {
        const at = numbers.get(shortId);
        if (at !== undefined) live.push([at, count]);
      };
      if (stored !== null) decodePostings(stored, Number.MAX_SAFE_INTEGER, keep);
      else for (const [shortId, count] of data.get(BODY) ?? []) keep(shortId, count);
      if (live.length === 0) continue;
      live.sort((a, b) => a[0] - b[0]);
      terms.push(term);
      postings.push(encodePostings(live));
    }
    return { documents, averageLength: this._avgFieldLength[BODY] ?? 0, terms, postings };
  }

  /** Reads `toCompact`'s form back; throws if it does not hold together. */
  static fromCompact(compact: CompactEngine): Engine {
    if (compact.terms.length !== compact.postings.length) throw new Error('terms and postings differ in number');
    const engine = new Engine();
    const count = compact.documents.length;
    compact.documents.forEach((document, shortId) => {
      if (document === null) return;
      const [id, length] = document;
      if (engine._idToShortId.has(id)) throw new Error(`document ${id} appears twice`);
      engine._documentIds.set(shortId, id);
      engine._idToShortId.set(id, shortId);
      engine._fieldLength.set(shortId, [length]);
    });
    engine._documentCount = engine._documentIds.size;
    engine._nextId = count;
    engine._dirtCount = count - engine._documentIds.size;
    engine._avgFieldLength = [compact.averageLength];
    compact.terms.forEach((term, i) => {
      const encoded = compact.postings[i] ?? '';
      if (engine._index.has(term)) throw new Error(`term ${term} appears twice`);
      // Checked in full now, so that decoding it later, mid-search, cannot fail.
      let holding: number;
      try {
        holding = decodePostings(encoded, count);
      } catch (error) {
        throw new Error(`term ${term}: ${(error as Error).message}`);
      }
      engine._index.set(term, new StoredTerm(encoded, holding, count));
    });
    return engine;
  }
}
