// How deep a page's elements nest, found before jsdom builds it. jsdom walks every ancestor, by
// recursion, for each node it inserts: a page of 200,000 nested <div>s took it most of a minute
// and then overflowed the stack, and its serializer, DOMPurify and Readability recurse too. parse5
// (the parser inside jsdom) builds the same tree by the HTML rules, implied end tags and all, so
// the depth counted here is the depth jsdom would build; its tree adapter is told to keep no text
// and to stop at the first element past the limit, so a hostile page is refused in a fraction of
// the time one honest page takes to import.
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import { UserError } from '../../errors';

/**
 * The deepest nesting Margin imports, counting <html> and <body>. Articles nest a few dozen
 * levels. Past this, Readability's clean-up (which weighs each block's text against everything
 * under it) grows with the cube of the depth: about a second at 256 levels here, six at 512, most
 * of a minute at 1,000; jsdom runs out of stack at several thousand.
 */
export const MAX_NESTING_DEPTH = 256;

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

class TooDeep extends Error {}

function depthCounter(max: number): TreeAdapter<DefaultTreeAdapterMap> {
  const depths = new WeakMap<object, number>();
  // A template's content is a fragment of its own, but it is serialized and sanitized inside the
  // template, so its elements count from the template's depth.
  const templateOf = new WeakMap<object, object>();
  const depthOf = (node: object): number => {
    const own = depths.get(node);
    if (own !== undefined) return own;
    const template = templateOf.get(node);
    return template === undefined ? 0 : depthOf(template);
  };
  // An element moved with its children (the adoption agency's few moves) keeps its children's
  // old depths; the move is bounded by the HTML rules and never deepens a tree by more than a few.
  const place = (parent: ParentNode, child: ChildNode) => {
    if (!('tagName' in child)) return;
    const depth = depthOf(parent) + 1;
    if (depth > max) throw new TooDeep();
    depths.set(child, depth);
  };
  return {
    ...defaultTreeAdapter,
    appendChild(parent, child) {
      place(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      place(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
    setTemplateContent(template, content) {
      templateOf.set(content, template);
      defaultTreeAdapter.setTemplateContent(template, content);
    },
    // The text is never read here: leaving it out keeps a large page's copy small.
    insertText() {},
    insertTextBefore() {},
  };
}

/** Whether the page's elements nest deeper than `max` once parsed. */
export function nestsDeeperThan(html: string, max: number = MAX_NESTING_DEPTH): boolean {
  try {
    parse(html, { treeAdapter: depthCounter(max) });
    return false;
  } catch (error) {
    if (error instanceof TooDeep) return true;
    throw error;
  }
}

/** Throws, in one sentence naming the file or page, when its elements nest too deep to import. */
export function refuseDeepNesting(html: string, name: string): void {
  if (nestsDeeperThan(html)) {
    throw new UserError(`${name} has elements nested more than ${MAX_NESTING_DEPTH.toLocaleString('en-US')} levels deep, deeper than any article, so Margin did not import it.`);
  }
}
