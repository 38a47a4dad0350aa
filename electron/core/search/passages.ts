// Cuts an article's text into passages, the places a search result points at: each passage that
// holds a matched word is one match, with its own snippet and offsets, so a result lists
// "here, and here" rather than the same paragraph once per word, and a snippet never runs on
// from one paragraph into the next.

/** A passage as offsets into the article text: `text.slice(start, end)`. */
export interface Passage {
  start: number;
  end: number;
}

// Paragraphs are the natural unit. Very long ones (or a text without line breaks) are cut near
// this length at a sentence end, else at a space, so a passage stays a readable snippet source.
export const MAX_PASSAGE = 1_200;
// Lines shorter than this (headings, bylines, "Advertisement") join the passage that follows,
// rather than each becoming a document that costs index space and ranks oddly high.
const MIN_PASSAGE = 60;

const SENTENCE_END = /[.!?。！？](?=\s)/gu;

function trimmed(text: string, start: number, end: number): Passage | null {
  while (start < end && /\s/u.test(text.charAt(start))) start++;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** Where to end a piece that starts at `start` and must not pass `limit`. */
function cutPoint(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  let sentence = -1;
  for (const match of window.matchAll(SENTENCE_END)) sentence = match.index + 1;
  if (sentence > window.length / 2) return start + sentence;
  const space = window.search(/\s\S*$/u);
  if (space > 0) return start + space;
  // No space at all (scripts written without them): cut anywhere but inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function cutLong(text: string, passage: Passage, into: Passage[]): void {
  let start = passage.start;
  while (passage.end - start > MAX_PASSAGE) {
    const cut = cutPoint(text, start, start + MAX_PASSAGE);
    const piece = trimmed(text, start, cut);
    if (piece !== null) into.push(piece);
    start = cut;
  }
  const rest = trimmed(text, start, passage.end);
  if (rest !== null) into.push(rest);
}

export function splitPassages(text: string): Passage[] {
  const lines: Passage[] = [];
  let lineStart = 0;
  for (const match of text.matchAll(/\n/gu)) {
    const line = trimmed(text, lineStart, match.index);
    if (line !== null) lines.push(line);
    lineStart = match.index + 1;
  }
  const last = trimmed(text, lineStart, text.length);
  if (last !== null) lines.push(last);

  const joined: Passage[] = [];
  let pending: Passage | null = null;
  for (const line of lines) {
    if (pending !== null && line.end - pending.start <= MAX_PASSAGE) {
      pending = { start: pending.start, end: line.end };
    } else {
      if (pending !== null) joined.push(pending);
      pending = line;
    }
    if (pending.end - pending.start >= MIN_PASSAGE) {
      joined.push(pending);
      pending = null;
    }
  }
  if (pending !== null) joined.push(pending);

  const passages: Passage[] = [];
  for (const passage of joined) cutLong(text, passage, passages);
  return passages;
}
