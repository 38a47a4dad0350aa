import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetConverter } from '../../electron/core/export/code-points';
import { checkProperty } from './support/property';

describe('UTF-16 and code point offsets', () => {
  it('counts a character outside the BMP once in code points and twice in UTF-16', () => {
    const text = 'a🚆b𝒳c';
    const convert = offsetConverter(text);
    expect([0, 1, 3, 4, 6, 7].map(convert.toCodePoints)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map(convert.toUtf16)).toEqual([0, 1, 3, 4, 6, 7]);
    expect(convert.toUtf16(6)).toBeNull();
  });

  it('agrees with the spread operator on any text, and converts back', () => {
    checkProperty(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), (text, seed) => {
        const convert = offsetConverter(text);
        const boundaries = [0];
        for (const char of text) boundaries.push((boundaries[boundaries.length - 1] ?? 0) + char.length);
        const at = boundaries[seed % boundaries.length] ?? 0;
        const codePoints = [...text.slice(0, at)].length;
        expect(convert.toCodePoints(at)).toBe(codePoints);
        expect(convert.toUtf16(codePoints)).toBe(at);
      }),
      500,
    );
  });
});
