// Re-anchoring highlights across two revisions of an article, one folder per case under
// tests/fixtures/revisions: old.txt, new.txt and expected.json, which names each highlight by its
// words in old.txt and says what a reader should then see in new.txt.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsReview, type Anchor } from '../../electron/shared/anchoring/anchor';
import { describeSpan } from '../../electron/shared/anchoring/describe';
import { reanchorAll } from '../../electron/shared/anchoring/reanchor';
import { resolveSelectors } from '../../electron/shared/anchoring/resolve';

interface Expectation {
  /** Statuses a reader could accept here. */
  status: Array<Anchor['status']>;
  /** The words painted in the new text. */
  words?: string;
  /** Text right after the painted words, to tell repeats apart. */
  followedBy?: string;
  /** A passage of the new text the painted words (or the offered candidate) must lie inside. */
  within?: string;
  /** Whether the highlight is listed in "Needs review". */
  review: boolean;
}

interface Case {
  about: string;
  highlights: Array<{ quote: string; occurrence?: number; expect: Expectation }>;
}

const ROOT = join(import.meta.dirname, '../fixtures/revisions');

function nthIndex(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`"${quote}" occurs fewer than ${occurrence} times in old.txt`);
  }
  return at;
}

function check(newText: string, anchor: Anchor, expected: Expectation): void {
  expect(expected.status).toContain(anchor.status);
  expect(needsReview(anchor)).toBe(expected.review);
  if (anchor.status === 'fuzzy') {
    expect(anchor.confidence).toBeGreaterThan(0);
    expect(anchor.confidence).toBeLessThanOrEqual(1);
  }
  const span = anchor.status === 'orphaned' ? anchor.candidate : anchor;
  if (anchor.status === 'orphaned') expect(anchor.confidence).toBe(0);
  if (expected.words !== undefined) {
    expect(anchor.status).not.toBe('orphaned');
    if (anchor.status !== 'orphaned') expect(newText.slice(anchor.start, anchor.end)).toBe(expected.words);
  }
  if (expected.followedBy !== undefined && anchor.status !== 'orphaned') {
    expect(newText.slice(anchor.end, anchor.end + expected.followedBy.length)).toBe(expected.followedBy);
  }
  if (expected.within !== undefined && span !== null) {
    const passage = newText.indexOf(expected.within);
    expect(passage).toBeGreaterThanOrEqual(0);
    expect(span.start).toBeGreaterThanOrEqual(passage);
    expect(span.end).toBeLessThanOrEqual(passage + expected.within.length);
  }
}

const cases = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isDirectory());

describe('re-anchoring a new revision', () => {
  it('has the five revision cases of issue 4', () => {
    expect(cases.map((entry) => entry.name).sort()).toEqual(
      ['article-reordered', 'paragraph-deleted', 'quote-repeated', 'sentence-inserted-before', 'words-changed-inside'].sort(),
    );
  });

  for (const entry of cases) {
    const dir = join(ROOT, entry.name);
    const oldText = readFileSync(join(dir, 'old.txt'), 'utf8');
    const newText = readFileSync(join(dir, 'new.txt'), 'utf8');
    const testCase = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Case;
    const selectorsList = testCase.highlights.map(({ quote, occurrence }) => {
      const start = nthIndex(oldText, quote, occurrence ?? 1);
      return describeSpan(oldText, start, start + quote.length);
    });

    describe(`${entry.name}: ${testCase.about}`, () => {
      it('all at once, through one diff of the two revisions', () => {
        const anchors = reanchorAll(oldText, newText, selectorsList);
        testCase.highlights.forEach((highlight, i) => check(newText, anchors[i] as Anchor, highlight.expect));
      });

      it('one at a time, from the stored selectors alone', () => {
        testCase.highlights.forEach((highlight, i) => check(newText, resolveSelectors(newText, selectorsList[i]!), highlight.expect));
      });
    });
  }
});
