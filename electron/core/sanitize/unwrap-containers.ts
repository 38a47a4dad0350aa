// Takes out, before DOMPurify, the wrapper elements it would take out itself while keeping their
// content (<article>, <main>, <font>...). DOMPurify moves a wrapper's children out one at a time,
// from the last, after reading every node's child list; jsdom rebuilds a child list that was read
// on each change and walks all the siblings to place the last child, so each move costs time in
// the number of children: a page whose article is one <article> of 13,000 paragraphs would take
// minutes. Here, on a fresh copy, the children move from the first into a fragment, which jsdom
// does at a constant cost, and the fragment takes the wrapper's place at once. Only elements
// DOMPurify would certainly unwrap are touched, so what it returns is the same: no allowlisted
// tag, no tag whose content DOMPurify drops, no <form> (checked for clobbering), and only wrappers
// holding an element (DOMPurify drops a wrapper of bare text that reads like markup, text and all).
import { KEPT_TAGS } from '../../shared/sanitize-policy';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Sectioning and presentational wrappers found around page text, whose content is plain markup. */
const WRAPPERS = ['address', 'article', 'aside', 'bdi', 'bdo', 'big', 'center', 'data', 'dfn', 'font', 'footer', 'header', 'hgroup', 'main', 'mark', 'nav', 'samp', 'tt', 'var'];

const UNWRAPPED = new Set(WRAPPERS.filter((tag) => !KEPT_TAGS.has(tag)));

function isUnwrapped(node: Node): node is Element {
  if (node.nodeType !== node.ELEMENT_NODE) return false;
  const element = node as Element;
  return element.namespaceURI === HTML_NAMESPACE && UNWRAPPED.has(element.localName) && element.firstElementChild !== null;
}

/** The node after `node` in document order, not leaving `root`, without entering `node`. */
function nextOutside(node: Node, root: Node): Node | null {
  let current: Node | null = node;
  while (current !== null && current !== root && current.nextSibling === null) current = current.parentNode;
  return current === null || current === root ? null : current.nextSibling;
}

/**
 * A copy of `node` with its wrappers taken out, in a fragment (the node itself may be one). The
 * copy is fresh because jsdom keeps, for a node whose child list was ever read (Readability reads
 * many), an array of its children that it rebuilds on every change.
 */
export function withoutWrappers(node: Element): DocumentFragment {
  const document = node.ownerDocument;
  const root = document.createDocumentFragment();
  root.appendChild(node.cloneNode(true));
  let current: Node | null = root.firstChild;
  while (current !== null) {
    if (isUnwrapped(current)) {
      const first = current.firstChild;
      const children = document.createDocumentFragment();
      while (current.firstChild !== null) children.appendChild(current.firstChild);
      const parent = current.parentNode as Node;
      parent.insertBefore(children, current);
      parent.removeChild(current);
      current = first;
      continue;
    }
    current = current.firstChild ?? nextOutside(current, root);
  }
  return root;
}
