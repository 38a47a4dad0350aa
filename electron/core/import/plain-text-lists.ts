// Lists typed in plain text: lines starting "- ", "* ", "• ", "1." or "1)". A wrapped line
// continues the item above it. A hyphen, an asterisk or a number can also start a wrapped line of
// a paragraph ("...in the spring of\n1990. Then..."), so those make a list only when at least two
// items follow one another (numbers counting up by one); a bullet "•" is never anything else.
export interface TextList {
  ordered: boolean;
  items: string[];
}

export type ListedLines = { kind: 'lines'; lines: string[] } | { kind: 'list'; list: TextList };

const MARKER = /^[ \t]{0,3}(?:([-*•])|(\d{1,9})[.)])[ \t]+(?=\S)/u;

interface Item {
  bullet: string | null;
  number: number | null;
  text: string[];
}

function isList(items: Item[]): boolean {
  const [first] = items;
  if (first === undefined) return false;
  if (first.bullet === '•') return true;
  if (items.length < 2) return false;
  return first.number === null || items.every((item, i) => item.number === (first.number as number) + i);
}

function collapse(text: string[]): string {
  return text.join(' ').replace(/\s+/gu, ' ').trim();
}

/** One block of lines (no blank line inside) as the paragraph lines before its list, and the list. */
export function splitList(lines: string[]): ListedLines[] {
  const start = lines.findIndex((line) => MARKER.test(line));
  if (start === -1) return [{ kind: 'lines', lines }];
  const items: Item[] = [];
  const lists: Item[][] = [items];
  for (const line of lines.slice(start)) {
    const marker = MARKER.exec(line);
    const current = lists[lists.length - 1] as Item[];
    if (marker === null) {
      current[current.length - 1]?.text.push(line);
      continue;
    }
    const item: Item = { bullet: marker[1] ?? null, number: marker[2] === undefined ? null : Number(marker[2]), text: [line.slice(marker[0].length)] };
    // A bullet after numbers, or numbers after bullets, starts a list of the other kind.
    const previous = current[current.length - 1];
    if (previous !== undefined && (previous.number === null) !== (item.number === null)) lists.push([item]);
    else current.push(item);
  }
  if (!lists.every(isList)) return [{ kind: 'lines', lines }];
  const out: ListedLines[] = start > 0 ? [{ kind: 'lines', lines: lines.slice(0, start) }] : [];
  for (const list of lists) out.push({ kind: 'list', list: { ordered: list[0]?.number != null, items: list.map((item) => collapse(item.text)) } });
  return out;
}
