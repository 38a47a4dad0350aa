// Where each photo sits in an article's text: the range of the text (textContent, the text every
// highlight's offsets count in) that its figure holds, its caption and credit, and its image.
// A Markdown export needs this to show a highlight that runs across a photo as the photo, not as
// its caption flattened into the quote.
import { JSDOM } from 'jsdom';

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

let owner: Document | null = null;

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();

function readFigure(figure: Element, start: number): FigureSpan {
  const image = figure.querySelector('img');
  const credit = figure.querySelector('.credit');
  const captionElement = figure.querySelector('figcaption .caption') ?? figure.querySelector('figcaption');
  let caption = captionElement?.textContent ?? '';
  if (captionElement !== null && credit !== null && captionElement.contains(credit)) caption = caption.replace(credit.textContent ?? '', '');
  return {
    start,
    end: start + (figure.textContent ?? '').length,
    src: image?.getAttribute('src') ?? null,
    alt: squash(image?.getAttribute('alt')),
    caption: squash(caption),
    credit: squash(credit?.textContent) || null,
  };
}

/** Every figure, and every image outside one, in reading order. */
export function figureSpans(html: string): FigureSpan[] {
  if (!/<(?:figure|img)\b/iu.test(html)) return [];
  // Parsed as a body's children in one kept document, as stored-content.ts does and for the same
  // reason: a jsdom window per article costs about 20 ms, a fragment about 1.5 ms.
  owner ??= new JSDOM('<!DOCTYPE html><body></body>').window.document;
  const body = owner.createElement('body');
  body.innerHTML = html;
  const spans: FigureSpan[] = [];
  let offset = 0;
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) {
        offset += (child as Text).data.length;
      } else if (child.nodeType === child.ELEMENT_NODE) {
        const element = child as Element;
        if (element.tagName === 'FIGURE') {
          const span = readFigure(element, offset);
          spans.push(span);
          offset = span.end;
        } else if (element.tagName === 'IMG') {
          spans.push({ start: offset, end: offset, src: element.getAttribute('src'), alt: squash(element.getAttribute('alt')), caption: '', credit: null });
        } else {
          walk(element);
        }
      }
    }
  };
  walk(body);
  return spans;
}
