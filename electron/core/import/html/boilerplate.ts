// What Readability keeps but a reader does not want: "Subscribe" and newsletter boxes, ad slots
// and their "Advertisement" labels, share bars and cookie banners, which sit inside the article's
// own container and so survive its scoring. Removed from the page before extraction, by the
// names pages give them; the article's own container is never removed, however it is named.
// One pass over the elements with getAttribute: selector queries and text walks over a long page
// cost more in jsdom than everything this module decides.
import { elementsUnder } from './elements';

/** Names distinctive enough to match anywhere in a class or id ("newsletter-promo", "paywallModal"). */
const BOILERPLATE_NAME = /subscri|newsletter|paywall|advert|outbrain|taboola|cookie|consent|signup|sign-up|promo/iu;
/** Short names that must be a whole word of a class or id ("ad-slot", "share-tools", not "shadow" or "header"). */
const BOILERPLATE_WORDS = new Set(['ad', 'ads', 'adslot', 'adunit', 'dfp', 'gpt', 'share', 'sharing', 'social', 'sponsored', 'donate']);
/** A quick test before splitting a name into words. */
const MAY_HOLD_WORD = /(?:^|[\s_-])(?:ads?|adslot|adunit|dfp|gpt|shar(?:e|ing)|social|sponsored|donate)(?:$|[\s_-])|[a-z](?:Ads?|Share|Social|Sponsored)/u;
/** Labels left in the text where an ad was. */
const AD_LABEL = /^(?:advertisement|advertisements|advertising|sponsored|sponsored content|skip advertisement|story continues below(?: advertisement)?|continue reading the main story|anzeige|publicité)$/iu;
/** An element holding more of the page's text than this is the article, not a box inside it. */
const MAX_SHARE_OF_TEXT = 0.4;
const LABEL_BOXES = new Set(['P', 'DIV', 'ASIDE', 'SECTION', 'LI', 'SPAN']);
const BOXES = new Set(['P', 'DIV', 'ASIDE', 'SECTION', 'LI']);
const KEPT = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'IMG', 'PICTURE', 'H1']);
const TEXT_NODE = 3;

function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/u)
    .filter((word) => word !== '');
}

function isBoilerplateName(name: string): boolean {
  if (BOILERPLATE_NAME.test(name)) return true;
  return MAY_HOLD_WORD.test(name) && words(name).some((word) => BOILERPLATE_WORDS.has(word));
}

/** The element's only child is a short text that is an ad label. */
function isAdLabel(element: Element): boolean {
  const only = element.firstChild;
  if (only === null || only !== element.lastChild || only.nodeType !== TEXT_NODE) return false;
  const text = (only as Text).data;
  return text.length < 80 && AD_LABEL.test(text.replace(/\s+/gu, ' ').trim());
}

function contains(outer: Element, inner: Element): boolean {
  return outer !== inner && outer.contains(inner);
}

export function removeBoilerplate(document: Document): void {
  const body = document.body;
  if (body === null) return;
  const named: Element[] = [];
  const labels: Element[] = [];
  const landmarks: Element[] = [];
  for (const element of elementsUnder(body)) {
    const tag = element.tagName;
    if (tag === 'ARTICLE' || tag === 'MAIN' || tag === 'H1') landmarks.push(element);
    if (LABEL_BOXES.has(tag) && isAdLabel(element)) labels.push(element);
    if (KEPT.has(tag)) continue;
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (name.length > 1 && isBoilerplateName(name)) named.push(element);
  }
  if (named.length > 0) {
    const total = Math.max(1, (body.textContent ?? '').length);
    for (const element of named) {
      if (!body.contains(element) || element.closest('figure') !== null) continue;
      if (landmarks.some((landmark) => contains(element, landmark))) continue;
      if ((element.textContent ?? '').length / total > MAX_SHARE_OF_TEXT) continue;
      element.remove();
    }
  }
  for (const label of labels) {
    if (!body.contains(label)) continue;
    // The label's own box goes ("<div class=ad><p>Advertisement</p></div>"); "Sponsored" in bold
    // inside a sentence is the sentence's word and is never a box of its own.
    let box: Element = label;
    while (box.parentElement !== null && box.parentElement !== body && !KEPT.has(box.parentElement.tagName) && box.parentElement.childElementCount === 1 && (box.parentElement.textContent ?? '').trim() === (label.textContent ?? '').trim()) {
      box = box.parentElement;
    }
    if (BOXES.has(box.tagName)) box.remove();
  }
}
