// The texts kept in memory: reading a few articles in turn reads none of them twice, and what is
// kept stays within its bounds, the article being read staying whatever its size.
import { describe, expect, it } from 'vitest';
import { ContentCache, KEPT_CONTENTS, KEPT_CONTENT_CHARS } from '../../electron/core/library/content-cache';

const text = (chars: number) => ({ text: 'x'.repeat(chars), figures: [], wordCount: 1 });

describe('the kept article texts', () => {
  it('keeps the most recently read ones, up to its count', () => {
    const cache = new ContentCache();
    for (let i = 0; i <= KEPT_CONTENTS; i += 1) cache.keep(`a${i}`, text(10));
    expect(cache.get('a0')).toBeUndefined();
    expect(cache.ids()).toHaveLength(KEPT_CONTENTS);
    // Reading the oldest one kept makes it the newest: the next new one pushes out another.
    expect(cache.get('a1')).toBeDefined();
    cache.keep('new', text(10));
    expect(cache.get('a1')).toBeDefined();
    expect(cache.get('a2')).toBeUndefined();
  });

  it('keeps no more characters than its allowance, dropping the least recently read first', () => {
    const cache = new ContentCache();
    const third = Math.floor(KEPT_CONTENT_CHARS / 3);
    cache.keep('one', text(third));
    cache.keep('two', text(third));
    cache.keep('three', text(third));
    cache.get('one');
    cache.keep('four', text(third));
    expect(cache.ids()).toEqual(['four', 'one', 'three']);
  });

  it('keeps an article larger than the whole allowance, alone, while it is the one being read', () => {
    const cache = new ContentCache();
    cache.keep('short', text(100));
    cache.keep('book', text(KEPT_CONTENT_CHARS + 1));
    expect(cache.ids()).toEqual(['book']);
    cache.keep('short', text(100));
    expect(cache.ids()).toEqual(['short']);
  });

  it('forgets a deleted article', () => {
    const cache = new ContentCache();
    cache.keep('gone', text(5));
    cache.forget('gone');
    expect(cache.get('gone')).toBeUndefined();
  });
});
