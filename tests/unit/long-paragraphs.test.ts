// One paragraph longer than any writer makes, split the way a reader would want it: at sentence
// ends, every character kept, no character or link cut in two.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { MAX_PARAGRAPH_CHARS, splitLongParagraphs, splitLongText } from '../../electron/core/import/long-paragraphs';

const words = (text: string) => text.split(/\s+/u).filter((word) => word !== '');

describe('a paragraph too long to be one', () => {
  it('is split after whole sentences, each piece within the limit, every word kept in order', () => {
    const text = Array.from({ length: 3_000 }, (_, i) => `Sentence number ${i} says a few more words here.`).join(' ');
    const pieces = splitLongText(text);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      expect(piece).toMatch(/^Sentence number \d+ .*here\.$/u);
    }
    expect(words(pieces.join(' '))).toEqual(words(text));
  });

  it('without any sentence end is split between words', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitLongText(text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(words(pieces.join(' '))).toEqual(words(text));
  });

  it('without any space (encoded data) is cut at the limit, never between the halves of an emoji', () => {
    const text = `${'a'.repeat(MAX_PARAGRAPH_CHARS - 1)}😀${'b'.repeat(MAX_PARAGRAPH_CHARS * 2)}`;
    const pieces = splitLongText(text);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      // A lone half of a surrogate pair is what a cut between the halves leaves.
      expect(piece).not.toMatch(/\p{Cs}/u);
    }
  });

  it('a short paragraph stays as it is', () => {
    expect(splitLongText('One. Two.')).toEqual(['One. Two.']);
  });

  it('in a page, a link or emphasis is moved whole to one of the pieces, and the text reads the same', () => {
    const sentence = 'A sentence of some length that goes on for a while. ';
    const html = `<p class="lead">${sentence.repeat(150)}<a href="https://example.org/">a link that crosses the limit</a> and <em>emphasis</em>. ${sentence.repeat(150)}</p>`;
    const { document } = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window;
    const before = document.body.textContent ?? '';
    splitLongParagraphs(document.body, 5_000);
    const paragraphs = Array.from(document.body.getElementsByTagName('p'));
    expect(paragraphs.length).toBeGreaterThan(1);
    expect(paragraphs[0]?.className).toBe('lead');
    for (const paragraph of paragraphs) expect(paragraph.textContent?.length).toBeLessThanOrEqual(5_000 + 'a link that crosses the limit'.length);
    expect(document.querySelector('a')?.textContent).toBe('a link that crosses the limit');
    expect(document.querySelector('em')?.textContent).toBe('emphasis');
    expect(words(document.body.textContent ?? '')).toEqual(words(before));
  });
});
