// minisearch-internals.ts reads and writes MiniSearch's protected fields. These tests pin what it
// relies on, on a fresh MiniSearch of the installed version, so that an upgrade that renames or
// reshapes them fails here, naming the field, instead of somewhere inside a search.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/core/search/engine';
import { InternalsMiniSearch } from '../../electron/core/search/minisearch-internals';
import { checkProperty, propertyRuns } from './support/property';

const root = join(import.meta.dirname, '../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** The wrapper's base as a plain MiniSearch (no lazy terms, no custom tokenizer), showing the fields it uses. */
class Peek extends InternalsMiniSearch<{ id: string; body: string }> {
  constructor() {
    super({ fields: ['body'], autoVacuum: false });
  }

  fields() {
    return {
      index: this._index,
      documentIds: this._documentIds,
      idToShortId: this._idToShortId,
      fieldLength: this._fieldLength,
      avgFieldLength: this._avgFieldLength,
      nextId: this._nextId,
      documentCount: this._documentCount,
      dirtCount: this._dirtCount,
    };
  }
}

describe('MiniSearch internals', () => {
  it('are those of the exact version pinned', () => {
    const pinned = readJson('package.json');
    const installed = readJson('node_modules/minisearch/package.json');
    expect(pinned).toMatchObject({ dependencies: { minisearch: '7.2.0' } });
    expect(installed).toMatchObject({ version: '7.2.0' });
  });

  it('have the shape the wrapper reads and writes', () => {
    const search = new Peek();
    search.addAll([
      { id: 'x:a', body: 'river bank' },
      { id: 'x:b', body: 'rivers at night' },
      { id: 'x:c', body: 'river' },
    ]);
    search.discard('x:c');
    const fields = search.fields();

    // The term index: a radix tree with prefix and fuzzy lookups, each term field -> document -> count.
    expect(fields.index.has('river')).toBe(true);
    expect([...fields.index.atPrefix('riv').keys()].sort()).toEqual(['river', 'rivers']);
    const near = fields.index.fuzzyGet('rivr', 1);
    expect([...near.keys()]).toEqual(['river']);
    const [data, distance] = near.get('river') ?? [];
    expect(distance).toBe(1);
    expect(data).toBeInstanceOf(Map);
    // Discarded documents keep their entries (autoVacuum off), as the compact form expects.
    expect(data?.get(0)).toEqual(new Map([[0, 1], [2, 1]]));
    expect(typeof fields.index.set).toBe('function');

    // Documents: numbered from 0 in the order added; a discarded one leaves a hole.
    expect(fields.documentIds).toEqual(new Map([[0, 'x:a'], [1, 'x:b']]));
    expect(fields.idToShortId).toEqual(new Map([['x:a', 0], ['x:b', 1]]));
    expect(fields.fieldLength).toEqual(new Map([[0, [2]], [1, [3]]]));
    expect(fields.avgFieldLength).toEqual([expect.any(Number)]);
    expect({ nextId: fields.nextId, documentCount: fields.documentCount, dirtCount: fields.dirtCount }).toEqual({ nextId: 3, documentCount: 2, dirtCount: 1 });
  });

  it('round-trip through the engine’s compact form', () => {
    const engine = new Engine();
    engine.addAll([
      { id: 'x:a', body: 'river bank' },
      { id: 'x:b', body: 'rivers at night' },
      { id: 'x:c', body: 'river' },
    ]);
    engine.discard('x:c');
    const loaded = Engine.fromCompact(engine.toCompact());
    expect(loaded.documentCount).toBe(2);
    expect(loaded.has('x:a') && loaded.has('x:b') && !loaded.has('x:c')).toBe(true);
    const byTerm = ({ terms, postings }: { terms: string[]; postings: string[] }) => new Map(terms.map((term, i) => [term, postings[i]]));
    expect(loaded.toCompact().documents).toEqual(engine.toCompact().documents);
    expect(byTerm(loaded.toCompact())).toEqual(byTerm(engine.toCompact()));
    expect([...loaded.expand('riv', true, 0, 24).keys()].sort()).toEqual(['river', 'rivers']);
    expect(loaded.search('river').map((hit) => hit.id)).toEqual(engine.search('river').map((hit) => hit.id));
  });

  it('score a word’s terms exactly as MiniSearch’s own search does, discarded documents and all', () => {
    const WORDS = ['river', 'rivers', 'riverbank', 'rive', 'snow', 'snowfall', 'night', 'nights', 'tram', '2024', 'cafe'];
    const boost = (id: string): number => (id.startsWith('t') ? 2 : id.startsWith('n') ? 1.5 : 1);
    const document = fc.tuple(fc.constantFrom('t', 'x', 'n'), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }));
    checkProperty(
      fc.property(fc.array(document, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), fc.array(fc.constantFrom('riv', 'river', 'snow', 'nigt', 'tram', '202', 'cafe'), { minLength: 1, maxLength: 6 }), (documents, discards, reload, queries) => {
        const build = (): Engine => {
          const engine = new Engine();
          documents.forEach(([kind, words], i) => engine.add({ id: `${kind}:${i}`, body: words.join(' ') }));
          for (const pick of discards) {
            const id = `${documents[pick % documents.length]?.[0] ?? 'x'}:${pick % documents.length}`;
            if (engine.has(id)) engine.discard(id);
          }
          return reload ? Engine.fromCompact(engine.toCompact()) : engine;
        };
        const ours = build();
        const theirs = build();
        for (const query of queries) {
          const expansions = ours.expand(query, true, 1, 24);
          expect([...theirs.expand(query, true, 1, 24)]).toEqual([...expansions]);
          const found = ours.searchTerms(expansions, boost).map((hit) => [hit.id, hit.score, [...hit.terms].sort()]);
          const expected = theirs
            .search([...expansions.keys()].join(' '), {
              combineWith: 'or',
              tokenize: (joined) => joined.split(' '),
              processTerm: (term) => term,
              prefix: false,
              fuzzy: false,
              boostTerm: (term) => expansions.get(term)?.weight ?? 1,
              boostDocument: (id) => boost(String(id)),
            })
            .map((hit) => [hit.id, hit.score, [...hit.terms].sort()]);
          expect(found).toEqual(expansions.size === 0 ? [] : expected);
          // Both tidied the same entries away.
          expect(ours.toCompact()).toEqual(theirs.toCompact());
        }
      }),
      propertyRuns(200),
    );
  });
});
