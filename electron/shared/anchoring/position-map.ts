// Carries offsets in an old revision over to the new one through a diff, so a highlight in text
// the edit left alone moves without any search. An offset in deleted text is not carried; it
// still gets the place where that text was, as a hint for searching. fast-diff itself maps no
// offsets (its cursor option tracks a single one), so this walks its output.
import type { Span } from './anchor';
import type { Edit } from './text-diff';

export interface MappedOffset {
  at: number;
  /** The character at this offset survived the edit unchanged. */
  kept: boolean;
}

/** Where the characters of an old span that survived now lie, from the first to the last. */
export interface Survivors {
  start: number;
  end: number;
  /** How many of the old span's characters survived. */
  kept: number;
}

export interface PositionMap {
  map(offset: number): MappedOffset;
  /** Stretches of the new text the old one did not have, in order. */
  inserted: readonly Span[];
  survivors(start: number, end: number): Survivors | null;
  /**
   * The stretch of new text that old [start, end) became: its surviving characters plus whatever
   * replaced its deleted ones, up to the nearest unchanged text on either side.
   */
  becomes(start: number, end: number): Span;
}

export function positionMap(edits: readonly Edit[]): PositionMap {
  // One entry per stretch of the old text: where it starts, where it lands, and whether it survived.
  const oldStarts: number[] = [];
  const newStarts: number[] = [];
  const kept: boolean[] = [];
  const inserted: Span[] = [];
  // For a deleted stretch: the new text between the unchanged text on either side of it.
  const replacedBy: Array<Span | null> = [];
  let changeFrom = -1;
  let pending: number[] = [];
  const closeChange = (at: number): void => {
    for (const i of pending) replacedBy[i] = { start: changeFrom, end: at };
    pending = [];
    changeFrom = -1;
  };
  let oldAt = 0;
  let newAt = 0;
  for (const [kind, text] of edits) {
    if (kind === 0) closeChange(newAt);
    else if (changeFrom === -1) changeFrom = newAt;
    if (kind === 1) {
      inserted.push({ start: newAt, end: newAt + text.length });
      newAt += text.length;
      continue;
    }
    if (kind === -1) pending.push(oldStarts.length);
    oldStarts.push(oldAt);
    newStarts.push(newAt);
    kept.push(kind === 0);
    replacedBy.push(null);
    oldAt += text.length;
    if (kind === 0) newAt += text.length;
  }
  closeChange(newAt);
  const oldLength = oldAt;
  const newLength = newAt;
  oldStarts.push(oldLength);
  const stretchOf = (offset: number): number => {
    let lo = 0;
    let hi = oldStarts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((oldStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    inserted,
    map(offset) {
      if (offset >= oldLength || offset < 0) return { at: offset < 0 ? 0 : newLength, kept: false };
      const i = stretchOf(offset);
      const landsAt = newStarts[i] as number;
      return kept[i] ? { at: landsAt + offset - (oldStarts[i] as number), kept: true } : { at: landsAt, kept: false };
    },
    survivors(start, end) {
      let first = -1;
      let last = -1;
      let count = 0;
      for (let i = stretchOf(Math.max(0, start)); i < kept.length && (oldStarts[i] as number) < end; i++) {
        if (!kept[i]) continue;
        const from = Math.max(start, oldStarts[i] as number);
        const to = Math.min(end, oldStarts[i + 1] as number);
        if (to <= from) continue;
        const shift = (newStarts[i] as number) - (oldStarts[i] as number);
        if (first === -1) first = from + shift;
        last = to + shift;
        count += to - from;
      }
      return first === -1 ? null : { start: first, end: last, kept: count };
    },
    becomes(start, end) {
      const side = (offset: number, edge: 'start' | 'end'): number => {
        if (offset < 0 || offset >= oldLength) return offset < 0 ? 0 : newLength;
        const i = stretchOf(offset);
        const replaced = replacedBy[i];
        if (replaced) return replaced[edge];
        const at = (newStarts[i] as number) + offset - (oldStarts[i] as number);
        return edge === 'start' ? at : at + 1;
      };
      return { start: side(start, 'start'), end: Math.max(side(start, 'start'), side(end - 1, 'end')) };
    },
  };
}
