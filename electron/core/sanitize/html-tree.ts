// Stored article HTML read back as a plain tree, without a DOM. Stored HTML is already sanitized,
// so reading it needs only HTML's parsing rules, not a browser's objects: parse5 is the parser
// jsdom itself runs, so the tree (and so the text every highlight's offsets count in) is the one
// jsdom builds, at a fraction of the memory (jsdom is about 95 MB of RSS once loaded; it stays
// for importing, which loads it when an import runs). The few questions asked of the tree here
// are the DOM's and CSS's answers for an element: textContent, a type selector, a class selector,
// getAttribute, contains. tests/unit/stored-html-tree.test.ts holds them to jsdom's.
import { defaultTreeAdapter, html, parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

export type TreeNode = DefaultTreeAdapterTypes.Node;
export type TreeParent = DefaultTreeAdapterTypes.ParentNode;
export type TreeElement = DefaultTreeAdapterTypes.Element;

// As jsdom parses when it runs no scripts: <noscript> content is markup, not raw text.
const OPTIONS = { scriptingEnabled: false } as const;

/** The HTML as a body element's children (HTML's fragment algorithm, body as the context). */
export function parseBodyFragment(markup: string): TreeParent {
  return parseFragment(defaultTreeAdapter.createElement('body', html.NS.HTML, []), markup, OPTIONS);
}

/** The body of `<!DOCTYPE html><body>${markup}</body>` parsed as a whole document. */
export function parseDocumentBody(markup: string): TreeParent {
  const document = parse(`<!DOCTYPE html><body>${markup}</body>`, OPTIONS);
  const root = document.childNodes.find(isElement);
  const body = root?.childNodes.find((node): node is TreeElement => isElement(node) && node.tagName === 'body');
  if (body === undefined) throw new Error('An HTML document without a body: the parser always makes one.');
  return body;
}

export function isElement(node: TreeNode): node is TreeElement {
  return 'tagName' in node;
}

function children(node: TreeNode): readonly TreeNode[] {
  // A template's content is a separate fragment, outside its element's children, as in the DOM.
  return 'childNodes' in node ? node.childNodes : [];
}

/** Every node under root (not root itself), in document order; a stack, so any depth is safe. */
export function* descendants(root: TreeNode): Generator<TreeNode> {
  const stack = [...children(root)].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    const below = children(node);
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i] as TreeNode);
  }
}

/** The DOM's textContent of an element or fragment: its text nodes' data, in order. */
export function textContent(root: TreeNode): string {
  let text = '';
  for (const node of descendants(root)) if (node.nodeName === '#text') text += (node as DefaultTreeAdapterTypes.TextNode).value;
  return text;
}

/**
 * What a CSS type selector matches in an HTML document: the tag name in any namespace (parse5
 * keeps HTML names in lower case and foreign ones as written, the case the selector is compared in).
 */
export function hasTag(node: TreeNode, name: string): node is TreeElement {
  return isElement(node) && node.tagName === name;
}

/** The DOM's tagName test against an upper-case name: HTML elements only. */
export function isHtmlElement(node: TreeNode, name: string): node is TreeElement {
  return isElement(node) && node.namespaceURI === html.NS.HTML && node.tagName === name;
}

/** getAttribute(name) for a lower-case name: the first attribute with that qualified name. */
export function attribute(element: TreeElement, name: string): string | null {
  const found = element.attrs.find((attr) => (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name) === name);
  return found?.value ?? null;
}

/** A class selector in a no-quirks document: one of the class attribute's tokens, case kept. */
export function hasClass(node: TreeNode, name: string): node is TreeElement {
  if (!isElement(node)) return false;
  const value = attribute(node, 'class');
  return value !== null && value.split(/[\t\n\f\r ]+/u).includes(name);
}

function parentOf(node: TreeNode): TreeNode | null {
  return 'parentNode' in node ? node.parentNode : null;
}

/** The DOM's contains: node is other or one of its ancestors. */
export function contains(node: TreeNode, other: TreeNode): boolean {
  for (let at: TreeNode | null = other; at !== null; at = parentOf(at)) if (at === node) return true;
  return false;
}

/** Whether an ancestor of node (up to the tree's root) passes test: a descendant combinator's left side. */
export function hasAncestor(node: TreeNode, test: (ancestor: TreeNode) => boolean): boolean {
  for (let at = parentOf(node); at !== null; at = parentOf(at)) if (test(at)) return true;
  return false;
}

/** querySelector: the first element under root, in document order, that passes test. */
export function firstDescendant(root: TreeNode, test: (node: TreeNode) => boolean): TreeElement | null {
  for (const node of descendants(root)) if (isElement(node) && test(node)) return node;
  return null;
}
