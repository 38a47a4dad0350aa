// What a person typed into a search box, taken apart: plain words, "quoted phrases", words and
// phrases to leave out (-word, -"a phrase"), and filters on highlights (tag:NAME, color:NAME,
// with quoted values such as tag:"to do"). Pure and forgiving: any text parses, and syntax that
// is not finished (an unclosed quote, a lone -, tag: with nothing after it) is read as plain text
// or dropped, never an error, since a search box is typed into a letter at a time.

export interface SearchQuery {
  /** Words to find anywhere, as typed (folding is the search's job). */
  words: string[];
  /** Phrases whose words must stand next to each other, in order. */
  phrases: string[];
  /** Words and phrases whose presence leaves a result out. */
  excludedWords: string[];
  excludedPhrases: string[];
  /** Highlights must carry every one of these tags. */
  tags: string[];
  excludedTags: string[];
  /** Highlights must be one of these colours (a colour's key or its name in the legend). */
  colors: string[];
  excludedColors: string[];
}

type FilterKey = 'tag' | 'color';
const FILTER_KEYS: Readonly<Record<string, FilterKey>> = { tag: 'tag', tags: 'tag', color: 'color', colour: 'color' };

const SPACE = /\s/u;

export function emptyQuery(): SearchQuery {
  return { words: [], phrases: [], excludedWords: [], excludedPhrases: [], tags: [], excludedTags: [], colors: [], excludedColors: [] };
}

/** Whether the query holds anything beyond plain words (which the ranked word search answers alone). */
export function usesSyntax(query: SearchQuery): boolean {
  return (
    query.phrases.length + query.excludedWords.length + query.excludedPhrases.length + query.tags.length + query.excludedTags.length + query.colors.length + query.excludedColors.length >
    0
  );
}

/** Whether the query filters highlights (tag: or color:, either way). */
export function filtersHighlights(query: SearchQuery): boolean {
  return query.tags.length + query.excludedTags.length + query.colors.length + query.excludedColors.length > 0;
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Reads a search box's text; never throws. */
export function parseSearchQuery(input: string): SearchQuery {
  const query = emptyQuery();
  const text = typeof input === 'string' ? input : '';
  let at = 0;
  const add = (list: string[], value: string): void => {
    const clean = collapse(value);
    if (clean !== '' && !list.includes(clean)) list.push(clean);
  };

  while (at < text.length) {
    while (at < text.length && SPACE.test(text.charAt(at))) at++;
    if (at >= text.length) break;
    let negated = false;
    if (text.charAt(at) === '-') {
      negated = true;
      at++;
      // A lone "-" (or "- word") says nothing: the dash is dropped.
      if (at >= text.length || SPACE.test(text.charAt(at))) continue;
    }
    if (text.charAt(at) === '"') {
      const close = text.indexOf('"', at + 1);
      if (close === -1) {
        // An unclosed quote is ignored: what follows is read as if it were not there.
        at++;
        continue;
      }
      add(negated ? query.excludedPhrases : query.phrases, text.slice(at + 1, close));
      at = close + 1;
      continue;
    }
    let end = at;
    while (end < text.length && !SPACE.test(text.charAt(end))) end++;
    const token = text.slice(at, end);
    const colon = token.indexOf(':');
    const key = colon > 0 ? FILTER_KEYS[token.slice(0, colon).toLowerCase()] : undefined;
    if (key === undefined) {
      add(negated ? query.excludedWords : query.words, token);
      at = end;
      continue;
    }
    let value = token.slice(colon + 1);
    at = end;
    if (value.startsWith('"')) {
      const close = text.indexOf('"', at - value.length + 1);
      if (close !== -1) {
        value = text.slice(at - value.length + 1, close);
        at = close + 1;
      } else {
        value = value.slice(1);
      }
    }
    // "tag:" with nothing after it is dropped; a leading # is how tags are often written; a stray
    // quote mark is no part of a name.
    const name = collapse(value.replace(/"/gu, '')).replace(/^#/u, '');
    if (name === '') continue;
    if (key === 'tag') add(negated ? query.excludedTags : query.tags, name);
    else add(negated ? query.excludedColors : query.colors, name);
  }
  return query;
}
