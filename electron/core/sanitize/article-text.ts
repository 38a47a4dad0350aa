// Reads what a person sees in sanitized article HTML: its text (the body's textContent, which
// every selector counts in) and its figures. Importers ask it of the DOM their page is already
// parsed into; stored HTML is read through parse5's tree (html-tree.ts), with the same answers.
import type { Figure } from '../../shared/model';
import { attribute, contains, descendants, firstDescendant, hasAncestor, hasClass, hasTag, parseDocumentBody, textContent, type TreeNode } from './html-tree';

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
  return readTreeContent(parseDocumentBody(sanitizedHtml));
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

/** A figure's caption element, as `figcaption .caption` and then `figcaption` select it. */
export function captionOf(figure: TreeNode): TreeNode | null {
  return (
    firstDescendant(figure, (node) => hasClass(node, 'caption') && hasAncestor(node, (above) => hasTag(above, 'figcaption'))) ??
    firstDescendant(figure, (node) => hasTag(node, 'figcaption'))
  );
}

/** The same as readContent, from stored HTML parsed by parse5. */
export function readTreeContent(root: TreeNode): ArticleContent {
  const text = textContent(root);
  const figures: Figure[] = [];
  for (const figure of descendants(root)) {
    if (!hasTag(figure, 'figure')) continue;
    const credit = firstDescendant(figure, (node) => hasClass(node, 'credit'));
    const caption = captionOf(figure);
    let captionText = caption === null ? '' : textContent(caption);
    if (caption !== null && credit !== null && contains(caption, credit)) captionText = captionText.replace(textContent(credit), '');
    const image = firstDescendant(figure, (node) => hasTag(node, 'img'));
    figures.push({
      caption: captionText.trim(),
      credit: (credit === null ? '' : textContent(credit).trim()) || null,
      image: image === null ? null : attribute(image, 'src'),
    });
  }
  return { text, figures, wordCount: countWords(text) };
}
