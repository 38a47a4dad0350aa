// Which words differ between what a person highlighted and what the new revision says there, so
// the review card can mark them. Words are cut with Intl.Segmenter, so text written without
// spaces (Chinese, Japanese, Thai) is compared word by word too; the diff is fast-diff's, run on
// one code per word.
import diff from 'fast-diff';
import { encodePieces } from './tokens';

export interface WordPart {
  text: string;
  changed: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

function segments(text: string): string[] {
  return Array.from(segmenter.segment(text), (piece) => piece.segment);
}

function push(parts: WordPart[], text: string, changed: boolean): void {
  const last = parts[parts.length - 1];
  if (last !== undefined && last.changed === changed) last.text += text;
  else parts.push({ text, changed });
}

/** Both texts cut into runs, each marked whether the other text lacks it. */
export function wordChanges(before: string, after: string): { before: WordPart[]; after: WordPart[] } {
  const left = segments(before);
  const right = segments(after);
  const encoded = encodePieces(left, right, (piece) => piece);
  if (encoded === null) return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  const out = { before: [] as WordPart[], after: [] as WordPart[] };
  let ia = 0;
  let ib = 0;
  for (const [kind, codes] of diff(encoded[0], encoded[1], undefined, true)) {
    const n = codes.length;
    if (kind !== 1) {
      push(out.before, left.slice(ia, ia + n).join(''), kind === -1);
      ia += n;
    }
    if (kind !== -1) {
      push(out.after, right.slice(ib, ib + n).join(''), kind === 1);
      ib += n;
    }
  }
  return out;
}
