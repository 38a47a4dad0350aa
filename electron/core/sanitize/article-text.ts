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
  return readContent(new JSDOM(`<!DOCTYPE html><body>${sanitizedHtml}</body>`).window.document.body);
}

/** The same, from a sanitized body already parsed (the importers' single parse). */
export function readContent(body: Element): ArticleContent {
  const text = body.textContent ?? '';
  const figures: Figure[] = [...body.querySelectorAll('figure')].map((figure) => {
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
