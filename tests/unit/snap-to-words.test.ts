// A selection snaps to whole words: what a person drags across mid-word is highlighted as the
// whole words, in English, in text with diacritics, beside punctuation, and in Chinese and
// Japanese, which have no spaces between words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapToWords, wordAt, type Span } from '../../electron/shared/snap-to-words';
import { checkProperty, propertyRuns } from './support/property';

const RUNS = propertyRuns(500);
/** Fixed, so a failure is the same on every machine; fast-check prints it with the failing case. */

/** Snaps the span around two phrases' inner letters and returns the words it covers. */
function dragged(text: string, from: string, fromOffset: number, to: string, toOffset: number): string {
  const start = text.indexOf(from) + fromOffset;
  const end = text.indexOf(to, text.indexOf(from)) + toOffset;
  const span = snapToWords(text, { start, end });
  return text.slice(span.start, span.end);
}

describe('snapping a selection to whole words', () => {
  it('from the middle of "archive" to the middle of "register" takes "archive register"', () => {
    const text = 'The parish archive register was kept in the vestry.';
    expect(dragged(text, 'archive', 1, 'register', 4)).toBe('archive register');
  });

  it('takes a word with diacritics whole, precomposed or combining', () => {
    const text = 'Une cafe\u0301 naïve à Besançon.';
    expect(dragged(text, 'cafe\u0301', 2, 'naïve', 3)).toBe('cafe\u0301 naïve');
    expect(dragged(text, 'Besançon', 4, 'Besançon', 5)).toBe('Besançon');
  });

  it('ending mid-word before a comma takes the word, not the comma; quotes selected around a word stay', () => {
    const text = 'They met in Kupyansk, where “fighting” went on.';
    expect(dragged(text, 'met', 1, 'Kupyansk', 3)).toBe('met in Kupyansk');
    expect(dragged(text, '“fighting”', 0, '”', 1)).toBe('“fighting”');
    expect(dragged(text, 'where', 2, 'fighting', 2)).toBe('where “fighting');
  });

  it('finds words in Japanese and Chinese, written without spaces', () => {
    const japanese = '私は東京都に住んでいます。';
    expect(dragged(japanese, '東京', 1, '東京', 2)).toBe('東京');
    const chinese = '我们今天去图书馆看书。';
    expect(dragged(chinese, '图书馆', 1, '图书馆', 2)).toBe(chinese.slice(chinese.indexOf('图书馆'), wordAt(chinese, chinese.indexOf('图书馆'))?.end));
    expect(dragged(chinese, '图书馆', 1, '图书馆', 2).length).toBeGreaterThan(1);
  });

  it('leaves a selection of whole words, or of spaces and punctuation alone', () => {
    const text = 'Words, and more words.';
    expect(snapToWords(text, { start: 0, end: 5 })).toEqual({ start: 0, end: 5 });
    expect(snapToWords(text, { start: 5, end: 7 })).toEqual({ start: 5, end: 7 });
  });
});

/** Snapping done the slow, obvious way: segment the whole text once. */
function referenceSnap(text: string, span: Span): Span {
  const words: Span[] = [];
  for (const piece of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if (piece.isWordLike === true) words.push({ start: piece.index, end: piece.index + piece.segment.length });
  }
  const inWord = (at: number) => words.find((w) => w.start <= at && at < w.end);
  const first = inWord(span.start);
  const last = inWord(span.end - 1);
  return { start: first !== undefined && first.start < span.start ? first.start : span.start, end: last !== undefined && last.end > span.end ? last.end : span.end };
}

const unit = fc.constantFrom(
  'a', 'b', 'r', 'e', 'x', 'é', 'e\u0301', 'ï', 'ß', 'A', '1', '0',
  ' ', ' ', '  ', '\n', '\r\n', '\t', ',', '.', ';', ':', "'", '’', '-', '“', '”', '(', ')', '!', '?',
  '東', '京', '都', 'に', '住', 'ん', 'で', '图', '书', '馆', '看', '。', '、', '！', 'カ', 'タ',
  'ا', 'ل', 'ب', 'ש', 'ל', 'ก', 'า', 'ร', '🇫🇷', '👍🏽', '\u200d', '\u0301',
);
const textAndSpan = fc
  .array(unit, { minLength: 1, maxLength: 60 })
  .map((units) => units.join(''))
  .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 })))
  .map(([text, a, b]) => ({ text, span: { start: Math.min(a, b), end: Math.max(a, b) + 1 } }));

describe('snapping in long runs with no space or full stop', () => {
  it('a word longer than the stretch first looked at is still taken whole', () => {
    const text = `Before ${'x'.repeat(1500)} after.`;
    expect(snapToWords(text, { start: 700, end: 702 })).toEqual({ start: 7, end: 1507 });
  });

  it('Japanese set without spaces or stops gives the words segmenting the whole text gives', () => {
    const text = '私は東京都に住んでいます'.repeat(300);
    for (const at of [5, 1000, 1801, 3590]) {
      const span = { start: at, end: at + 3 };
      expect(snapToWords(text, span)).toEqual(referenceSnap(text, span));
    }
  });
});

describe('snapping, for any text', () => {
  it('gives the same words as segmenting the whole text, never less than was selected, and is stable', () => {
    checkProperty(
      fc.property(textAndSpan, ({ text, span }) => {
        const snapped = snapToWords(text, span);
        expect(snapped).toEqual(referenceSnap(text, span));
        expect(snapped.start).toBeLessThanOrEqual(span.start);
        expect(snapped.end).toBeGreaterThanOrEqual(span.end);
        // Only the cut words are completed: nothing outside a word is added.
        expect(text.slice(snapped.start, span.start)).not.toMatch(/\s/u);
        expect(text.slice(span.end, snapped.end)).not.toMatch(/\s/u);
        expect(snapToWords(text, snapped)).toEqual(snapped);
      }),
      RUNS,
    );
  });

  it('gives the same words as segmenting the whole text where fixed boundaries are far apart', () => {
    const runOn = fc.constantFrom('東', '京', '都', 'に', '住', 'ん', 'で', '图', '书', '馆', 'a', 'b', 'é', "'", '.', '1', ',');
    const longText = fc
      .array(runOn, { minLength: 300, maxLength: 900 })
      .map((units) => units.join(''))
      .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length - 1 }), fc.nat({ max: 40 })))
      .map(([text, a, length]) => ({ text, span: { start: a, end: Math.min(text.length, a + 1 + length) } }));
    checkProperty(
      fc.property(longText, ({ text, span }) => {
        expect(snapToWords(text, span)).toEqual(referenceSnap(text, span));
      }),
      Math.max(50, RUNS / 10),
    );
  });
});

describe('snapping stops where one block of the page gives way to the next', () => {
  // A heading, a paragraph and a caption as textContent joins them when the page has no space between.
  const text = 'Why the old wall failedThe storm broke it.The wall at low tidePhoto by Ann Lee';
  const breaks = [text.indexOf('The storm'), text.indexOf('The wall'), text.indexOf('Photo')];
  const spanOf = (phrase: string): Span => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

  it('a heading selected whole is not grown into the paragraph after it', () => {
    expect(snapToWords(text, spanOf('Why the old wall failed'), 'en', breaks)).toEqual(spanOf('Why the old wall failed'));
    // Without the breaks, the words run together: this is what the reader did before.
    expect(snapToWords(text, spanOf('Why the old wall failed'), 'en')).toEqual(spanOf('Why the old wall failedThe'));
  });

  it('a cut word is still completed, up to the block edge', () => {
    expect(snapToWords(text, spanOf('old wall fai'), 'en', breaks)).toEqual(spanOf('old wall failed'));
    expect(snapToWords(text, spanOf('to by Ann'), 'en', breaks)).toEqual(spanOf('Photo by Ann'));
  });

  it('a caption and its credit stay apart', () => {
    expect(snapToWords(text, spanOf('low tide'), 'en', breaks)).toEqual(spanOf('low tide'));
    expect(snapToWords(text, spanOf('Photo by Ann Lee'), 'en', breaks)).toEqual(spanOf('Photo by Ann Lee'));
  });
});
