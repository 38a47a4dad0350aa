// Reads what a person sees in sanitized article HTML: its text (the body's textContent, which
// every selector counts in) and its figures.
import { JSDOM } from 'jsdom';
import type { Figure } from '../../shared/model';

export interface ArticleContent {
  text: string;
  figures: Figure[];
  wordCount: number;
}

export function countWords(text: string): number {
  const words = text.trim().split(/\s+/u);
  return words[0] === '' ? 0 : words.length;
}

export function readArticleContent(sanitizedHtml: string): ArticleContent {
  const { document } = new JSDOM(`<!DOCTYPE html><body>${sanitizedHtml}</body>`).window;
  const text = document.body.textContent ?? '';
  const figures: Figure[] = [...document.querySelectorAll('figure')].map((figure) => {
    const credit = figure.querySelector('.credit');
    const caption = figure.querySelector('figcaption .caption') ?? figure.querySelector('figcaption');
    let captionText = caption?.textContent ?? '';
    if (caption !== null && credit !== null && caption.contains(credit)) {
      captionText = captionText.replace(credit.textContent ?? '', '');
    }
    return {
      caption: captionText.trim(),
      credit: credit?.textContent?.trim() || null,
      image: figure.querySelector('img')?.getAttribute('src') ?? null,
    };
  });
  return { text, figures, wordCount: countWords(text) };
}
