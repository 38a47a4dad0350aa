// Re-anchoring highlights across two revisions of an article, one folder per case under
// tests/fixtures/revisions: old.txt, new.txt and expected.json, which names each highlight by its
// words in old.txt and says what a reader should then see in new.txt.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Anchor, carryToRevision, describeSpan, reanchorAll, resolve } from '../../electron/shared/anchoring';

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
  it('has the five kinds of revision a highlight must survive', () => {
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

      it('as the store carries them: changed words wait for review with the words the person chose', () => {
        const stamp = '2026-01-01T00:00:00.000Z';
        const articleId = '00000000-0000-4000-8000-000000000000';
        const annotations = selectorsList.map((target, i) => ({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, articleId, color: 'yellow' as const, note: '', tags: [], target, review: null, createdAt: stamp, updatedAt: stamp }));
        const { annotations: carried, summary } = carryToRevision(oldText, newText, annotations, 2);
        expect(summary.needsReview).toBe(testCase.highlights.filter((h) => h.expect.review).length);
        testCase.highlights.forEach((highlight, i) => {
          const after = carried[i];
          expect(after?.review !== null).toBe(highlight.expect.review);
          if (highlight.expect.review) {
            expect(after?.target).toEqual(selectorsList[i]);
            if (after?.review?.status === 'fuzzy') expect(after.review.confidence).toBeLessThan(1);
          } else expect(newText.slice(after?.target.position.start, after?.target.position.end)).toBe(highlight.quote);
        });
      });

      it('one at a time, from the stored selectors alone', () => {
        testCase.highlights.forEach((highlight, i) => check(newText, resolve(selectorsList[i]!, newText), highlight.expect));
      });
    });
  }
});
