// Separates a photo's credit from its caption, the way pages mark it: an element named for it
// (credit, byline, copyright, photographer, source), or a trailing "Photo: ..." / "(AP)" /
// ".../Getty Images" in the caption's text. Runs before extraction, so the credit keeps the
// one class the reader styles ("credit") and Readability never mistakes it for the byline.

const CREDIT_NAME = /credit|copyright|photographer|byline|attribution|source|author|courtesy/iu;
const TRAILING_CREDIT =
  /\s*((?:(?:photo(?:graph)?s?|image|picture|illustration|credit|foto)(?:\s+by)?\s*:\s*|photo\s+by\s+|©\s*)[^.]{2,90}|\((?:AP|AFP|Reuters|EPA|Getty Images|dpa)[^)]{0,60}\)|[\p{L} .'’-]{0,60}\/(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock|Alamy|dpa)(?:\s+via\s+[\p{L} ]{1,40})?)\s*$/iu;

function markElementCredit(caption: Element): boolean {
  for (const element of caption.querySelectorAll('*')) {
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
    if (CREDIT_NAME.test(name) && (element.textContent ?? '').trim() !== '') {
      element.setAttribute('class', 'credit');
      element.removeAttribute('id');
      element.removeAttribute('itemprop');
      return true;
    }
  }
  return false;
}

function markTrailingCredit(caption: Element): void {
  const walker = caption.ownerDocument.createTreeWalker(caption, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node as Text).data.trim() !== '') last = node as Text;
  }
  if (last === null) return;
  const match = TRAILING_CREDIT.exec(last.data);
  if (match === null || match[1] === undefined) return;
  const credit = caption.ownerDocument.createElement('span');
  credit.setAttribute('class', 'credit');
  credit.textContent = match[1].trim();
  const rest = last.data.slice(0, match.index);
  last.data = rest.endsWith(' ') ? rest : `${rest} `;
  last.after(credit);
}

export function markCredits(document: Document): void {
  for (const caption of document.querySelectorAll('figcaption')) {
    for (const element of caption.querySelectorAll('[class]')) {
      if (!CREDIT_NAME.test(element.getAttribute('class') ?? '')) element.removeAttribute('class');
    }
    if (!markElementCredit(caption)) markTrailingCredit(caption);
  }
}
