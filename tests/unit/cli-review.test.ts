// `margin review`: the day's highlights as the app's Review shows them, for any day, without
// changing the library.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DailyReview } from '../../electron/core/review/daily-review';
import { Library } from '../../electron/core/library/library';
import type { ReviewDay } from '../../electron/shared/daily-review';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { margin, marginJson } from './support/margin-cli';

describe('margin review', () => {
  it('prints the day the app shows, the same for the same day, without writing review.json', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    for (const phrase of ['Kharkiv', 'Kupyansk', 'Hanna Maliar', 'drones and missiles', 'Russian Defence Ministry', 'University of Economics and Trade']) {
      await highlightPhrase(library, sample.id, phrase, phrase === 'Kharkiv' ? 'liberated last September' : '');
    }
    const day = await marginJson<ReviewDay>(dataDir, 'review', '--date', '2026-12-08');
    expect(day).toMatchObject({ day: '2026-12-08', perDay: 5, inReview: 6 });
    expect(day.cards).toHaveLength(5);
    expect(await marginJson<ReviewDay>(dataDir, 'review', '--date', '2026-12-08')).toEqual(day);
    expect(await readdir(dataDir)).not.toContain('review.json');
    // The app opening the same day shows the same highlights.
    expect((await new DailyReview(await Library.open(dataDir)).open('2026-12-08')).cards).toEqual(day.cards);
    const plain = await margin(dataDir, 'review', '--date', '2026-12-08');
    expect(plain.code).toBe(0);
    const [heading, ...lines] = plain.out.trimEnd().split('\n');
    expect(heading).toBe('2026-12-08: 5 highlights to review');
    expect(lines[0]).toBe(`${day.cards[0]?.id}  ${sample.title}`);
    expect(plain.out).toContain(`    "${day.cards[0]?.quote}"`);
    // The next day the one not yet shown; the CLI remembers nothing, so the day after too, until the app shows it.
    const next = await marginJson<ReviewDay>(dataDir, 'review', '--date', '2026-12-09');
    expect(next.cards).toHaveLength(1);
    expect((await marginJson<ReviewDay>(dataDir, 'review', '--date', '2026-12-10')).cards.map((c) => c.id)).toEqual(next.cards.map((c) => c.id));
    await new DailyReview(await Library.open(dataDir)).open('2026-12-09');
    expect((await margin(dataDir, 'review', '--date', '2026-12-10')).out).toBe('Nothing to review on 2026-12-10; the next highlights come back on 2026-12-15.\n');
  });

  it('says how to begin in a library without highlights, and refuses a day not in the calendar', async () => {
    const { dataDir } = await libraryWithSample();
    expect(await margin(dataDir, 'review')).toEqual({ code: 0, out: 'Nothing to review yet: highlight passages in your articles and they will come back here.\n', err: '' });
    expect(await margin(dataDir, 'review', '--date', '2026-02-30')).toMatchObject({ code: 1, err: 'That day is not in the calendar.\n' });
    expect(await margin(dataDir, 'review', '--date', 'tomorrow')).toMatchObject({ code: 1, err: 'A day is written YYYY-MM-DD.\n' });
  });
});
