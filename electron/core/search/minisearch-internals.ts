// The one place that reads and writes MiniSearch's protected fields (`_index`, `_documentIds`,
// `_idToShortId`, `_fieldLength`, `_avgFieldLength`, `_nextId`, `_documentCount`, `_dirtCount`).
// Its public API cannot do three things a library-sized index needs, measured on 1,000
// articles and 100,000 highlights:
// - List the index terms a query word could stand for (words it begins, near-misses) without
//   searching them all: its own prefix and fuzzy search score every such word, and a short
//   prefix is thousands of words and their documents, hundreds of milliseconds.
// - Load the index lazily from a compact form: `toJSON`/`loadJSON` write a 20 MB file, take over
//   three seconds to load and hold about 90 MB of maps; here each word's documents stay one short
//   string (postings.ts) until a search first reads that word.
// - Score a query word's expansions without an object per matching document and term: its
//   `search` builds and merges those for every document holding a common word, most of a
//   short prefix's 30-70 ms. `scoreTerms` gives the same scores, order and terms from arrays.
// minisearch is pinned to an exact version, and tests/unit/minisearch-internals.test.ts checks
// the shape of every field used here on a fresh instance, so an upgrade that changes them fails
// there, by name, rather than somewhere in search.
import MiniSearch, { type Options } from 'minisearch';
import { decodePostings } from './postings';

// Every indexed document has one field, `body`, so MiniSearch numbers it 0.
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
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get;
Object.defineProperty(StoredTerm.prototype, 'size', {
  get(this: StoredTerm) {
    this.open();
    return mapSize === undefined ? 0 : Number(mapSize.call(this));
  },
});

/** How many documents hold a word, without decoding a stored one. */
function documentsHolding(data: Map<number, DocumentFreqs>): number {
  if (data instanceof StoredTerm && data.untouched !== null) return data.storedCount;
  return data.get(BODY)?.size ?? 0;
}

/** A word's documents as the file form keeps them: still encoded, or read into document -> count. */
type TermDocuments = { encoded: string } | { counts: ReadonlyMap<number, number> };

/** The document table in MiniSearch's own numbering: a number, its id and its number of words. */
interface DocumentTable {
  /** One past the highest number given out; numbers of discarded documents are holes. */
  nextNumber: number;
  documents: Map<number, [id: string, length: number]>;
  averageLength: number;
}

/** A document holding some of the terms scored: its id, score, and which of the terms it holds. */
export interface TermHit {
  id: string;
  score: number;
  terms: string[];
}

// MiniSearch's default BM25 parameters (the engine sets none of its own).
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** MiniSearch over one text field, `body`, with the few reads and writes of its internals named above. */
export class InternalsMiniSearch<T> extends MiniSearch<T> {
  constructor(options: Options<T>) {
    super(options);
  }

  /** Whether `term` is an index term. */
  protected hasTerm(term: string): boolean {
    return this._index.has(term);
  }

  /** Index terms beginning with `prefix` (itself included), with how many documents hold each. */
  protected *termsStartingWith(prefix: string): Generator<[term: string, documents: number]> {
    for (const [term, data] of this._index.atPrefix(prefix)) yield [term, documentsHolding(data)];
  }

  /** Index terms at most `maxDistance` edits from `term`, with the distance and how many documents hold each. */
  protected *termsNear(term: string, maxDistance: number): Generator<[term: string, distance: number, documents: number]> {
    for (const [found, [data, distance]] of this._index.fuzzyGet(term, maxDistance)) yield [found, distance, documentsHolding(data)];
  }

  protected documentTable(): DocumentTable {
    const documents = new Map<number, [string, number]>();
    for (const [shortId, id] of this._documentIds) documents.set(shortId, [String(id), this._fieldLength.get(shortId)?.[BODY] ?? 0]);
    return { nextNumber: this._nextId, documents, averageLength: this._avgFieldLength[BODY] ?? 0 };
  }

  /** Every index term with its documents, encoded ones left as they are. */
  protected *termDocuments(): Generator<[term: string, documents: TermDocuments]> {
    for (const [term, data] of this._index) {
      const stored = data instanceof StoredTerm ? data.untouched : null;
      yield [term, stored !== null ? { encoded: stored } : { counts: data.get(BODY) ?? new Map<number, number>() }];
    }
  }

  /**
   * Fills an empty instance from a document table and encoded terms; throws if they do not hold
   * together. Each term's documents are checked in full now, so that decoding them later,
   * mid-search, cannot fail.
   */
  protected restore(table: DocumentTable, terms: Iterable<[term: string, encoded: string]>): void {
    for (const [shortId, [id, length]] of table.documents) {
      if (this._idToShortId.has(id)) throw new Error(`document ${id} appears twice`);
      this._documentIds.set(shortId, id);
      this._idToShortId.set(id, shortId);
      this._fieldLength.set(shortId, [length]);
    }
    this._documentCount = this._documentIds.size;
    this._nextId = table.nextNumber;
    this._dirtCount = table.nextNumber - this._documentIds.size;
    this._avgFieldLength = [table.averageLength];
    for (const [term, encoded] of terms) {
      if (this._index.has(term)) throw new Error(`term ${term} appears twice`);
      let holding: number;
      try {
        holding = decodePostings(encoded, table.nextNumber);
      } catch (error) {
        throw new Error(`term ${term}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      this._index.set(term, new StoredTerm(encoded, holding, table.nextNumber));
    }
  }

  /**
   * What MiniSearch's `search` answers for these index terms, each its own query term with its
   * boost, combined with "or", no prefix or fuzzy matching, documents boosted by `boostDocument`:
   * the same scores (BM25, summed in term order, times the number of terms held), the same order
   * (best first, ties as first met) and the same tidying of discarded documents' entries as it
   * goes, computed in arrays. tests/unit/minisearch-internals.test.ts holds it to `search`.
   */
  protected scoreTerms(terms: ReadonlyArray<readonly [term: string, boost: number]>, boostDocument: (id: string) => number): TermHit[] {
    // Which terms a document holds is kept as the bits of one 32-bit number.
    if (terms.length > 32) throw new RangeError(`at most 32 terms are scored at once, not ${terms.length}`);
    const size = this._nextId;
    const scores = new Float64Array(size);
    const held = new Uint32Array(size);
    const counts = new Uint8Array(size);
    const order: number[] = [];
    const averageLength = this._avgFieldLength[BODY] ?? 0;
    terms.forEach(([term, boost], t) => {
      const data = this._index.get(term);
      const freqs = data?.get(BODY);
      if (data === undefined || freqs === undefined) return;
      let matching = freqs.size;
      for (const shortId of freqs.keys()) {
        const id = this._documentIds.get(shortId);
        if (id === undefined) {
          // A discarded document's entry loses one occurrence, as MiniSearch's search (its
          // private removeTerm) takes it away.
          const count = freqs.get(shortId) ?? 0;
          if (count > 1) freqs.set(shortId, count - 1);
          else if (freqs.size <= 1) data.delete(BODY);
          else freqs.delete(shortId);
          if (data.size === 0) this._index.delete(term);
          matching -= 1;
          continue;
        }
        const docBoost = boostDocument(String(id));
        if (!docBoost) continue;
        const termFreq = freqs.get(shortId) ?? 0;
        const fieldLength = this._fieldLength.get(shortId)?.[BODY] ?? 0;
        const inverse = Math.log(1 + (this._documentCount - matching + 0.5) / (matching + 0.5));
        const raw = inverse * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / averageLength)));
        const weighted = boost * docBoost * raw;
        if (counts[shortId] === 0) {
          order.push(shortId);
          scores[shortId] = weighted;
        } else {
          scores[shortId] = (scores[shortId] ?? 0) + weighted;
        }
        counts[shortId] = (counts[shortId] ?? 0) + 1;
        held[shortId] = (held[shortId] ?? 0) | (1 << t);
      }
    });
    const hits = order.map((shortId): TermHit => {
      const mask = held[shortId] ?? 0;
      const matched: string[] = [];
      terms.forEach(([term], t) => {
        if (mask & (1 << t)) matched.push(term);
      });
      return { id: String(this._documentIds.get(shortId)), score: (scores[shortId] ?? 0) * (counts[shortId] ?? 0), terms: matched };
    });
    return hits.sort((a, b) => b.score - a.score);
  }
}
