import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE, splitPassages } from '../../electron/core/search/passages';
import { snippetOf } from '../../electron/core/search/snippet';
import { findTerms, foldTerm, splitWords, tokens } from '../../electron/core/search/terms';
import { checkProperty, propertyRuns } from './support/property';

const RUNS = propertyRuns(300);

describe('search terms', () => {
  it('folds case, accents and compatibility forms', () => {
    const pairs: Array<[string, string]> = [
      ['Café', 'cafe'],
      ['ZÜRICH', 'zurich'],
      ['Zu\u0308rich', 'zurich'],
      ['Straße', 'strasse'],
      ['Łódź', 'lodz'],
      ['Søren', 'soren'],
      ['ﬁnance', 'finance'],
      ['Ｍａｒｇｉｎ', 'margin'],
      ['İstanbul', 'istanbul'],
      ['Ελλάδα', 'ελλαδα'],
      ['Москва́', 'москва'],
      ['한국', '한국'],
    ];
    for (const [word, folded] of pairs) expect(foldTerm(word), word).toBe(folded);
  });

  it('cuts words at spaces and punctuation, and ideographs one by one', () => {
    expect(splitWords("l'été, Ukraine’s re-conquer 2,000 東京タワー")).toEqual(['l', 'été', 'Ukraine', 's', 're', 'conquer', '2', '000', '東', '京', 'タ', 'ワ', 'ー']);
  });

  it('knows where each word is', () => {
    const text = 'Über den Café-Tisch';
    expect(tokens(text).map(({ start, end, term }) => [text.slice(start, end), term])).toEqual([
      ['Über', 'uber'],
      ['den', 'den'],
      ['Café', 'cafe'],
      ['Tisch', 'tisch'],
    ]);
    expect(tokens(text, 5, 13).map((token) => token.term)).toEqual(['den', 'cafe']);
  });

  it('finds the same words fast as it does slowly', () => {
    const word = fc.constantFrom('Café', 'cafe', 'CAFE', 'naïve', 'Zürich', 'zurich', 'İstanbul', '\u212Aelvin', 'kelvin', '東京', 'ab1', 'x', 'straße', 'Ελλάδα', '😀', 'e\u0301t\u00e9');
    const gap = fc.constantFrom(' ', ', ', '’', '-', '\n', '', '.');
    checkProperty(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (pieces, skip) => {
        const text = pieces.map(([w, g]) => w + g).join('');
        const all = tokens(text);
        const terms = new Set(all.filter((_, i) => i % (skip + 1) === 0).map((token) => token.term));
        expect(findTerms(text, terms)).toEqual(all.filter((token) => terms.has(token.term)));
      }),
      RUNS,
    );
  });
});

describe('passages', () => {
  it('follows paragraphs, joins short lines to the next, cuts long ones at sentences', () => {
    const sentence = 'The river rose all night and nobody on the bank could sleep. ';
    const long = sentence.repeat(40).trim();
    const text = `Heading\n\nA first paragraph that is long enough to stand on its own as a passage.\n\n${long}`;
    const passages = splitPassages(text).map(({ start, end }) => text.slice(start, end));
    expect(passages[0]).toBe('Heading\n\nA first paragraph that is long enough to stand on its own as a passage.');
    expect(passages.slice(1).join(' ')).toBe(long);
    for (const passage of passages.slice(1)) {
      expect(passage.length).toBeLessThanOrEqual(MAX_PASSAGE);
      expect(passage.endsWith('sleep.')).toBe(true);
    }
  });

  it('keeps every word of any text in exactly one passage, in order', () => {
    const piece = fc.oneof(
      fc.constantFrom('word ', 'Zürich ', '東京', '\n', '\n\n', '  ', '. ', 'x'.repeat(30), '😀'),
      fc.string({ maxLength: 40 }),
    );
    checkProperty(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        const text = pieces.join('');
        const passages = splitPassages(text);
        let previousEnd = 0;
        for (const { start, end } of passages) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end - start).toBeLessThanOrEqual(MAX_PASSAGE);
          expect(text.charAt(start)).toMatch(/\S/u);
          expect(text.charAt(end - 1)).toMatch(/\S/u);
          previousEnd = end;
        }
        const inPassages = passages.flatMap(({ start, end }) => tokens(text, start, end).map((token) => token.term));
        // A cut with no space to cut at may split a very long run of letters; anything else is whole.
        const whole = tokens(text).filter((token) => token.end - token.start < 100);
        for (const token of whole) {
          const holder = passages.find(({ start, end }) => start <= token.start && token.end <= end);
          expect(holder, `${token.term} at ${token.start}`).toBeDefined();
        }
        expect(inPassages.length).toBeGreaterThanOrEqual(whole.length);
      }),
      RUNS,
    );
  });
});

describe('snippets', () => {
  it('marks adjacent matched words as one run and keeps context on both sides', () => {
    const text = 'Far from the sea, in the Daily Wire newsroom, the presses ran all night long.';
    const placed = snippetOf(text, 0, text.length, new Set(['daily', 'wire']));
    expect(placed.snippet).toEqual({ before: 'Far from the sea, in the ', match: 'Daily Wire', after: ' newsroom, the presses ran all night long.' });
    expect(text.slice(placed.start ?? 0, placed.end ?? 0)).toBe('Daily Wire');
  });

  it('prefers the run with more of the query, and cuts at word boundaries with an ellipsis', () => {
    const filler = 'and then some more words to fill the line ';
    const text = `${filler.repeat(3)}night ${filler.repeat(3)}cold night ${filler.repeat(3)}`;
    const { snippet } = snippetOf(text, 0, text.length, new Set(['cold', 'night']));
    expect(snippet.match).toBe('cold night');
    expect(snippet.before).toMatch(/^…[a-z]/u);
    expect(snippet.after).toMatch(/[a-z]…$/u);
    expect(snippet.before.length).toBeLessThanOrEqual(62);
    expect(snippet.after.length).toBeLessThanOrEqual(102);
  });

  it('stays inside its region and says so when nothing could be marked', () => {
    const text = 'Outside. Inside the quote only. Outside again.';
    const from = text.indexOf('Inside');
    const to = from + 'Inside the quote only.'.length;
    expect(snippetOf(text, from, to, new Set(['quote'])).snippet).toEqual({ before: 'Inside the ', match: 'quote', after: ' only.' });
    expect(snippetOf(text, from, to, new Set(['elsewhere']))).toEqual({ snippet: { before: '', match: '', after: 'Inside the quote only.' }, start: null, end: null });
  });
});
