import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type CompactEngine } from '../../electron/core/search/engine';
import { decodePostings, encodePostings } from '../../electron/core/search/postings';
import { checkProperty, propertyRuns } from './support/property';

const RUNS = propertyRuns(100);
const WORDS = ['kharkiv', 'kyiv', 'river', 'rivers', 'riverbank', 'snow', 'snowfall', 'cafe', 'café', 'zurich', 'tram', 'trams', 'night', 'nights'];

function engineWith(documents: ReadonlyArray<[string, string]>): Engine {
  const engine = new Engine();
  for (const [id, body] of documents) engine.add({ id, body });
  return engine;
}

/** What a search finds, in a form two engines can be compared by. */
function answers(engine: Engine, query: string): Array<[string, number, string[]]> {
  const expansions = engine.expand(query, true, 1, 24);
  return engine
    .searchTerms(expansions, (id) => (id.startsWith('t') ? 2 : 1))
    .map((hit): [string, number, string[]] => [hit.id as string, Number(hit.score.toFixed(9)), [...hit.terms].sort()])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

const reload = (engine: Engine): Engine => Engine.fromCompact(JSON.parse(JSON.stringify(engine.toCompact())) as CompactEngine);

describe('postings', () => {
  it('round-trip any ascending list of documents and counts', () => {
    checkProperty(
      fc.property(fc.uniqueArray(fc.nat(100_000), { minLength: 1, maxLength: 200 }), fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 200, maxLength: 200 }), (documents, counts) => {
        const postings = [...documents].sort((a, b) => a - b).map((document, i): [number, number] => [document, counts[i] ?? 1]);
        const decoded: Array<[number, number]> = [];
        expect(decodePostings(encodePostings(postings), 100_001, (document, count) => decoded.push([document, count]))).toBe(postings.length);
        expect(decoded).toEqual(postings);
      }),
      RUNS,
    );
  });

  it('refuses damaged lists', () => {
    for (const damaged of ['', ',', '1,,2', '0', '1.0', '1.', '.2', 'A', '1,2-3', 'zz']) {
      expect(() => decodePostings(damaged, 100), damaged).toThrow();
    }
  });
});

describe('engine', () => {
  it('finds by prefix and by a typo, with a bounded number of words', () => {
    const engine = engineWith([
      ['x:1', 'The riverbank at night'],
      ['x:2', 'Rivers of Kyiv'],
    ]);
    expect([...engine.expand('river', true, 1, 24).entries()]).toEqual([
      ['rivers', expect.objectContaining({ reach: 'prefix' })],
      ['riverbank', expect.objectContaining({ reach: 'prefix' })],
    ]);
    expect(engine.expand('river', true, 1, 1).size).toBe(1);
    expect([...engine.expand('nigth', false, 2, 24).keys()]).toEqual(['night']);
    expect(engine.expand('kyiv', true, 1, 24).get('kyiv')).toEqual({ weight: 1, reach: 'exact' });
  });

  it('answers the same after saving and loading, through edits, holes and renumbering', () => {
    const document = fc.tuple(fc.constantFrom('t', 'x', 'n'), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }));
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }) }),
      fc.record({ kind: fc.constant('discard' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('reload' as const) }),
    );
    checkProperty(
      fc.property(fc.array(document, { minLength: 1, maxLength: 15 }), fc.array(edit, { maxLength: 12 }), (documents, edits) => {
        let next = 0;
        const fresh = new Map<string, string>();
        for (const [kind, words] of documents) fresh.set(`${kind}:${next++}`, words.join(' '));
        let engine = engineWith([...fresh]);
        for (const change of edits) {
          if (change.kind === 'add') {
            const id = `x:${next++}`;
            fresh.set(id, change.words.join(' '));
            engine.add({ id, body: change.words.join(' ') });
          } else if (change.kind === 'discard' && fresh.size > 0) {
            const id = [...fresh.keys()][change.pick % fresh.size] as string;
            fresh.delete(id);
            engine.discard(id);
          } else {
            engine = reload(engine);
          }
          // The same documents and words as an index built afresh. Scores are compared between
          // two loads of one file only: discarded documents leave entries behind until the index
          // is renumbered, which shift word rarity a little, and searches tidy them as they go.
          const reloaded = reload(engine);
          const strip = (found: Array<[string, number, string[]]>) => found.map(([id, , terms]) => [id, terms]);
          for (const query of ['river', 'cafe', 'kharkiv', 'nite', 'snow']) {
            expect(strip(answers(reloaded, query))).toEqual(strip(answers(engineWith([...fresh]), query)));
            expect(strip(answers(engine, query))).toEqual(strip(answers(engineWith([...fresh]), query)));
          }
          const compact = JSON.stringify(engine.toCompact());
          const [first, second] = [compact, compact].map((json) => Engine.fromCompact(JSON.parse(json) as CompactEngine));
          expect(answers(first as Engine, 'snow')).toEqual(answers(second as Engine, 'snow'));
        }
      }),
      RUNS,
    );
  });

  it('reads a word only when a search needs it, and saves untouched words as they were', () => {
    const bodies = ['snow on the river', 'snow at night', 'trams at night', 'the river in Kyiv', 'cafe by the river'];
    const engine = reload(engineWith(bodies.map((body, i): [string, string] => [`x:${i}`, body])));
    type Peek = { _index: { get(term: string): { untouched: string | null } } };
    const stored = (term: string) => (engine as unknown as Peek)._index.get(term).untouched;
    expect(stored('river')).toBe('1,3,1');
    expect(answers(engine, 'kyiv').map(([id]) => id)).toEqual(['x:3']);
    expect(stored('kyiv')).toBeNull();
    expect(stored('river')).toBe('1,3,1');

    const byTerm = (compact: CompactEngine) => new Map(compact.terms.map((term, i) => [term, compact.postings[i]]));
    const compact = engine.toCompact();
    const again = reload(engine).toCompact();
    expect(again.documents).toEqual(compact.documents);
    expect(byTerm(again)).toEqual(byTerm(compact));

    // One discarded document of five leaves a hole, and untouched words keep its entries...
    engine.discard('x:1');
    const withHole = engine.toCompact();
    expect(withHole.documents[1]).toBeNull();
    expect(byTerm(withHole).get('snow')).toBe('1,1');
    expect(answers(reload(engine), 'snow').map(([id]) => id)).toEqual(['x:0']);
    // ...until holes are a quarter of the numbers: then documents are renumbered, entries dropped.
    engine.discard('x:2');
    const renumbered = engine.toCompact();
    expect(renumbered.documents.map((document) => document?.[0])).toEqual(['x:0', 'x:3', 'x:4']);
    expect(byTerm(renumbered).get('snow')).toBe('1');
    expect(byTerm(renumbered).has('trams')).toBe(false);
  });
});
