// The language and writing direction of imported text that does not name them (plain text, a
// Markdown note without `lang`). The direction comes from the letters themselves: the share
// written in right-to-left scripts, by Unicode script property, which needs no library. The
// language comes from tinyld, a dependency-free n-gram detector that answers with the two-letter
// codes `lang` wants and tells Persian from Arabic or Yiddish from Hebrew, which the script alone
// cannot. It is worth its size: the reader's `lang` chooses the screen reader's voice, the
// hyphenation and the shapes of CJK characters. Its tables take about a third of a second to
// load, so they are loaded on the first import that needs them, not when the app or CLI starts.
import { createRequire } from 'node:module';
import { canonicalLanguage, languageDirection } from '../../shared/language';

type Detect = (text: string) => string;

const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Mandaic}\p{Script=Samaritan}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/gu;
const LETTER = /\p{L}/gu;
/** Enough of a long article to tell its language and direction; the rest would only cost time. */
const SAMPLE_LENGTH = 4_000;
/** Below this many letters a detector guesses; the language is left unknown instead. */
const MIN_LETTERS = 20;

let detector: Detect | null = null;

function detect(text: string): string {
  detector ??= (createRequire(import.meta.url)('tinyld') as { detect: Detect }).detect;
  return detector(text);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export interface TextLanguage {
  language: string | null;
  direction: 'ltr' | 'rtl' | null;
}

/**
 * @param declared what the file itself says (front matter `lang`), which wins over detection; an
 *   invalid tag counts as none.
 */
export function textLanguage(text: string, declared: string | null = null): TextLanguage {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = count(sample, LETTER);
  const stated = canonicalLanguage(declared);
  const scriptDirection = letters === 0 ? null : count(sample, RTL_LETTER) * 2 > letters ? 'rtl' : 'ltr';
  const language = stated ?? (letters < MIN_LETTERS ? null : canonicalLanguage(detect(sample)));
  return { language, direction: languageDirection(stated) ?? scriptDirection };
}
