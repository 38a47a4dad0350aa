// The Review's channels: each checks its input, the day follows the clock the handler table is
// given (the main process's, or a test's), and feedback is answered with the updated card.
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import type { ReviewCard, ReviewDay } from '../../electron/shared/daily-review';
import type { Result } from '../../electron/shared/result';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';

const platform: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null };

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value as T;
}

describe('review channels', () => {
  it('open the day of the clock given, take feedback on its cards and a number a day', async () => {
    const { library, sample } = await libraryWithSample();
    const first = await highlightPhrase(library, sample.id, 'Kharkiv', 'the region');
    const second = await highlightPhrase(library, sample.id, 'Kupyansk');
    let now = new Date(2026, 11, 8, 9, 30);
    const handlers = createHandlers(library, platform, { clock: () => now });
    const day = value<ReviewDay>(await handlers['review:open']({}));
    expect(day.day).toBe('2026-12-08');
    expect(day.cards.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    const card = value<ReviewCard>(await handlers['review:mark']({ id: first.id, feedback: 'soon' }));
    expect(card).toMatchObject({ id: first.id, note: 'the region', feedback: 'soon', due: '2026-12-11' });
    expect(value<ReviewDay>(await handlers['review:set-per-day']({ perDay: 9 })).perDay).toBe(9);
    now = new Date(2026, 11, 9, 0, 1);
    expect(value<ReviewDay>(await handlers['review:open']({}))).toMatchObject({ day: '2026-12-09', cards: [], nextDue: '2026-12-11' });
    // Feedback on yesterday's card, once the day has turned, is refused in one sentence.
    expect(await handlers['review:mark']({ id: second.id, feedback: 'keep' })).toEqual({ ok: false, error: 'That highlight is not in today’s review; open the review again.' });
  });

  it('refuse malformed input with a Result, never a throw', async () => {
    const { library } = await libraryWithSample();
    const handlers = createHandlers(library, platform);
    const refused = (channel: string) => ({ ok: false, error: `Margin refused a malformed request (${channel}).` });
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const input of [{ day: '2026-12-08' }, null, 'today', []]) expect(await handlers['review:open'](input)).toEqual(refused('review:open'));
    for (const input of [{}, { id }, { id, feedback: 'forget' }, { id: 'x', feedback: 'keep' }, { id, feedback: 'keep', day: '2026-12-08' }]) {
      expect(await handlers['review:mark'](input)).toEqual(refused('review:mark'));
    }
    for (const perDay of [0, 51, 2.5, '5', null, Number.NaN, Infinity]) expect(await handlers['review:set-per-day']({ perDay })).toEqual(refused('review:set-per-day'));
    expect(await handlers['review:mark']({ id, feedback: 'keep' })).toEqual({ ok: false, error: 'That highlight is no longer in the library.' });
  });
});
