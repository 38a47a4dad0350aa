// Converts offsets between UTF-16 code units (how JavaScript strings, and so Margin's selectors,
// count) and Unicode code points (how the W3C Web Annotation model counts
// TextPositionSelector). They differ by one for every character outside the Basic Multilingual
// Plane (emoji, many CJK extensions) before the offset. One converter per article text, so a
// hundred highlights share one scan of it.

export interface OffsetConverter {
  toCodePoints(utf16Offset: number): number;
  /** Null when the offset lies past the end of the text. */
  toUtf16(codePointOffset: number): number | null;
}

/** UTF-16 index of the high half of every surrogate pair, in order. */
function pairStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        starts.push(i);
        i++;
      }
    }
  }
  return starts;
}

/** How many items of a sorted list are below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function offsetConverter(text: string): OffsetConverter {
  const pairs = pairStarts(text);
  // A code point offset c lands at UTF-16 offset c + (pairs wholly before it); pair k starts at
  // code point pairs[k] - k.
  const pairStartsInCodePoints = pairs.map((start, k) => start - k);
  const codePointLength = text.length - pairs.length;
  return {
    // An offset between the halves of a pair (never a valid selector) rounds down to the pair.
    toCodePoints: (utf16Offset) => utf16Offset - countBelow(pairs, utf16Offset),
    toUtf16: (codePointOffset) =>
      codePointOffset > codePointLength ? null : codePointOffset + countBelow(pairStartsInCodePoints, codePointOffset),
  };
}
