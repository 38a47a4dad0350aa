import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring/describe';
import { findQuoteOccurrences } from '../../electron/shared/anchoring/find-quote';
import { resolveSelectors } from '../../electron/shared/anchoring/resolve';

const text = 'The river rose. Then the river fell. The town waited for the river to rise again.';

describe('selectors', () => {
  it('keeps 32 characters of context on each side', () => {
    const long = `${'a'.repeat(50)}QUOTE${'b'.repeat(50)}`;
    const { quote, position } = describeSpan(long, 50, 55);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 50, end: 55 });
  });

  it('refuses a span outside the text', () => {
    expect(() => describeSpan('short', 2, 10)).toThrow(RangeError);
    expect(() => describeSpan('short', 3, 3)).toThrow(RangeError);
  });

  it('resolves at the stored position when the text is unchanged', () => {
    const at = text.indexOf('river fell');
    expect(resolveSelectors(text, describeSpan(text, at, at + 10))).toEqual({ status: 'exact', start: at, end: at + 10 });
  });

  it('follows a quote that moved, choosing the repeat whose context matches', () => {
    const at = text.lastIndexOf('the river');
    const selectors = describeSpan(text, at, at + 9);
    const edited = `A new first sentence. ${text}`;
    const moved = resolveSelectors(edited, selectors);
    expect(moved).toEqual({ status: 'moved', start: edited.lastIndexOf('the river'), end: edited.lastIndexOf('the river') + 9 });
  });

  it('reports a quote that is gone as orphaned', () => {
    const selectors = describeSpan(text, 0, 15);
    expect(resolveSelectors('Nothing of it remains.', selectors)).toEqual({ status: 'orphaned' });
  });

  it('property: any span resolves to itself, and to the same words after text is added before it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 40 }),
        (body, a, b, inserted) => {
          const start = a % body.length;
          const end = start + 1 + (b % (body.length - start));
          const selectors = describeSpan(body, start, end);
          expect(resolveSelectors(body, selectors)).toEqual({ status: 'exact', start, end });
          const shifted = resolveSelectors(inserted + body, selectors);
          expect(shifted.status).not.toBe('orphaned');
          if (shifted.status !== 'orphaned') expect((inserted + body).slice(shifted.start, shifted.end)).toBe(body.slice(start, end));
        },
      ),
    );
  });
});

describe('finding a typed quote', () => {
  it('finds every occurrence', () => {
    expect(findQuoteOccurrences(text, 'the river')).toHaveLength(2);
    expect(findQuoteOccurrences(text, 'The river')).toEqual([{ start: 0, end: 9 }]);
  });

  it('treats straight and curly quotes, dashes and no-break spaces alike', () => {
    const article = 'Ukraine’s “sky shield” – said\u00a0Zelenskyy';
    expect(findQuoteOccurrences(article, `Ukraine's "sky shield" - said Zelenskyy`)).toEqual([{ start: 0, end: article.length }]);
  });

  it('finds nothing for an empty or absent quote', () => {
    expect(findQuoteOccurrences(text, '')).toEqual([]);
    expect(findQuoteOccurrences(text, 'ocean')).toEqual([]);
  });
});
