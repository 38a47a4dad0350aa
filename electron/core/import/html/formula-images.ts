// Wikipedia and other MediaWiki sites draw each formula as a picture that sits in the line of
// text (with the formula's TeX as its alt text), beside MathML they hide. The picture is kept by
// Readability for its "fallback-image" class; the "formula" class marked here survives
// extraction and sanitizing so the reader sets it in the line instead of as a block photo.
const INLINE_FORMULA_IMAGE = 'mwe-math-fallback-image-inline';
export const FORMULA_CLASS = 'formula';

export function markFormulaImages(document: Document): void {
  for (const img of Array.from(document.getElementsByTagName('img'))) {
    const classes = (img.getAttribute('class') ?? '').split(/\s+/u);
    if (classes.includes(INLINE_FORMULA_IMAGE)) img.setAttribute('class', [...classes, FORMULA_CLASS].join(' ').trim());
  }
}
