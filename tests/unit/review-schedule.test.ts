// The review's schedule as pure functions: a day is a function of its inputs, due highlights go
// before new ones, nothing not yet due or discarded comes back, and a day never shows more than
// asked; from the fixed seed (printed by fast-check on failure).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, settleDay, type ReviewSources } from '../../electron/core/review/daily-review';
import { emptyReview, type ReviewFile } from '../../electron/core/review/review-file';
import { FIRST_STEP_DAYS, SOON_DAYS, pickForDay, shownOn, withFeedback, type ReviewEntry } from '../../electron/core/review/schedule';
import { REVIEW_FEEDBACK, addDays, dayNumber, localDay } from '../../electron/shared/daily-review';
import type { Annotation } from '../../electron/shared/model';
import { checkProperty, propertyRuns } from './support/property';

const ARTICLE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const uuid = fc.uuid({ version: 4 });
const day = fc.integer({ min: dayNumber('2020-01-01') ?? 0, max: dayNumber('2035-12-31') ?? 0 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const feedback = fc.constantFrom(...REVIEW_FEEDBACK);

/** A pool of highlight ids and what the review remembers of some of them (and of some no longer there). */
const state = fc
  .record({
    pool: fc.uniqueArray(uuid, { maxLength: 40 }),
    gone: fc.uniqueArray(uuid, { maxLength: 5 }),
    day,
    count: fc.integer({ min: 0, max: 12 }),
  })
  .chain(({ pool, gone, day, count }) =>
    fc
      .array(fc.record({ known: fc.boolean(), shownBefore: fc.integer({ min: 1, max: 400 }), feedback: fc.option(feedback, { nil: null }) }), { minLength: pool.length + gone.length, maxLength: pool.length + gone.length })
      .map((facts) => {
        const entries: Record<string, ReviewEntry> = {};
        [...pool, ...gone].forEach((id, i) => {
          const fact = facts[i];
          if (fact === undefined || !fact.known) return;
          const shown = shownOn(undefined, ARTICLE, addDays(day, -fact.shownBefore));
          entries[id] = fact.feedback === null ? shown : withFeedback(shown, fact.feedback);
        });
        return { pool, gone, day, count, entries };
      }),
  );

describe('the review schedule', () => {
  it('picks the same highlights for the same day, at most as many as asked, only from the pool, never one not yet due or discarded, due ones first', () => {
    checkProperty(
      fc.property(state, ({ pool, day, count, entries }) => {
        const picked = pickForDay(pool, entries, day, count);
        expect(pickForDay([...pool].reverse(), { ...entries }, day, count)).toEqual(picked);
        expect(picked.length).toBeLessThanOrEqual(count);
        expect(new Set(picked).size).toBe(picked.length);
        const due = pool.filter((id) => entries[id]?.due != null && (entries[id]?.due ?? '') <= day);
        const fresh = pool.filter((id) => entries[id] === undefined);
        expect(picked.length).toBe(Math.min(count, due.length + fresh.length));
        for (const id of picked) {
          expect(pool).toContain(id);
          const entry = entries[id];
          if (entry !== undefined) {
            expect(entry.feedback).not.toBe('discard');
            expect(entry.due !== null && entry.due <= day).toBe(true);
          }
        }
        // Due first: a new highlight is chosen only when every due one was.
        if (picked.some((id) => entries[id] === undefined)) for (const id of due) expect(picked).toContain(id);
        // The longest overdue first among the due.
        const dues = picked.flatMap((id) => (entries[id] === undefined ? [] : [entries[id]?.due ?? '']));
        expect(dues).toEqual([...dues].sort());
      }),
      propertyRuns(300),
    );
  });

  it('a day settled twice (feedback given in between) shows the same highlights; the next day shows none of them again', () => {
    checkProperty(
      fc.property(state, fc.array(feedback, { maxLength: 12 }), ({ pool, gone, day, count, entries }, said) => {
        const sources = sourcesOf(pool);
        const file: ReviewFile = { ...emptyReview(), perDay: Math.max(1, count), highlights: entries };
        const first = settleDay(file, day, sources);
        const ids = first.today?.ids ?? [];
        // Entries of highlights no longer in the library are dropped.
        for (const id of gone) expect(first.highlights[id]).toBeUndefined();
        const marked = { ...first, highlights: { ...first.highlights } };
        ids.forEach((id, i) => {
          const given = said[i];
          const entry = marked.highlights[id];
          if (given !== undefined && entry !== undefined) marked.highlights[id] = withFeedback(entry, given);
        });
        const again = settleDay(marked, day, sources);
        expect(again.today?.ids).toEqual(ids);
        expect(dayOf(again, day, sources).cards.map((card) => card.id)).toEqual(ids);
        const tomorrow = settleDay(again, addDays(day, 1), sources).today?.ids ?? [];
        for (const id of tomorrow) expect(ids).not.toContain(id);
      }),
      propertyRuns(200),
    );
  });

  it('spaces a highlight: 7 days when first shown, twice the spacing it had each time after, soon 3 days, later a month, discard never', () => {
    const first = shownOn(undefined, ARTICLE, '2026-12-08');
    expect(first).toEqual({ articleId: ARTICLE, shown: '2026-12-08', step: FIRST_STEP_DAYS, due: '2026-12-15', feedback: null });
    expect(withFeedback(first, 'soon').due).toBe(addDays('2026-12-08', SOON_DAYS));
    expect(withFeedback(first, 'later').due).toBe('2027-01-07');
    expect(withFeedback(first, 'discard').due).toBeNull();
    // Feedback given twice the same day: the second replaces the first.
    expect(withFeedback(withFeedback(first, 'later'), 'keep')).toEqual({ ...first, feedback: 'keep' });
    expect(shownOn(first, ARTICLE, '2026-12-15').due).toBe('2026-12-29');
    expect(shownOn(withFeedback(first, 'soon'), ARTICLE, '2026-12-11').step).toBe(FIRST_STEP_DAYS);
  });

  it('counts calendar days, refusing days that are not in it', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('0099-01-01')).toBeNull();
    expect(dayNumber('2026-1-1')).toBeNull();
    expect(localDay(new Date(2026, 11, 8, 23, 59))).toBe('2026-12-08');
  });
});

function sourcesOf(pool: string[]): ReviewSources {
  const annotation = (id: string): Annotation => ({
    id,
    articleId: ARTICLE,
    color: 'yellow',
    note: '',
    tags: [],
    target: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
    review: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  return {
    pool: new Map(pool.map((id) => [id, { annotation: annotation(id), title: 'An article' }])),
    existing: new Set(pool),
    unread: new Set(),
    articles: new Set([ARTICLE]),
  };
}
