// What Readability keeps but a reader does not want: share bars, newsletter sign-ups, ad slots and
// their "Advertisement" labels, which sit inside the article's own container and survive its
// scoring. Readability's output is the article, so blocks are taken out of that output only (which
// part of the page is the article stays Readability's choice), and only when they prove
// themselves not to be the article:
// - they name themselves by a whole class token from a short list, or by an ARIA role, never by
//   part of a class or id ("sharing-with-a-colleague" or "promo-x" says nothing about a section);
// - they hold no heading, figure or landmark, and no more than a sentence of prose (text outside
//   links and buttons): real sections have both, a sign-up box has neither.
// The names are read on the page before extraction, where they are whole, and left as a mark:
// Readability replaces a box holding one paragraph by that paragraph, so the mark goes down such
// single-child chains. Hand-written because Readability's own cleaning is the library step this
// follows, and no maintained library decides the rest.
import { elementsUnder } from './elements';

/** Class tokens, whole and case-insensitive, that name a share bar, a sign-up box or an ad slot. */
const BOILERPLATE_CLASSES = new Set([
  // share bars
  'share', 'shares', 'sharing', 'share-bar', 'sharebar', 'share-buttons', 'share-tools', 'share-links', 'share-icons',
  'share-box', 'share-this', 'sharethis', 'social-share', 'social-sharing', 'social-share-box', 'social-buttons',
  'sharing-buttons', 'sharedaddy', 'addthis_toolbox', 'a2a_kit',
  // newsletter and subscription boxes
  'newsletter', 'newsletter-signup', 'newsletter-sign-up', 'newsletter-promo', 'newsletter-box', 'newsletter-form',
  'newsletter-subscribe', 'newsletter-cta', 'newsletter-wrapper', 'newsletter-widget', 'subscribe-box', 'subscribe-form',
  'subscription-box', 'signup-box', 'email-signup',
  // ad slots and sponsored widgets
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'ad-slot', 'adslot', 'ad-unit', 'adunit', 'ad-container',
  'ad-wrapper', 'ad-box', 'ad-label', 'ad-leaderboard', 'dfp-ad', 'gpt-ad', 'outbrain', 'taboola', 'trc_related_container',
  // cookie and consent banners
  'cookie-banner', 'cookie-consent', 'cookie-notice', 'consent-banner',
]);
/** ARIA roles no article text takes: a toolbar (share buttons), a search box. */
const BOILERPLATE_ROLES = new Set(['toolbar', 'search']);
/** Never removed, and never removed around: headings, figures and the article's landmarks. */
const PROTECTED = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'FIGCAPTION', 'ARTICLE', 'MAIN', 'BODY', 'HTML']);
const PROTECTED_INSIDE = 'h1, h2, h3, h4, h5, h6, figure, article, main';
/** Text that is a control or a link, not prose a person reads. */
const NOT_PROSE = new Set(['A', 'BUTTON', 'LABEL', 'SELECT', 'OPTION', 'TEXTAREA', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** A sentence shorter than this ("Like this story?", "Support local journalism.") is a call to action. */
const MIN_SENTENCE_WORDS = 4;
/** In scripts written without spaces, letters stand in for words. */
const MIN_SENTENCE_LETTERS = 16;
/** One sentence this long is prose whatever its punctuation. */
const MAX_SENTENCE_WORDS = 40;
/** Labels left in the text where an ad was. */
const AD_LABEL = /^(?:advertisement|advertisements|advertising|sponsored|sponsored content|skip advertisement|story continues below(?: advertisement)?|continue reading the main story|anzeige|publicité)$/iu;
const LABEL_BOXES = new Set(['P', 'DIV', 'ASIDE', 'SECTION', 'LI', 'SPAN']);
const BOXES = new Set(['P', 'DIV', 'ASIDE', 'SECTION', 'LI']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const MARK = 'data-margin-boilerplate';

function namesItselfBoilerplate(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role !== null && role.split(/\s+/u).some((token) => BOILERPLATE_ROLES.has(token.toLowerCase()))) return true;
  const classes = element.getAttribute('class');
  return classes !== null && classes.split(/\s+/u).some((token) => BOILERPLATE_CLASSES.has(token.toLowerCase()));
}

/** The element's text that is read as prose: outside links, buttons and form labels. */
function proseOf(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) parts.push((child as Text).data);
      else if (child.nodeType === ELEMENT_NODE && !NOT_PROSE.has((child as Element).tagName)) walk(child);
    }
    parts.push(' ');
  };
  walk(element);
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

function isSentence(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length >= MIN_SENTENCE_WORDS) return true;
  const unspaced = text.match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/gu) ?? [];
  return unspaced.length >= MIN_SENTENCE_LETTERS;
}

/** More than one sentence of prose: what a real section has and a sign-up box or share bar has not. */
function holdsProse(element: Element): boolean {
  const prose = proseOf(element);
  if (prose === '') return false;
  if ((prose.match(/[\p{L}\p{N}]+/gu) ?? []).length > MAX_SENTENCE_WORDS) return true;
  const sentences = prose.split(/[.!?…。！？]+["'”’»)\]]*(?:\s+|$)/u).filter(isSentence);
  return sentences.length > 1;
}

function isProvablyBoilerplate(element: Element): boolean {
  if (PROTECTED.has(element.tagName) || element.closest('figure') !== null) return false;
  if (element.querySelector(PROTECTED_INSIDE) !== null) return false;
  return !holdsProse(element);
}

/** The element's only child is a short text that is an ad label. */
function isAdLabel(element: Element): boolean {
  const only = element.firstChild;
  if (only === null || only !== element.lastChild || only.nodeType !== TEXT_NODE) return false;
  const text = (only as Text).data;
  return text.length < 80 && AD_LABEL.test(text.replace(/\s+/gu, ' ').trim());
}

function hasOwnText(element: Element): boolean {
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE && (child as Text).data.trim() !== '') return true;
  }
  return false;
}

/** Marks, on the whole page before extraction, the boxes that name themselves boilerplate. */
export function markBoilerplate(document: Document): void {
  if (document.body === null) return;
  for (const element of elementsUnder(document.body)) {
    if (!namesItselfBoilerplate(element)) continue;
    let marked: Element | null = element;
    while (marked !== null) {
      marked.setAttribute(MARK, '');
      const only: Element | null = marked.firstElementChild;
      marked = only !== null && only === marked.lastElementChild && !hasOwnText(marked) ? only : null;
    }
  }
}

/** Removes, from an extracted article, the marked blocks that prove themselves not to be the article. */
export function removeBoilerplate(article: Element): void {
  const marked: Element[] = [];
  const labels: Element[] = [];
  for (const element of elementsUnder(article)) {
    if (element.hasAttribute(MARK)) marked.push(element);
    else if (LABEL_BOXES.has(element.tagName) && isAdLabel(element)) labels.push(element);
  }
  for (const element of marked) {
    if (article.contains(element) && isProvablyBoilerplate(element)) element.remove();
  }
  for (const label of labels) {
    if (!article.contains(label)) continue;
    // The label's own box goes ("<div class=x><p>Advertisement</p></div>"); "Sponsored" in bold
    // inside a sentence is the sentence's word and is never a box of its own.
    let box: Element = label;
    const text = (label.textContent ?? '').trim();
    while (box.parentElement !== null && box.parentElement !== article && !PROTECTED.has(box.parentElement.tagName) && box.parentElement.childElementCount === 1 && (box.parentElement.textContent ?? '').trim() === text) {
      box = box.parentElement;
    }
    if (BOXES.has(box.tagName)) box.remove();
  }
}
