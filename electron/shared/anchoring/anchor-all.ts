// Anchors every highlight of an article at once. Going through them in stored order lets each
// one use how far its predecessor moved as the place to look first: text inserted early in an
// article shifts everything after it by the same amount, so the next quote is usually right there.
import type { Selectors } from '../model';
import type { Anchor } from './anchor';
import { resolve } from './resolve';

/** Results in the order of `selectorsList`. */
export function anchorAll(text: string, selectorsList: readonly Selectors[]): Anchor[] {
  const order = selectorsList.map((_, i) => i);
  order.sort((a, b) => (selectorsList[a]?.position.start ?? 0) - (selectorsList[b]?.position.start ?? 0));
  const anchors = new Array<Anchor>(selectorsList.length);
  let shift = 0;
  for (const i of order) {
    const selectors = selectorsList[i] as Selectors;
    const anchor = resolve(selectors, text, clamp(selectors.position.start + shift, text.length));
    if (anchor.status !== 'orphaned') shift = anchor.start - selectors.position.start;
    anchors[i] = anchor;
  }
  return anchors;
}

function clamp(at: number, length: number): number {
  return Math.min(Math.max(0, at), length);
}
