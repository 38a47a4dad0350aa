import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAll, describeSpan, diffTexts, type Edit, reanchorAll } from '../../electron/shared/anchoring';
import { positionMap } from '../../electron/shared/anchoring/position-map';
import { blocks, wordRuns, words } from '../../electron/shared/anchoring/tokens';
import { seeded } from '../support/seeded';
import { checkProperty, propertyRuns } from './support/property';

const RUNS = propertyRuns(500);

const sides = (edits: readonly Edit[]): [string, string] => [
  edits.filter(([kind]) => kind !== 1).map(([, text]) => text).join(''),
  edits.filter(([kind]) => kind !== -1).map(([, text]) => text).join(''),
];

const textish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\n'), maxLength: 300 }),
  fc.array(fc.constantFrom('the', 'river', 'rose.', 'It', 'fell', 'again.\n\n', 'a', '😀'), { maxLength: 80 }).map((w) => w.join(' ')),
);

function longArticle(random: () => number, paragraphs: number): string {
  const vocabulary = ['river', 'town', 'bridge', 'rain', 'the', 'of', 'a', 'flood', 'mill', 'road', 'night', 'water', 'stone', 'and'];
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const w = Array.from({ length: 8 + Math.floor(random() * 12) }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
      sentences.push(`${w.join(' ')} ${p}-${s}.`);
    }
    out.push(sentences.join(' '));
  }
  return out.join('\n\n');
}

describe('the diff between two revisions', () => {
  it('property: keeping equal and deleted parts gives the old text, equal and inserted the new one', () => {
    checkProperty(
      fc.property(textish, textish, (a, b) => {
        expect(sides(diffTexts(a, b))).toEqual([a, b]);
      }),
      RUNS,
    );
  });

  it('property: every tokenizer keeps every character', () => {
    checkProperty(
      fc.property(textish, (text) => {
        for (const cut of [blocks, wordRuns, words]) expect(cut(text).join('')).toBe(text);
      }),
      RUNS,
    );
  });

  it('property: a kept character maps to the same character in the new text', () => {
    checkProperty(
      fc.property(textish, textish, (a, b) => {
        const map = positionMap(diffTexts(a, b));
        for (let i = 0; i < a.length; i++) {
          const { at, kept } = map.map(i);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThanOrEqual(b.length);
          if (kept) expect(b[at]).toBe(a[i]);
        }
      }),
      RUNS,
    );
  });

  it('lines up a long article with its edited self without treating untouched paragraphs as changed', () => {
    const random = seeded(7);
    const old = longArticle(random, 400);
    const paragraphs = old.split('\n\n');
    const edited = paragraphs.map((p, i) => (i % 10 === 3 ? p.replace('river', 'stream') : p));
    edited.splice(200, 0, 'A paragraph that was not there before.');
    const next = edited.join('\n\n');
    const changed = diffTexts(old, next).filter(([kind]) => kind !== 0).reduce((n, [, text]) => n + text.length, 0);
    // Each reworded paragraph costs a deleted word and an inserted one; nothing else moves.
    expect(changed).toBeLessThan(40 * 12 + 60);
  });
});

describe('carrying offsets through the diff', () => {
  const old = 'Keep this. Drop these words. Keep that.';
  const next = 'Keep this. Put new words here. Keep that.';
  const map = positionMap(diffTexts(old, next));

  it('says where the surviving characters of a span went, and how many survived', () => {
    const start = old.indexOf('Keep that');
    expect(map.survivors(start, start + 9)).toEqual({ start: next.indexOf('Keep that'), end: next.indexOf('Keep that') + 9, kept: 9 });
    const gone = old.indexOf('Drop');
    expect(map.survivors(gone, gone + 4)).toBeNull();
  });

  it('says what a deleted span became: the new text between the unchanged text around it', () => {
    const gone = old.indexOf('Drop');
    const became = map.becomes(gone, gone + 4);
    expect(next.slice(became.start, became.end)).toContain('Put');
    expect(next.slice(became.start, became.end)).not.toContain('Keep');
  });
});

describe('re-anchoring a long article', () => {
  it('carries every highlight the edit left alone to the same words, and orphans the one whose paragraph went', () => {
    const random = seeded(11);
    const old = longArticle(random, 1200);
    const paragraphs = old.split('\n\n');
    // Sentence markers like "17-2." make every highlight below unique, so "same words" means same place.
    const highlights = Array.from({ length: 300 }, (_, i) => {
      const p = (i * 4) % paragraphs.length;
      const start = old.indexOf(`${p}-1.`);
      return { paragraph: p, selectors: describeSpan(old, start - 12, start + `${p}-1.`.length) };
    });
    const editedParagraphs = paragraphs.map((text, p) => (p % 4 === 2 ? `${text.slice(0, 20)}new words here ${text.slice(20)}` : text));
    editedParagraphs.splice(600, 1);
    editedParagraphs.unshift('An introduction added at the top of the article.');
    const next = editedParagraphs.join('\n\n');
    const anchors = reanchorAll(old, next, highlights.map((h) => h.selectors));
    highlights.forEach(({ paragraph, selectors }, i) => {
      const anchor = anchors[i]!;
      if (paragraph === 600) {
        expect(anchor.status).toBe('orphaned');
        return;
      }
      expect(anchor.status).toBe('moved');
      if (anchor.status !== 'orphaned') expect(next.slice(anchor.start, anchor.end)).toBe(selectors.quote.exact);
    });
    expect(anchorAll(next, highlights.map((h) => h.selectors)).filter((a) => a.status === 'moved')).toHaveLength(299);
  });

  // How long this takes beside an unbounded search is measured in tests/bench/anchoring.bench.ts.
  it('gives up on a quote that is nowhere in a megabyte: orphaned, not pinned on some passage that looks a little like it', () => {
    const article = longArticle(seeded(3), 8000);
    expect(article.length).toBeGreaterThan(1_000_000);
    const selectors = describeSpan(`${article}Words found nowhere in the generated text at all.`, article.length, article.length + 48);
    const anchor = reanchorAll(article, article, [selectors])[0]!;
    expect(anchor.status).toBe('orphaned');
  });

  it('re-anchors a highlight that was already off its quote in the old revision from its selectors', () => {
    const old = 'The first line. The quick brown fox jumps over the lazy dog. The last line.';
    const start = old.indexOf('quick');
    const stale = { ...describeSpan(old, start, start + 15), position: { type: 'TextPositionSelector' as const, start: 0, end: 15 } };
    const next = `A new opening. ${old}`;
    const [anchor] = reanchorAll(old, next, [stale]);
    expect(anchor?.status).toBe('moved');
    if (anchor && anchor.status !== 'orphaned') expect(next.slice(anchor.start, anchor.end)).toBe('quick brown fox');
  });
});
