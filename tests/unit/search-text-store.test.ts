// The search's article texts: a text read once is kept for the next snippet, the least recently
// used goes first when the 8M-character allowance is full, and a text longer than the allowance
// is read from disk every time rather than pushing everything else out.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextStore, stampOf } from '../../electron/core/search/text-store';
import { tempDir } from './support/temp-dir';

const ALLOWANCE = 8_000_000;

async function storeWith(texts: Record<string, string>): Promise<TextStore> {
  const store = new TextStore(join(await tempDir(), 'texts'));
  for (const [id, text] of Object.entries(texts)) store.put(id, text);
  await store.flush();
  return store;
}

/** Whether `get` still answers once the file is gone: only a kept text does. */
async function kept(store: TextStore, id: string, text: string): Promise<boolean> {
  await rm(join(store.dir, `${id}.txt`), { force: true });
  return (await store.get(id, stampOf(text))) === text;
}

describe('the search text store keeps recently used texts within its allowance', () => {
  it('keeps a text it wrote, and drops the least recently used when the allowance is full', async () => {
    const big = 'a'.repeat(ALLOWANCE / 2);
    const other = 'b'.repeat(ALLOWANCE / 2);
    const third = 'c'.repeat(ALLOWANCE / 2);
    const store = await storeWith({ first: big, second: other });
    expect(await store.get('first', stampOf(big))).toBe(big);
    store.put('third', third);
    await store.flush();
    expect(await kept(store, 'second', other)).toBe(false);
    expect(await kept(store, 'first', big)).toBe(true);
    expect(await kept(store, 'third', third)).toBe(true);
  });

  it('does not keep a text longer than the whole allowance, and keeps the others', async () => {
    const small = 'small text';
    const huge = 'h'.repeat(ALLOWANCE + 1);
    const store = await storeWith({ small, huge });
    expect(await store.get('huge', stampOf(huge))).toBe(huge);
    expect(await kept(store, 'huge', huge)).toBe(false);
    expect(await kept(store, 'small', small)).toBe(true);
  });
});
