import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Anchor, anchorAll, describeSpan, findQuoteOccurrences, NEEDS_REVIEW_BELOW, needsReview, quoteFinder, quoteIsAt, reanchorAll, resolve } from '../../electron/shared/anchoring';
import { checkProperty, propertyRuns } from './support/property';

const RUNS = propertyRuns(500);

const text = 'The river rose. Then the river fell. The town waited for the river to rise again.';

/** The words a reader sees highlighted, or null when the highlight is not painted. */
function painted(body: string, anchor: Anchor): string | null {
  return anchor.status === 'orphaned' ? null : body.slice(anchor.start, anchor.end);
}

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
});

describe('resolving one highlight', () => {
  it('resolves at the stored position when the text is unchanged', () => {
    const at = text.indexOf('river fell');
    expect(resolve(describeSpan(text, at, at + 10), text)).toMatchObject({ status: 'exact', start: at, end: at + 10, confidence: 1 });
  });

  it('follows a quote that moved, choosing the repeat whose context matches', () => {
    const at = text.lastIndexOf('the river');
    const selectors = describeSpan(text, at, at + 9);
    const edited = `A new first sentence. ${text}`;
    const moved = resolve(selectors, edited);
    expect(moved.status).toBe('moved');
    expect(painted(edited, moved)).toBe('the river');
    // The reader's "the river" is the one about rising again, not the one that fell.
    expect(moved.status !== 'orphaned' && edited.slice(moved.end).startsWith(' to rise again')).toBe(true);
  });

  it('finds words that were edited, with a confidence, and flags heavy edits for review', () => {
    const body = 'Rain fell on the valley all night. The old stone bridge over the river held firm against the flood. By morning the water had gone.';
    const start = body.indexOf('The old stone');
    const selectors = describeSpan(body, start, body.indexOf(' against'));
    const lightly = body.replace('old stone bridge', 'old stone footbridge');
    const light = resolve(selectors, lightly);
    expect(light.status).toBe('fuzzy');
    expect(painted(lightly, light)).toBe('The old stone footbridge over the river held firm');
    expect(light.confidence).toBeGreaterThanOrEqual(NEEDS_REVIEW_BELOW);
    expect(needsReview(light)).toBe(false);

    const heavily = body.replace('The old stone bridge over the river held firm', 'A new steel crossing over the stream stood firm');
    const heavy = resolve(selectors, heavily);
    expect(needsReview(heavy)).toBe(true);
    expect(heavy.confidence).toBeLessThan(light.confidence);
  });

  it('reports a quote that is gone as orphaned, with no span and confidence 0', () => {
    const selectors = describeSpan(text, 0, 15);
    const gone = resolve(selectors, 'Nothing of it remains.');
    expect(gone).toMatchObject({ status: 'orphaned', confidence: 0 });
    expect(needsReview(gone)).toBe(true);
  });

  it('keeps the best candidate of an orphan for a person to judge', () => {
    const body = 'First part of the story. The fox jumped over the sleeping dog near the barn. Last part of the story.';
    const start = body.indexOf('The fox');
    const selectors = describeSpan(body, start, body.indexOf(' near the barn'));
    const rewritten = body.replace('The fox jumped over the sleeping dog', 'A hen walked past a cat');
    const anchor = resolve(selectors, rewritten);
    if (anchor.status === 'orphaned') {
      expect(anchor.candidate === null || anchor.candidate.confidence < NEEDS_REVIEW_BELOW).toBe(true);
    } else {
      expect(anchor.status).toBe('fuzzy');
      expect(needsReview(anchor)).toBe(true);
    }
  });

  it('never paints a span outside the text, whatever the stored position says', () => {
    const selectors = { ...describeSpan(text, 4, 9), position: { type: 'TextPositionSelector' as const, start: 500, end: 505 } };
    const anchor = resolve(selectors, text);
    expect(painted(text, anchor)).toBe('river');
  });
});

describe('anchoring many highlights', () => {
  it('anchors each highlight as resolving it alone would, in the given order', () => {
    const spans = [[4, 9], [25, 35], [0, 3], [61, 70]] as const;
    const list = spans.map(([s, e]) => describeSpan(text, s, e));
    const anchors = anchorAll(`Preface. ${text}`, list);
    expect(anchors.map((a) => painted(`Preface. ${text}`, a))).toEqual(spans.map(([s, e]) => text.slice(s, e)));
    expect(anchorAll(text, list).every((a) => a.status === 'exact')).toBe(true);
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

// ---- Properties ------------------------------------------------------------------------------

/** Text from a small alphabet repeats itself a lot, which is where anchoring goes wrong. */
const repetitive = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\n'), maxLength: 80 });
const anyText = fc.string({ maxLength: 80 });
const prose = fc
  .array(fc.constantFrom('the', 'river', 'rose', 'fell', 'town', 'a', 'and', 'of', 'again.', 'It', 'waited.\n\n'), { maxLength: 25 })
  .map((words) => words.join(' '));
const piece = fc.oneof(repetitive, anyText, prose);

/** One edit of a stretch of text: [where, how many characters to remove, what to put there]. */
const editOf = fc.tuple(fc.nat(), fc.nat({ max: 12 }), piece);

function applyEdits(part: string, edits: ReadonlyArray<readonly [number, number, string]>): string {
  let out = part;
  for (const [where, remove, insert] of edits) {
    const at = out.length === 0 ? 0 : where % (out.length + 1);
    out = out.slice(0, at) + insert + out.slice(at + remove);
  }
  return out;
}

/**
 * An article made of stretches, some highlighted. Edits change only the stretches between
 * highlights, so every highlight's words are still there, whole, in the new text.
 */
const revisedArticle = fc
  .array(fc.record({ between: piece, highlight: fc.oneof(repetitive, anyText, prose).filter((s) => s.length > 0), edits: fc.array(editOf, { maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 5,
  })
  .chain((stretches) => fc.tuple(fc.constant(stretches), fc.array(editOf, { maxLength: 3 })));

function build(stretches: ReadonlyArray<{ between: string; highlight: string; edits: ReadonlyArray<readonly [number, number, string]> }>, tail: string, edited: boolean) {
  let body = '';
  const spans: Array<{ start: number; end: number }> = [];
  for (const stretch of stretches) {
    body += edited ? applyEdits(stretch.between, stretch.edits) : stretch.between;
    spans.push({ start: body.length, end: body.length + stretch.highlight.length });
    body += stretch.highlight;
  }
  return { body: body + tail, spans };
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

describe('properties', () => {
  it('describing a span then resolving it gives the span back', () => {
    checkProperty(
      fc.property(fc.oneof(repetitive, anyText, prose).filter((s) => s.length > 0), fc.nat(), fc.nat(), (body, a, b) => {
        const start = a % body.length;
        const end = start + 1 + (b % (body.length - start));
        expect(resolve(describeSpan(body, start, end), body)).toMatchObject({ status: 'exact', start, end });
        expect(anchorAll(body, [describeSpan(body, start, end)])[0]).toMatchObject({ status: 'exact', start, end });
      }),
      RUNS,
    );
  });

  it('after edits that leave the highlighted words alone, every highlight finds the same words', () => {
    checkProperty(
      fc.property(revisedArticle, ([stretches, tailEdits]) => {
        const before = build(stretches, 'The end.', false);
        const after = build(stretches, applyEdits('The end.', tailEdits), true);
        const selectorsList = before.spans.map(({ start, end }) => describeSpan(before.body, start, end));
        const reanchored = reanchorAll(before.body, after.body, selectorsList);
        selectorsList.forEach((selectors, i) => {
          const words = selectors.quote.exact;
          const expected = after.spans[i] as { start: number; end: number };
          for (const anchor of [resolve(selectors, after.body), reanchored[i] as Anchor]) {
            expect(['exact', 'moved']).toContain(anchor.status);
            expect(painted(after.body, anchor)).toBe(words);
            // Where the words occur only once, "the same words" is also the same place.
            if (occurrences(after.body, words) === 1 && anchor.status !== 'orphaned') expect(anchor.start).toBe(expected.start);
          }
        });
      }),
      RUNS,
    );
  });
});

describe('quoteIsAt: the check every write makes', () => {
  const text = 'The harbour wall was rebuilt after the storm of 1953.';
  it('is true only when the quote stands at its stored position', () => {
    const selectors = describeSpan(text, 4, 16);
    expect(quoteIsAt(selectors, text)).toBe(true);
    expect(quoteIsAt({ ...selectors, position: { ...selectors.position, start: 5, end: 17 } }, text)).toBe(false);
    expect(quoteIsAt({ ...selectors, position: { ...selectors.position, start: text.length - 2, end: text.length + 10 } }, text)).toBe(false);
    expect(quoteIsAt(selectors, `A ${text}`)).toBe(false);
  });
});

describe('quoteFinder: is this quote in the text', () => {
  it('finds a quote as written or with its quotes, dashes and spaces typed plainly, and nothing else', () => {
    const holdsQuote = quoteFinder('Ukraine’s grain \u2014 shipped at\u00a0dawn.');
    expect(holdsQuote('Ukraine’s grain')).toBe(true);
    expect(holdsQuote("Ukraine's grain - shipped at dawn")).toBe(true);
    expect(holdsQuote('shipped at noon')).toBe(false);
  });
});
