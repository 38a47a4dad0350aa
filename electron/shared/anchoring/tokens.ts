// Cuts text into ever finer pieces for the layered diff in text-diff.ts: blocks (paragraphs, or
// about sixty words of text without line breaks), then short runs of words, then words. Every
// cut keeps all characters, so joining the pieces gives the text back. Cuts other than line
// breaks fall after a word picked by a hash of its letters, so the same words are cut the same
// way in both revisions wherever they sit, and pieces stay short in text without punctuation.
// Word splitters in packages aim at search or NLP and drop the spaces; the diff needs every
// character back.
export type Tokenizer = (text: string) => string[];

/** Cuts at line breaks, after words whose hash has the `mask` bits clear, and maybe at sentence ends. */
function cutter(mask: number, atSentenceEnds: boolean): Tokenizer {
  return (text) => {
    const pieces: string[] = [];
    let from = 0;
    let inWord = false;
    let hash = 0;
    let last = 0;
    let cut = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 32 && code !== 10 && code !== 9 && code !== 13) {
        // Cutting where the next word begins keeps a piece's trailing spaces with it.
        if (cut) {
          pieces.push(text.slice(from, i));
          from = i;
          cut = false;
        }
        hash = inWord ? (Math.imul(hash, 31) + code) | 0 : code;
        inWord = true;
        last = code;
        continue;
      }
      if (code === 10) cut = true;
      if (inWord) {
        const sentenceEnd = last === 46 || last === 33 || last === 63; // . ! ?
        if ((atSentenceEnds && sentenceEnd) || (hash & mask) === 0) cut = true;
        inWord = false;
      }
    }
    if (from < text.length) pieces.push(text.slice(from));
    return pieces;
  };
}

export const blocks: Tokenizer = cutter(63, false);
export const wordRuns: Tokenizer = cutter(7, true);
export const words: Tokenizer = (text) => text.match(/\s+|\S+\s*/g) ?? [];

/**
 * Gives each distinct key one character so a character diff of the codes is a diff of the
 * pieces. Surrogate code units are skipped so the diff never sees half a pair; null when the
 * keys outnumber the characters left.
 */
export function encodePieces(a: readonly string[], b: readonly string[], key: (piece: string) => string): [string, string] | null {
  const codes = new Map<string, number>();
  let next = 1;
  const encode = (pieces: readonly string[]): string | null => {
    const out: number[] = [];
    for (const piece of pieces) {
      const k = key(piece);
      let code = codes.get(k);
      if (code === undefined) {
        if (next === 0xd800) next = 0xe000;
        if (next > 0xffff) return null;
        code = next++;
        codes.set(k, code);
      }
      out.push(code);
    }
    let text = '';
    for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode(...out.slice(i, i + 4096));
    return text;
  };
  const left = encode(a);
  const right = encode(b);
  return left === null || right === null ? null : [left, right];
}
