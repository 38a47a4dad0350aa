// Where each photo sits in an article's text: the range of the text (textContent, the text every
// highlight's offsets count in) that its figure holds, its caption and credit, and its image.
// A Markdown export needs this to show a highlight that runs across a photo as the photo, not as
// its caption flattened into the quote.
import { captionOf } from '../sanitize/article-text';
import { attribute, contains, firstDescendant, hasClass, hasTag, isHtmlElement, parseBodyFragment, textContent, type TreeNode } from '../sanitize/html-tree';

export interface FigureSpan {
  /** The figure's text (caption and credit) is text[start, end); both equal for a bare image. */
  start: number;
  end: number;
  /** The stored image's address as the article holds it; null when the figure has no image. */
  src: string | null;
  alt: string;
  caption: string;
  credit: string | null;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();

function readFigure(figure: TreeNode, start: number): FigureSpan {
  const image = firstDescendant(figure, (node) => hasTag(node, 'img'));
  const credit = firstDescendant(figure, (node) => hasClass(node, 'credit'));
  const captionElement = captionOf(figure);
  let caption = captionElement === null ? '' : textContent(captionElement);
  if (captionElement !== null && credit !== null && contains(captionElement, credit)) caption = caption.replace(textContent(credit), '');
  return {
    start,
    end: start + textContent(figure).length,
    src: image === null ? null : attribute(image, 'src'),
    alt: squash(image === null ? null : attribute(image, 'alt')),
    caption: squash(caption),
    credit: squash(credit === null ? null : textContent(credit)) || null,
  };
}

/** Every figure, and every image outside one, in reading order. */
export function figureSpans(html: string): FigureSpan[] {
  if (!/<(?:figure|img)\b/iu.test(html)) return [];
  // Parsed as a body's children, as stored-content.ts reads the same HTML.
  const spans: FigureSpan[] = [];
  let offset = 0;
  const walk = (node: TreeNode): void => {
    for (const child of 'childNodes' in node ? node.childNodes : []) {
      if (child.nodeName === '#text') {
        offset += (child as { value: string }).value.length;
      } else if (isHtmlElement(child, 'figure')) {
        const span = readFigure(child, offset);
        spans.push(span);
        offset = span.end;
      } else if (isHtmlElement(child, 'img')) {
        spans.push({ start: offset, end: offset, src: attribute(child, 'src'), alt: squash(attribute(child, 'alt')), caption: '', credit: null });
      } else if ('tagName' in child) {
        walk(child);
      }
    }
  };
  walk(parseBodyFragment(html));
  return spans;
}
