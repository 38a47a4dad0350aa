// Separates a photo's credit from its caption, the way pages mark it: an element named for it
// (credit, byline, copyright, photographer, source), or a trailing "Photo: ..." / "(AP)" /
// ".../Getty Images" in the caption's text. Runs before extraction, so the credit keeps the
// one class the reader styles ("credit") and Readability never mistakes it for the byline.

const CREDIT_NAME = /credit|copyright|photographer|byline|attribution|source|author|courtesy/iu;
const AGENCY = String.raw`(?:Getty Images|AFP|AP|Reuters|REUTERS|EPA|Shutterstock|Alamy|dpa|Bloomberg|PA(?: Wire)?|ANP|Xinhua|Anadolu)`;
/** "(AP)", "(AP Photo/Jane Doe)", "(Reuters)": the agency in brackets closes the caption. */
const BRACKETED_AGENCY = new RegExp(String.raw`\s*\(\s*(${AGENCY}\b[^()]{0,60})\)[.\s]*$`, 'u');
/**
 * "Photo: Jane Doe", "Photograph by J. Smith", "© Jane Doe", "Jane Doe/Getty Images". The label
 * is capitalized and starts the caption, a sentence or a clause, so "a satellite image: the dam"
 * in the middle of a caption is not taken for a credit. A name before "/Agency" is at most six
 * capitalized words, so a whole short caption is never swallowed.
 */
const LABELLED_CREDIT =
  /(?:^|(?<=[.!?;:|—–)]\s*)|\s)((?:(?:Photo(?:graph)?s?|PHOTOS?|Image|Picture|Illustration|Credit|Foto)(?:\s+by)?\s*:\s*|(?:Photo(?:graph)?|Illustration)\s+by\s+|©\s*)[^\n]{2,90}?)[.\s]*$/u;
const AGENCY_CREDIT = new RegExp(
  String.raw`(?:^|(?<=[.!?;|—–]\s*))\s*((?:[\p{Lu}][\p{L}'’.-]*\s+){0,5}[\p{Lu}][\p{L}'’.-]*(?:\/[\p{L}][\p{L} ]{0,30})*\/${AGENCY}(?:\s+via\s+[\p{L} ]{1,40})?)[.\s]*$`,
  'u',
);

function isCreditElement(element: Element): boolean {
  const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
  return CREDIT_NAME.test(name) && (element.textContent ?? '').trim() !== '';
}

function markAsCredit(element: Element): void {
  element.setAttribute('class', 'credit');
  element.removeAttribute('id');
  element.removeAttribute('itemprop');
  element.removeAttribute('rel');
}

function markElementCredit(caption: Element): boolean {
  for (const element of Array.from(caption.getElementsByTagName('*'))) {
    if (isCreditElement(element)) {
      markAsCredit(element);
      return true;
    }
  }
  return false;
}

/** The credit at the end of a caption's last words, as [where it starts, its text]. */
export function trailingCredit(text: string): [number, string] | null {
  const bracketed = BRACKETED_AGENCY.exec(text);
  if (bracketed?.[1] !== undefined) return [bracketed.index, bracketed[1].trim()];
  for (const pattern of [LABELLED_CREDIT, AGENCY_CREDIT]) {
    const match = pattern.exec(text);
    if (match?.[1] === undefined) continue;
    return [match.index + match[0].indexOf(match[1]), match[1].trim()];
  }
  return null;
}

function markTrailingCredit(caption: Element): void {
  const walker = caption.ownerDocument.createTreeWalker(caption, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node as Text).data.trim() !== '') last = node as Text;
  }
  if (last === null) return;
  const found = trailingCredit(last.data);
  if (found === null) return;
  const [start, text] = found;
  const rest = last.data.slice(0, start).trimEnd();
  // A caption that is nothing but a credit is still a credit, with no caption text.
  const credit = caption.ownerDocument.createElement('span');
  credit.setAttribute('class', 'credit');
  credit.textContent = text;
  last.data = rest === '' ? '' : `${rest} `;
  last.after(credit);
}

/**
 * Some layouts put the credit beside the picture rather than in the caption ("<span
 * class=image-credit>" over the photo). It moves into the caption, where readers look for it.
 */
function gatherFigureCredits(figure: Element): void {
  const document = figure.ownerDocument;
  for (const element of Array.from(figure.getElementsByTagName('*'))) {
    if (!isCreditElement(element)) continue;
    if (element.closest('figcaption') !== null || element.querySelector('img, picture, figcaption') !== null) continue;
    let caption = figure.getElementsByTagName('figcaption')[0] ?? null;
    if (caption !== null && Array.from(caption.getElementsByTagName('*')).some(isCreditElement)) return;
    if (caption === null) {
      caption = document.createElement('figcaption');
      figure.append(caption);
    }
    markAsCredit(element);
    caption.append(document.createTextNode(' '), element);
    return;
  }
}

export function markCredits(document: Document): void {
  for (const figure of Array.from(document.getElementsByTagName('figure'))) gatherFigureCredits(figure);
  for (const caption of Array.from(document.getElementsByTagName('figcaption'))) {
    for (const element of Array.from(caption.getElementsByTagName('*'))) {
      if (!CREDIT_NAME.test(element.getAttribute('class') ?? '')) element.removeAttribute('class');
    }
    if (!markElementCredit(caption)) markTrailingCredit(caption);
    // Only the first credit keeps its name: a second "byline" inside the caption must not be
    // taken for the article's byline by Readability.
    for (const element of Array.from(caption.getElementsByTagName('*'))) {
      if (element.getAttribute('class') === 'credit') continue;
      element.removeAttribute('class');
      element.removeAttribute('rel');
      element.removeAttribute('itemprop');
    }
  }
}
