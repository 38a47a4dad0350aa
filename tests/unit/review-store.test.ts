// The daily review over a real library: review.json is written through the checked store, the
// same day shows the same highlights, trashed articles and highlights a revision left for review
// never show, deleted highlights leave the file, new ones join, and a damaged file is kept aside
// and started afresh without stopping anything.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsFile, articleDir } from '../../electron/core/library/files';
import { isLibraryPath } from '../../electron/core/library/library-layout';
import { Library } from '../../electron/core/library/library';
import { importFile } from '../../electron/core/import/import-file';
import { DailyReview } from '../../electron/core/review/daily-review';
import { ReviewFileSchema, reviewFile } from '../../electron/core/review/review-file';
import { storeFileAt, judgeStoreFile } from '../../electron/core/backup/archive-store-files';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { tempDir } from './support/temp-dir';

const PHRASES = ['Kharkiv', 'Kupyansk', 'Hanna Maliar', 'Russian Defence Ministry', 'drones and missiles', 'University of Economics and Trade'];

async function libraryWithHighlights(count = PHRASES.length) {
  const { library, dataDir, sample } = await libraryWithSample();
  const { text } = await library.content(sample.id);
  const phrases = PHRASES.filter((phrase) => text.includes(phrase)).slice(0, count);
  const highlights = [];
  for (const phrase of phrases) highlights.push(await highlightPhrase(library, sample.id, phrase, `on ${phrase}`));
  return { library, dataDir, sample, highlights };
}

async function secondArticle(library: Library, body: string) {
  const file = join(await tempDir(), 'second.txt');
  await writeFile(file, `A second article\n\n${body}\n`);
  return library.addArticle(await importFile(file));
}

const stored = async (dataDir: string) => ReviewFileSchema.parse(JSON.parse(await readFile(reviewFile(dataDir), 'utf8')));

describe('the daily review over a library', () => {
  it('says there is nothing yet in a library without highlights, and writes nothing the CLI way', async () => {
    const { library, dataDir } = await libraryWithSample();
    const day = await new DailyReview(library).preview('2026-12-08');
    expect(day).toEqual({ day: '2026-12-08', perDay: 5, cards: [], inReview: 0, nextDue: null });
    expect(await readdir(dataDir)).not.toContain('review.json');
    expect((await new DailyReview(library).open('2026-12-08')).cards).toEqual([]);
  });

  it('shows the same highlights all day, remembers them in review.json, and others the next day', async () => {
    const { library, dataDir, highlights } = await libraryWithHighlights();
    expect(highlights.length).toBeGreaterThan(5);
    const review = new DailyReview(library);
    const preview = await review.preview('2026-12-08');
    const first = await review.open('2026-12-08');
    expect(first.cards).toHaveLength(5);
    expect(first.cards).toEqual(preview.cards);
    const [card] = first.cards;
    expect(card).toMatchObject({ title: expect.any(String), note: `on ${card?.quote}`, color: 'green', feedback: null });
    const { text } = await library.content(card?.articleId ?? '');
    expect(text.slice(card?.start, card?.end)).toBe(card?.quote);
    await review.mark(card?.id ?? '', 'later', '2026-12-08');
    // Another library object (the app restarted) reads the same day back.
    const reopened = await new DailyReview(await Library.open(dataDir)).open('2026-12-08');
    expect(reopened.cards.map((c) => c.id)).toEqual(first.cards.map((c) => c.id));
    expect(reopened.cards[0]).toMatchObject({ feedback: 'later', due: '2027-01-07' });
    const file = await stored(dataDir);
    expect(file.today).toMatchObject({ day: '2026-12-08', ids: first.cards.map((c) => c.id) });
    expect(Object.keys(file.highlights).sort()).toEqual(first.cards.map((c) => c.id).sort());
    const next = await review.open('2026-12-09');
    expect(next.cards.length).toBe(highlights.length - 5);
    for (const c of next.cards) expect(first.cards.map((f) => f.id)).not.toContain(c.id);
    // Every highlight shown, none due: nothing today, and the day the first comes back.
    const third = await review.open('2026-12-10');
    expect(third).toMatchObject({ cards: [], inReview: highlights.length, nextDue: '2026-12-15' });
    expect((await review.open('2026-12-15')).cards.map((c) => c.id).sort()).toEqual(first.cards.slice(1).map((c) => c.id).sort());
  });

  it('never shows a trashed article’s highlights or one a revision left for review; deleted highlights leave review.json; new ones join', async () => {
    const { library, dataDir, sample, highlights } = await libraryWithHighlights(3);
    const other = await secondArticle(library, 'The ferry leaves at nine every morning in summer.');
    const ferry = await highlightPhrase(library, other.id, 'ferry');
    const review = new DailyReview(library);
    await library.updateArticle(sample.id, { state: 'trash' });
    expect((await review.open('2026-12-08')).cards.map((c) => c.id)).toEqual([ferry.id]);
    await library.updateArticle(sample.id, { state: 'reading' });
    const [orphan, deleted, kept] = highlights;
    await library.updateAnnotation(sample.id, orphan?.id ?? '', { review: { status: 'orphaned', confidence: 0, candidate: null, revision: 2 } });
    const day = await review.open('2026-12-09');
    expect(day.cards.map((c) => c.id).sort()).toEqual([deleted?.id, kept?.id].sort());
    await library.deleteAnnotation(sample.id, deleted?.id ?? '');
    const later = await highlightPhrase(library, other.id, 'summer');
    const after = await review.open('2026-12-10');
    expect(after.cards.map((c) => c.id)).toEqual([later.id]);
    const file = await stored(dataDir);
    expect(file.highlights[deleted?.id ?? '']).toBeUndefined();
    expect(file.highlights[kept?.id ?? '']).toBeDefined();
    // The day's cards lose a highlight deleted during the day.
    await library.deleteAnnotation(other.id, later.id);
    expect((await review.open('2026-12-10')).cards).toEqual([]);
  });

  it('keeps the state of a trashed article’s highlights for when it comes back, and drops it when the trash is emptied', async () => {
    const { library, dataDir, sample } = await libraryWithHighlights(2);
    const review = new DailyReview(library);
    const shown = (await review.open('2026-12-08')).cards.map((c) => c.id);
    await library.updateArticle(sample.id, { state: 'trash' });
    await review.open('2026-12-09');
    expect(Object.keys((await stored(dataDir)).highlights).sort()).toEqual([...shown].sort());
    await library.deleteArticle(sample.id);
    await review.open('2026-12-10');
    expect((await stored(dataDir)).highlights).toEqual({});
  });

  it('keeps the review of an article whose highlights file is damaged beyond repair, so repairing it brings back no discarded highlight', async () => {
    const { dataDir, sample, library } = await libraryWithHighlights(3);
    const review = new DailyReview(library);
    const [discarded, ...others] = (await review.open('2026-12-08')).cards;
    await review.mark(discarded?.id ?? '', 'discard', '2026-12-08');
    await review.mark(others[0]?.id ?? '', 'later', '2026-12-08');
    const before = await stored(dataDir);
    const good = await readFile(annotationsFile(dataDir, sample.id), 'utf8');
    await writeFile(annotationsFile(dataDir, sample.id), '{"schemaVersion": 1, "annot');
    await rm(join(articleDir(dataDir, sample.id), 'backups'), { recursive: true, force: true });
    const damaged = await Library.open(dataDir);
    expect((await new DailyReview(damaged).open('2026-12-09')).cards).toEqual([]);
    expect(damaged.notices.join(' ')).toMatch(/damaged/u);
    expect((await stored(dataDir)).highlights).toEqual(before.highlights);
    // The person puts the file back: the discarded highlight stays away and the spacing goes on.
    await writeFile(annotationsFile(dataDir, sample.id), good);
    const repaired = await new DailyReview(await Library.open(dataDir)).open('2026-12-15');
    expect(repaired.cards.map((c) => c.id).sort()).toEqual([others[1]?.id].sort());
    expect((await stored(dataDir)).highlights[discarded?.id ?? '']).toEqual(before.highlights[discarded?.id ?? '']);
    expect((await stored(dataDir)).highlights[others[0]?.id ?? '']).toEqual(before.highlights[others[0]?.id ?? '']);
  });

  it('a larger number a day adds highlights to today at once; a smaller one takes back today’s cards without feedback', async () => {
    const { library, highlights } = await libraryWithHighlights();
    const review = new DailyReview(library);
    await review.setPerDay(2, '2026-12-08');
    const two = await review.open('2026-12-08');
    expect(two.cards).toHaveLength(2);
    const more = await review.setPerDay(4, '2026-12-08');
    expect(more.cards.slice(0, 2)).toEqual(two.cards);
    expect(more.cards).toHaveLength(4);
    expect((await review.setPerDay(1, '2026-12-08')).cards).toEqual(two.cards.slice(0, 1));
    expect((await review.open('2026-12-09')).cards).toHaveLength(1);
    expect(highlights.length).toBeGreaterThan(4);
  });

  it('a number raised by mistake and lowered the same day takes back the cards it added, each with the schedule it had; reviewed cards stay', async () => {
    const { library, dataDir, highlights } = await libraryWithHighlights();
    expect(highlights).toHaveLength(6);
    const review = new DailyReview(library);
    await review.setPerDay(2, '2026-12-08');
    const [soon] = (await review.open('2026-12-08')).cards;
    await review.mark(soon?.id ?? '', 'soon', '2026-12-08');
    const soonBefore = (await stored(dataDir)).highlights[soon?.id ?? ''];
    expect(soonBefore).toMatchObject({ due: '2026-12-11', feedback: 'soon' });
    const day = await review.open('2026-12-11');
    expect(day.cards.map((c) => c.id)[0]).toBe(soon?.id);
    const kept = day.cards[1];
    await review.mark(kept?.id ?? '', 'keep', '2026-12-11');
    const before = await stored(dataDir);
    expect((await review.setPerDay(20, '2026-12-11')).cards).toHaveLength(5);
    const lowered = await review.setPerDay(2, '2026-12-11');
    expect(lowered.cards.map((c) => c.id)).toEqual([soon?.id, kept?.id]);
    expect((await stored(dataDir)).highlights).toEqual(before.highlights);
    expect((await stored(dataDir)).today?.ids).toEqual(before.today?.ids);
    // Lower still: the card without feedback goes back to when it was due; the reviewed one stays.
    expect((await review.setPerDay(1, '2026-12-11')).cards.map((c) => c.id)).toEqual([kept?.id]);
    expect((await stored(dataDir)).highlights[soon?.id ?? '']).toEqual(soonBefore);
    expect((await review.setPerDay(1, '2026-12-11')).cards.map((c) => c.id)).toEqual([kept?.id]);
    // After a restart the same: raised again then lowered, only the cards raising added go back.
    const restarted = new DailyReview(await Library.open(dataDir));
    const afterSoon = await stored(dataDir);
    expect((await restarted.setPerDay(3, '2026-12-11')).cards).toHaveLength(3);
    expect((await restarted.setPerDay(1, '2026-12-11')).cards.map((c) => c.id)).toEqual([kept?.id]);
    expect((await stored(dataDir)).highlights).toEqual(afterSoon.highlights);
  });

  it('a review.json of the first format opens; today’s cards it chose, with no schedule to give back, stay when the number is lowered', async () => {
    const { library, dataDir } = await libraryWithHighlights(3);
    const first = await new DailyReview(library).open('2026-12-08');
    const { today, ...rest } = await stored(dataDir);
    await writeFile(reviewFile(dataDir), JSON.stringify({ ...rest, schemaVersion: 1, today: { day: today?.day, ids: today?.ids } }));
    const reopened = await Library.open(dataDir);
    const lowered = await new DailyReview(reopened).setPerDay(1, '2026-12-08');
    expect(lowered.cards.map((c) => c.id)).toEqual(first.cards.map((c) => c.id));
    expect(reopened.notices).toEqual([]);
    expect((await stored(dataDir)).schemaVersion).toBe(2);
  });

  it('refuses feedback on a highlight not in the day’s review', async () => {
    const { library, highlights } = await libraryWithHighlights(2);
    const review = new DailyReview(library);
    await review.setPerDay(1, '2026-12-08');
    const [shown] = (await review.open('2026-12-08')).cards;
    const other = highlights.find((h) => h.id !== shown?.id);
    await expect(review.mark(other?.id ?? '', 'keep', '2026-12-08')).rejects.toThrow('That highlight is not in today’s review; open the review again.');
    await expect(review.mark(shown?.id ?? '', 'keep', '2026-12-09')).rejects.toThrow('not in today’s review');
  });

  it('a damaged review.json is kept aside and the review starts afresh, with one sentence; the library is unharmed', async () => {
    const { dataDir, highlights } = await libraryWithHighlights(3);
    await writeFile(reviewFile(dataDir), '{"schemaVersion": 1, "perDay": 5, "today": {"day": "2026-12-0');
    const reopened = await Library.open(dataDir);
    const day = await new DailyReview(reopened).open('2026-12-08');
    expect(day.cards).toHaveLength(3);
    expect(reopened.notices.join(' ')).toMatch(/^The highlight review file \(review\.json\) was damaged \(not valid JSON\); Margin kept it as review\.json\.damaged-\S+ and started the highlight review afresh/u);
    const names = await readdir(dataDir);
    const aside = names.find((name) => name.startsWith('review.json.damaged-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dataDir, aside ?? ''), 'utf8')).toContain('"today": {"day": "2026-12-0');
    expect((await stored(dataDir)).today?.ids).toHaveLength(3);
    expect((await reopened.annotations(highlights[0]?.articleId ?? '')).length).toBe(3);
    // A file of the wrong shape is damage too, not a crash.
    await writeFile(reviewFile(dataDir), JSON.stringify({ schemaVersion: 1, perDay: 500, highlights: {} }));
    const third = await Library.open(dataDir);
    expect((await new DailyReview(third).open('2026-12-09')).perDay).toBe(5);
    expect(third.notices.join(' ')).toContain('(unexpected contents)');
  });

  it('review.json and its damaged copies are the library’s own: backed up, restored and moved with it; a damaged one in a backup is left out', async () => {
    expect(isLibraryPath(['review.json'], false)).toBe(true);
    expect(isLibraryPath(['review.json.damaged-20261208T101010000Z'], false)).toBe(true);
    const file = storeFileAt('review.json');
    expect(file).not.toBeNull();
    if (file === null) return;
    expect(judgeStoreFile(file, 'review.json', JSON.stringify({ schemaVersion: 1, perDay: 5, today: null, highlights: {} }))).toEqual({ status: 'good' });
    expect(judgeStoreFile(file, 'review.json', '{')).toEqual({ status: 'left out' });
  });
});
