// A picture alone on its line in Markdown is a figure, as on a page: `![alt](src "title")`, then
// optionally an italic caption line and a credit line, in the same paragraph or the ones that
// follow. It becomes <figure><img><figcaption>caption <span class="credit">credit</span>
// </figcaption></figure>, the shape the other importers write and the reader, the search and the
// exports read as a figure. Markdown has no syntax for this and no markdown-it plugin reads a
// caption and a credit, so the rule is ours.
import { trailingCredit } from './html/credits';

/** Credits are short: "REUTERS", "Photo: Ruth Okoro", "Ukrainian Presidential Press Off/UPI/Shutterstock". */
const MAX_CREDIT_LENGTH = 80;
const MAX_CREDIT_WORDS = 10;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A paragraph's lines (its children split at line breaks), and whether each break was a <br>. */
interface Lines {
  lines: Node[][];
  hardBreaks: boolean[];
}

function linesOf(paragraph: Element): Lines {
  const document = paragraph.ownerDocument;
  const lines: Node[][] = [[]];
  const hardBreaks: boolean[] = [];
  for (const node of Array.from(paragraph.childNodes)) {
    if (node.nodeName === 'BR') {
      lines.push([]);
      hardBreaks.push(true);
    } else if (node.nodeType === TEXT_NODE && (node.textContent ?? '').includes('\n')) {
      (node.textContent ?? '').split('\n').forEach((part, i) => {
        if (i > 0) {
          lines.push([]);
          hardBreaks.push(false);
        }
        if (part !== '') lines[lines.length - 1]?.push(document.createTextNode(part));
      });
    } else {
      lines[lines.length - 1]?.push(node);
    }
  }
  return { lines, hardBreaks };
}

/** Removes a block with the line break markdown-it wrote after it, so no blank line is left in the text. */
export function removeBlock(block: Element): void {
  const after = block.nextSibling;
  if (after !== null && isBlank(after)) after.remove();
  block.remove();
}

const isBlank = (node: Node) => node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() === '';
const lineText = (line: Node[]) => line.map((node) => node.textContent ?? '').join('').replace(/\s+/gu, ' ').trim();

/** The one element on a line of nothing else, if it has this tag. */
function alone(line: Node[] | undefined, tags: readonly string[]): Element | null {
  const content = (line ?? []).filter((node) => !isBlank(node));
  const [only] = content;
  return content.length === 1 && only?.nodeType === ELEMENT_NODE && tags.includes((only as Element).tagName) ? (only as Element) : null;
}

/**
 * A line that says it is a credit ("Photo: ...", "© ...", ".../AP") is one. So is a short line
 * right under the picture or its caption ("REUTERS"), unless it ends like a sentence; a paragraph
 * of its own must say so.
 */
function looksLikeCredit(text: string, strict: boolean): boolean {
  if (text === '' || text.length > MAX_CREDIT_LENGTH || text.split(' ').length > MAX_CREDIT_WORDS) return false;
  if (trailingCredit(text)?.[0] === 0) return true;
  return !strict && !/[.!?:;]$/u.test(text);
}

interface Caption {
  caption: Node[] | null;
  credit: string | null;
}

/** Takes a caption line, then a credit line, off the front of the lines; returns how many it took. */
function takeCaption(lines: Node[][], found: Caption, strict: boolean): number {
  let taken = 0;
  const em = found.caption === null ? alone(lines[0], ['EM', 'I']) : null;
  if (em !== null) {
    found.caption = Array.from(em.childNodes);
    taken = 1;
  }
  const credit = lines[taken];
  if (found.credit === null && credit !== undefined && looksLikeCredit(lineText(credit), strict && taken === 0)) {
    found.credit = lineText(credit);
    taken += 1;
  }
  return taken;
}

function buildFigure(img: Element, found: Caption): Element {
  const document = img.ownerDocument;
  const figure = document.createElement('figure');
  figure.append(img);
  let caption = found.caption;
  const title = img.getAttribute('title')?.trim() ?? '';
  // A title alone is the caption Markdown writers give a picture; shown once, not also as a tooltip.
  if (caption === null && title !== '') {
    caption = [document.createTextNode(title)];
    img.removeAttribute('title');
  }
  if (caption === null && found.credit === null) return figure;
  const figcaption = document.createElement('figcaption');
  figcaption.append(...(caption ?? []));
  if (found.credit !== null) {
    const credit = document.createElement('span');
    credit.setAttribute('class', 'credit');
    credit.textContent = found.credit;
    figcaption.append(...(caption === null ? [] : [document.createTextNode(' ')]), credit);
  }
  figure.append(figcaption);
  return figure;
}

/** The lines left of a paragraph, as a paragraph again (null when none are left). */
function paragraphOf(document: Document, { lines, hardBreaks }: Lines, from: number): Element | null {
  if (lines.slice(from).every((line) => line.every(isBlank))) return null;
  const paragraph = document.createElement('p');
  lines.slice(from).forEach((line, i) => {
    if (i > 0) paragraph.append(hardBreaks[from + i - 1] ? document.createElement('br') : document.createTextNode('\n'));
    paragraph.append(...line);
  });
  return paragraph;
}

/** The picture a paragraph starts with, when it stands alone on the paragraph's first line. */
function leadingPicture(lines: Lines): Element | null {
  return alone(lines.lines[0], ['IMG']);
}

export function markdownFigures(document: Document): void {
  for (const paragraph of Array.from(document.body.getElementsByTagName('p'))) {
    if (!paragraph.isConnected || paragraph.getElementsByTagName('img').length === 0) continue;
    const own = linesOf(paragraph);
    const img = leadingPicture(own);
    if (img === null) continue;
    const found: Caption = { caption: null, credit: null };
    const taken = 1 + takeCaption(own.lines.slice(1), found, false);
    const rest = paragraphOf(document, own, taken);
    // A caption or credit written as paragraphs of their own below a picture with nothing under it.
    const followers: Element[] = [];
    for (let next = paragraph.nextElementSibling; rest === null && next?.tagName === 'P' && (found.caption === null || found.credit === null); next = next.nextElementSibling) {
      const { lines } = linesOf(next);
      if (takeCaption(lines, { ...found }, true) !== lines.length) break;
      takeCaption(lines, found, true);
      followers.push(next);
    }
    paragraph.replaceWith(buildFigure(img, found), ...(rest === null ? [] : [rest]));
    for (const follower of followers) removeBlock(follower);
  }
}
