// The excerpt the library list and exports show: an article's first sentences, about 200 to 300
// characters, cut where a sentence ends or else between two words. Intl.Segmenter finds both
// boundaries in every language, including those written without spaces.
export const EXCERPT_MAX_LENGTH = 300;
/** A cut at a sentence leaving less than this borrows words from the next sentence instead. */
const EXCERPT_MIN_LENGTH = 200;
/** Blocks whose text is not the article's running prose. */
const NOT_PROSE = 'figure, table, details, li, blockquote, pre, aside';

function segmenter(language: string | null, granularity: 'sentence' | 'word'): Intl.Segmenter {
  try {
    return new Intl.Segmenter(language ?? undefined, { granularity });
  } catch {
    return new Intl.Segmenter(undefined, { granularity });
  }
}

/** Where the last whole sentence that fits ends (0 when the first one does not). */
function sentenceCut(text: string, language: string | null): number {
  let cut = 0;
  for (const { index, segment } of segmenter(language, 'sentence').segment(text)) {
    const end = index + segment.trimEnd().length;
    if (end > EXCERPT_MAX_LENGTH) break;
    cut = end;
  }
  return cut;
}

/** Where the last whole word that fits, with room for the ellipsis, ends. */
function wordCut(text: string, language: string | null): number {
  let cut = 0;
  for (const { index, segment, isWordLike } of segmenter(language, 'word').segment(text)) {
    const end = index + segment.length;
    if (end > EXCERPT_MAX_LENGTH - 1) break;
    if (isWordLike) cut = end;
  }
  return cut;
}

/** The excerpt of an article whose running paragraphs are these, or null when they hold no text. */
export function excerptOf(paragraphs: readonly string[], language: string | null): string | null {
  const text = paragraphs
    .map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join(' ');
  if (text === '') return null;
  if (text.length <= EXCERPT_MAX_LENGTH) return text;
  const head = text.slice(0, EXCERPT_MAX_LENGTH * 2);
  const sentences = sentenceCut(head, language);
  if (sentences >= EXCERPT_MIN_LENGTH) return head.slice(0, sentences);
  const words = wordCut(head, language);
  if (words > sentences) return `${head.slice(0, words).replace(/[\s,;:–—-]+$/u, '')}…`;
  // One word longer than the excerpt (a long address, say): cut between characters.
  return sentences > 0 ? head.slice(0, sentences) : `${Array.from(head).slice(0, EXCERPT_MAX_LENGTH - 1).join('')}…`;
}

/** The running paragraphs of sanitized article HTML, without footnote markers. */
export function proseParagraphs(body: Element): string[] {
  return [...body.querySelectorAll('p')]
    .filter((paragraph) => paragraph.closest(NOT_PROSE) === null)
    .map((paragraph) => {
      const copy = paragraph.cloneNode(true) as Element;
      for (const marker of [...copy.querySelectorAll('sup')]) marker.remove();
      return copy.textContent ?? '';
    });
}
