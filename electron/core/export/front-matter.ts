// The YAML block at the top of a Markdown file, seen as a list of top-level entries (a key and
// the lines that belong to it). That is all a merge needs: Margin replaces the entries it owns
// and keeps every other one byte for byte, without having to understand the person's YAML.
// A YAML library (none is a dependency) would parse and re-emit the block, reformatting
// comments, quoting and order that the person chose.
import { yamlDate, yamlString } from './yaml-scalar';

export type FrontMatterValue = { kind: 'string'; value: string } | { kind: 'date'; value: string } | { kind: 'list'; value: string[] };

export interface FrontMatterEntry {
  key: string;
  /** The entry's lines exactly as written, first line included. */
  lines: string[];
}

export interface SplitFile {
  /** Null when the file does not open with a front matter block. */
  frontMatter: FrontMatterEntry[] | null;
  /** Comment or stray lines before the first key, kept in place. */
  leading: string[];
  body: string;
}

export function frontMatterEntry(key: string, value: FrontMatterValue): FrontMatterEntry {
  if (value.kind === 'list') {
    if (value.value.length === 0) return { key, lines: [`${key}: []`] };
    return { key, lines: [`${key}:`, ...value.value.map((item) => `  - ${yamlString(item)}`)] };
  }
  const scalar = value.kind === 'date' ? yamlDate(value.value) : yamlString(value.value);
  return { key, lines: [`${key}: ${scalar}`] };
}

export function renderFrontMatter(entries: readonly FrontMatterEntry[], leading: readonly string[] = []): string {
  return ['---', ...leading, ...entries.flatMap((entry) => entry.lines), '---', ''].join('\n');
}

// A top-level key: at column 0, plain or quoted, followed by `:` and a space or the line's end.
const KEY_LINE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:][^:]*?|-[^\s:][^:]*?))\s*:(?:\s|$)/u;

function keyOf(line: string): string | null {
  const match = KEY_LINE.exec(line);
  if (match === null) return null;
  return match[1] ?? match[2]?.replace(/''/gu, "'") ?? match[3] ?? null;
}

/** Splits a file (with `\n` line ends) into its front matter entries and the rest. */
export function splitFrontMatter(text: string): SplitFile {
  const lines = text.split('\n');
  if (lines[0] !== '---') return { frontMatter: null, leading: [], body: text };
  const close = lines.findIndex((line, index) => index > 0 && (line === '---' || line === '...'));
  if (close === -1) return { frontMatter: null, leading: [], body: text };
  const entries: FrontMatterEntry[] = [];
  const leading: string[] = [];
  for (const line of lines.slice(1, close)) {
    const key = keyOf(line);
    const current = entries[entries.length - 1];
    if (key !== null) entries.push({ key, lines: [line] });
    else if (current !== undefined) current.lines.push(line);
    else leading.push(line);
  }
  return { frontMatter: entries, leading, body: lines.slice(close + 1).join('\n') };
}
