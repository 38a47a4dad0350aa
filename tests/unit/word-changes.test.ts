// The review card marks the words a revision changed inside a highlight, whole words only, in
// text with and without spaces between words.
import { describe, expect, it } from 'vitest';
import { wordChanges } from '../../electron/shared/anchoring';

const changed = (parts: { text: string; changed: boolean }[]) => parts.filter((p) => p.changed).map((p) => p.text);

describe('wordChanges', () => {
  it('marks the one word that changed, on each side, and gives every character back', () => {
    const before = 'forcing the evacuation of two apartment blocks';
    const after = 'forcing the evacuation of three apartment blocks';
    const parts = wordChanges(before, after);
    expect(changed(parts.before)).toEqual(['two']);
    expect(changed(parts.after)).toEqual(['three']);
    expect(parts.before.map((p) => p.text).join('')).toBe(before);
    expect(parts.after.map((p) => p.text).join('')).toBe(after);
  });

  it('compares Japanese word by word although it has no spaces', () => {
    const parts = wordChanges('東京で大きな地震があった', '大阪で大きな地震があった');
    expect(changed(parts.before).join('')).toBe('東京');
    expect(changed(parts.after).join('')).toBe('大阪');
  });

  it('marks nothing when the words are the same', () => {
    expect(wordChanges('same words', 'same words')).toEqual({ before: [{ text: 'same words', changed: false }], after: [{ text: 'same words', changed: false }] });
  });
});
