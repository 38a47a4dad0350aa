// A paragraph longer than any a writer makes (a file whose whole text is one line, a page
// exported without its breaks) is split into paragraphs at sentence ends, so the reader scrolls
// it like any article and every later step (sanitizing, the stored copy's parse, search
// passages) works on pieces of a bounded size instead of one string of tens of megabytes; jsdom
// grows one text node by appending a word at a time. Sentence ends are found by
// Intl.Segmenter, the platform's own (ICU) sentence rules, within one window at a time.

/** Longer than a real paragraph runs (a long one is a few thousand characters). */
export const MAX_PARAGRAPH_CHARS = 10_000;

const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Where to end a piece of `text` no longer than `room` characters: after the last sentence that
 * fits, else after the last space past half the room, else (no space at all) at the room itself,
 * never between the two halves of a character. Returns 0 when no sentence fits and `strict`.
 */
export function cutPoint(text: string, room: number, strict = false): number {
  if (text.length <= room) return text.length;
  const window = text.slice(0, room + 1);
  let cut = 0;
  for (const { index } of sentences.segment(window)) if (index > 0) cut = index;
  if (cut > 0 || strict) return cut;
  const space = window.search(/\s\S*$/u);
  if (space > room / 2) return space + 1;
  return isHighSurrogate(text.charCodeAt(room - 1)) ? room - 1 : room;
}

/** The paragraph as it is, or in pieces of at most `max` characters ending at sentences. */
export function splitLongText(text: string, max: number = MAX_PARAGRAPH_CHARS): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const piece = rest.slice(0, cut).trim();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== '') pieces.push(rest.trim());
  return pieces;
}

const TEXT_NODE = 3;

/**
 * Splits each <p> under `root` longer than `max` into several, at sentence ends within its text;
 * inline elements (a link, emphasis) are moved whole, so none is cut in two.
 */
export function splitLongParagraphs(root: Element, max: number = MAX_PARAGRAPH_CHARS): void {
  for (const paragraph of Array.from(root.getElementsByTagName('p'))) {
    if ((paragraph.textContent?.length ?? 0) > max) splitParagraph(paragraph, max);
  }
}

function splitParagraph(paragraph: Element, max: number): void {
  const document = paragraph.ownerDocument;
  const pieces: Element[] = [];
  let current = document.createElement('p');
  let length = 0;
  const next = () => {
    pieces.push(current);
    current = document.createElement('p');
    length = 0;
  };
  for (const child of Array.from(paragraph.childNodes)) {
    if (child.nodeType !== TEXT_NODE) {
      const size = child.textContent?.length ?? 0;
      if (length > 0 && length + size > max) next();
      current.append(child);
      length += size;
      continue;
    }
    let rest = child.textContent ?? '';
    while (length + rest.length > max) {
      const cut = cutPoint(rest, max - length, length > 0);
      if (cut === 0) {
        next();
        continue;
      }
      current.append(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
      next();
    }
    if (rest !== '') current.append(rest);
    length += rest.length;
  }
  if (current.hasChildNodes()) pieces.push(current);
  for (const attribute of Array.from(paragraph.attributes)) pieces[0]?.setAttribute(attribute.name, attribute.value);
  // One node at a time: jsdom's replaceWith(...nodes) takes time in the square of their number.
  // Blocks are separated by a line break in the article's text, as the renderer writes them.
  const parent = paragraph.parentNode;
  if (parent === null) return;
  pieces.forEach((piece, i) => {
    if (i > 0) parent.insertBefore(document.createTextNode('\n'), paragraph);
    parent.insertBefore(piece, paragraph);
  });
  paragraph.remove();
}
