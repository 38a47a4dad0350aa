// Plain-text captures of news pages (the sample's shape): the first non-blank line is the
// headline, blank lines separate paragraphs, and a photo leaves its caption twice (alt text, then
// figure caption) followed by a short credit line; "By NAME" under the headline is the byline,
// and typed lists stay lists. No library parses this shape, so it is ours.
import { foldTypography } from '../../shared/anchoring';
import { bylineFromLine } from './byline-line';
import { splitLongText } from './long-paragraphs';
import { splitList } from './plain-text-lists';

export type TextBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'figure'; caption: string; credit: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

export interface ParsedText {
  title: string;
  byline: string | null;
  blocks: TextBlock[];
}

/** Credits are short: "REUTERS", "via REUTERS", "Ukrainian Presidential Press Off/UPI/Shutterstock". */
const MAX_CREDIT_LENGTH = 80;
const MAX_CREDIT_WORDS = 10;

function collapseSpaces(line: string): string {
  return line.replace(/\s+/gu, ' ').trim();
}

function comparable(line: string): string {
  // "a—b" and "a - b" are the same caption typed two ways.
  return collapseSpaces(foldTypography(line.normalize('NFKC'))).replace(/ ?- ?/gu, '-');
}

function isRepeat(a: string, b: string): boolean {
  const key = comparable(a);
  return key.length > 0 && key === comparable(b);
}

function isCredit(line: string): boolean {
  const text = collapseSpaces(line);
  return text.length > 0 && text.length <= MAX_CREDIT_LENGTH && text.split(' ').length <= MAX_CREDIT_WORDS;
}

/** Of two copies of a caption, keep the typeset one (curly quotes, real dashes). */
function typesetCopy(a: string, b: string): string {
  const typographic = (s: string) => [...s].filter((ch) => foldTypography(ch) !== ch).length;
  return typographic(a) > typographic(b) ? collapseSpaces(a) : collapseSpaces(b);
}

function splitBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function parseBlock(lines: string[]): TextBlock[] {
  const out: TextBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(...splitLongText(collapseSpaces(paragraph.join(' '))).map((text) => ({ kind: 'paragraph' as const, text })));
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1];
    const creditLine = lines[i + 2];
    // A figure is the repeat plus a credit that closes the group: the credit is the last line of
    // its block, or the line before the next figure's repeat.
    const closesGroup = (at: number) => at + 1 >= lines.length || isRepeat(lines[at + 1] as string, lines[at + 2] ?? '');
    if (next !== undefined && creditLine !== undefined && isRepeat(line, next) && isCredit(creditLine) && !isRepeat(creditLine, lines[i + 3] ?? '') && closesGroup(i + 2)) {
      flush();
      out.push({ kind: 'figure', caption: typesetCopy(line, next), credit: collapseSpaces(creditLine) });
      i += 2;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out;
}

function parseListsAndBlock(lines: string[]): TextBlock[] {
  return splitList(lines).flatMap((part) => (part.kind === 'lines' ? parseBlock(part.lines) : [{ kind: 'list' as const, ...part.list }]));
}

/** Returns null when the text holds nothing but white space. */
export function parsePlainText(source: string): ParsedText | null {
  const lines = source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex === -1) return null;
  const title = collapseSpaces(lines[titleIndex] as string);
  const rest = lines.slice(titleIndex + 1);
  const bylineIndex = rest.findIndex((line) => line.trim() !== '');
  const byline = bylineIndex === -1 ? null : bylineFromLine(rest[bylineIndex] as string);
  if (byline !== null) rest.splice(bylineIndex, 1);
  const blocks = splitBlocks(rest).flatMap(parseListsAndBlock);
  return { title, byline, blocks };
}
