// How text becomes search terms. The index, the query and the snippet marker must cut and fold
// words the same way, or a hit could not be shown where it was found; so all three use this.
// Folding makes a search forgiving the way people expect: any case, with or without accents
// (café = cafe, Zürich = zurich), ligatures and full-width forms as their plain letters.

/** A word of a text, with where it sits, so a snippet can mark it in place. */
export interface Token {
  start: number;
  end: number;
  /** The folded form the index stores. */
  term: string;
}

// A word is a run of letters, digits and combining marks; apostrophes, hyphens and other
// punctuation split words (l'été -> l, été). Scripts written without spaces are the exception:
// there each ideograph or kana is a word of its own, so a search for two characters finds them
// without a dictionary. (One simple pattern, then a split of the rare runs holding such
// characters, is several times faster than a pattern that tells them apart as it goes.)
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_PARTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+/gu;

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Calls `found` with each word of `text[from, to)` and where it starts. */
function eachWord(text: string, from: number, to: number, found: (word: string, start: number) => void): void {
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match !== null && match.index < to; match = WORD.exec(text)) {
    const start = match.index;
    // A run crossing the end is cut there, as a slice of the text would cut it.
    const run = start + match[0].length > to ? match[0].slice(0, to - start) : match[0];
    if (isAscii(run) || !UNSPACED.test(run)) found(run, start);
    else for (const part of run.matchAll(UNSPACED_PARTS)) found(part[0], start + part.index);
  }
}

// Only accents are dropped: the combining diacritics of Latin, Greek and Cyrillic, and the
// optional vowel points of Hebrew and Arabic. Marks that are letters' vowels elsewhere (Indic
// scripts) change a word's meaning, so they stay.
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf-\u05c7\u064b-\u065f\u0670]/gu;

// Letters that carry their accent inside the letter, so Unicode decomposition leaves them alone.
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/** Longer "words" are hashes, URLs run together or base64: noise that would only bloat the index. */
export const MAX_TERM_LENGTH = 64;

/** A word as the index keeps it: lower case, accents dropped, compatibility forms made plain. */
export function foldTerm(word: string): string {
  // Most words of most articles are plain ASCII, and lower-casing is all they need: worth the
  // check, as every word of every result article is folded again to place its snippets.
  if (isAscii(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFC');
}

/** The words of a text as they appear in it (MiniSearch's tokenizer; folding comes after). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  eachWord(text, 0, text.length, (word) => words.push(word));
  return words;
}

/** MiniSearch's term processor: the folded word, or nothing for a word not worth indexing. */
export function indexTerm(word: string): string | null {
  const term = foldTerm(word);
  return term.length === 0 || term.length > MAX_TERM_LENGTH ? null : term;
}

/** The words of `text[from, to)` with their offsets in `text`. */
export function tokens(text: string, from = 0, to = text.length): Token[] {
  const found: Token[] = [];
  eachWord(text, from, to, (word, start) => {
    const term = indexTerm(word);
    if (term !== null) found.push({ start, end: start + word.length, term });
  });
  return found;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (Number.isNaN(code)) return false;
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  // A surrogate pair's halves are tested as the pair.
  const start = code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start) ?? 0));
}

function isAsciiWord(term: string): boolean {
  return /^[a-z0-9]+$/u.test(term);
}

/**
 * The words of `text[from, to)` whose folded form is in `terms`, with their offsets: the same
 * words `tokens(...).filter(...)` would give, found faster, as this runs over the whole text of
 * every article in a page of results. A plain-ASCII term can only be a word of plain ASCII
 * letters, so the terms are found together, by one pattern over the lower-cased text, and
 * checked for word edges; only words holding other characters (accented, other scripts) are cut
 * and folded one by one.
 */
export function findTerms(text: string, terms: ReadonlySet<string>, from = 0, to = text.length): Token[] {
  const region = text.slice(from, to);
  const lower = region.toLowerCase();
  // Lower-casing changed a length (a dotted capital I, say): offsets would drift, so go slowly.
  if (lower.length !== region.length) return tokens(text, from, to).filter((token) => terms.has(token.term));

  const found: Token[] = [];
  const keep = (at: number, end: number, term: string): void => {
    if (isWordChar(region, at - 1) || isWordChar(region, end)) return;
    // A word with a non-ASCII letter that lower-cases to ASCII (the Kelvin sign) is left to
    // the second pass, which folds it properly.
    if (!isAscii(region.slice(at, end))) return;
    found.push({ start: from + at, end: from + end, term });
  };
  const words: string[] = [];
  for (const term of terms) {
    if (!isAscii(term)) continue;
    if (isAsciiWord(term)) {
      words.push(term);
      continue;
    }
    // A term folded from a character holding punctuation ("⑴" is "(1)") is looked for as it stands.
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) keep(at, at + term.length, term);
  }
  if (words.length > 0) {
    // Letters and digits on either side would make the match part of a longer word.
    const pattern = new RegExp(`(?<![a-z0-9])(?:${words.join('|')})(?![a-z0-9])`, 'g');
    for (let match = pattern.exec(lower); match !== null; match = pattern.exec(lower)) keep(match.index, match.index + match[0].length, match[0]);
  }
  // Words with a character beyond ASCII: find each such character, widen it to its word. (Without
  // the u flag a surrogate pair is met as two halves; isWordChar reads them as the pair.)
  const beyond = /[^\x00-\x7f]/g;
  let after = 0;
  for (let hit = beyond.exec(region); hit !== null; hit = beyond.exec(region)) {
    if (hit.index < after || !isWordChar(region, hit.index)) continue;
    let start = hit.index;
    while (start > 0 && isWordChar(region, start - 1)) start--;
    let end = hit.index + 1;
    while (end < region.length && isWordChar(region, end)) end++;
    after = end;
    beyond.lastIndex = end;
    eachWord(region, start, end, (word, at) => {
      const term = foldTerm(word);
      if (terms.has(term)) found.push({ start: from + at, end: from + at + word.length, term });
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
