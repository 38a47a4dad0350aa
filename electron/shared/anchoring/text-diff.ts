// One diff of two revisions of an article, computed with fast-diff. Run on two whole megabyte
// texts with edits spread through them, fast-diff (Myers: time grows with length times the
// number of edits) takes about 13 s, and unlike diff-match-patch it has no line mode to lean
// on. So, in the spirit of that line mode, the texts are first diffed as sequences of blocks,
// and only the stretches that differ are diffed again: short ones by character, long ones first
// as runs of words, then words. The result is still a diff of the two texts: keeping the equal
// and deleted parts gives the old text, the equal and inserted parts the new one.
//
// Blocks are compared by their opening characters only. A block edited further in still lines
// up with its old self, which keeps the top diff's edit count (and so its time) down to the
// blocks added, removed or moved; a lined-up pair that differs is simply diffed again below.
//
// Every layer runs fast-diff's semantic cleanup, which drops short equalities between longer
// changes. At a coarse layer a lone shared piece (one common sentence ending, say) would
// otherwise pin the two texts together at the wrong place and split a rewritten passage in two;
// merged, the passage is diffed again whole below. At the finest layers it drops the stray
// letters and short words two unrelated sentences share: such a "survivor" would carry a
// deleted highlight into text that merely shares an "e" or a "the" with it.
import diff from 'fast-diff';
import { blocks, encodePieces, wordRuns, words, type Tokenizer } from './tokens';

/** fast-diff's tuple: -1 deleted from the old text, 0 in both, 1 inserted in the new text. */
export type Edit = [-1 | 0 | 1, string];

interface Layer {
  cut: Tokenizer;
  key: (piece: string) => string;
}

const BLOCK_KEY_LENGTH = 32;
const whole = (piece: string): string => piece;
const LAYERS: readonly Layer[] = [
  { cut: blocks, key: (piece) => piece.slice(0, BLOCK_KEY_LENGTH) },
  { cut: wordRuns, key: whole },
  { cut: words, key: whole },
];
/** A changed stretch up to this long (both sides together) is diffed by character, never longer. */
const CHARACTER_DIFF_UP_TO = 4000;

function push(out: Edit[], edit: Edit): void {
  if (edit[1].length === 0) return;
  const last = out[out.length - 1];
  if (last !== undefined && last[0] === edit[0]) last[1] += edit[1];
  else out.push([edit[0], edit[1]]);
}

function layered(a: string, b: string, depth: number, out: Edit[]): void {
  if (a === b) return push(out, [0, a]);
  if (a.length === 0 || b.length === 0) {
    push(out, [-1, a]);
    return push(out, [1, b]);
  }
  const layer = LAYERS[depth];
  // A stretch this short is diffed by character at once: fast enough, and one call instead of
  // three (most of the time of a diff goes to the hundreds of such stretches).
  if (layer === undefined || (depth > 0 && a.length + b.length <= CHARACTER_DIFF_UP_TO)) {
    if (a.length + b.length > CHARACTER_DIFF_UP_TO) {
      push(out, [-1, a]);
      return push(out, [1, b]);
    }
    for (const edit of diff(a, b, undefined, true)) push(out, edit);
    return;
  }
  const left = layer.cut(a);
  const right = layer.cut(b);
  const encoded = left.length > 1 || right.length > 1 ? encodePieces(left, right, layer.key) : null;
  if (encoded === null) return layered(a, b, depth + 1, out);
  let ia = 0;
  let ib = 0;
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted.length > 0 || inserted.length > 0) layered(deleted, inserted, depth + 1, out);
    deleted = '';
    inserted = '';
  };
  for (const [kind, codes] of diff(encoded[0], encoded[1], undefined, true)) {
    const n = codes.length;
    if (kind === 0) {
      for (let k = 0; k < n; k++) {
        const from = left[ia + k] as string;
        const to = right[ib + k] as string;
        if (from === to) {
          flush();
          push(out, [0, from]);
        } else {
          deleted += from;
          inserted += to;
        }
      }
      ia += n;
      ib += n;
    } else if (kind === -1) {
      deleted += left.slice(ia, ia + n).join('');
      ia += n;
    } else {
      inserted += right.slice(ib, ib + n).join('');
      ib += n;
    }
  }
  flush();
}

export function diffTexts(oldText: string, newText: string): Edit[] {
  const out: Edit[] = [];
  layered(oldText, newText, 0, out);
  return out;
}
