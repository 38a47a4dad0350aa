// Every element under a root, in document order. jsdom's live collections are slow to index on a
// long page (getElementsByTagName('*') costs more than the checks made on its elements), and a
// selector query is not much better; following child and sibling links is cheap.
export function elementsUnder(root: Element): Element[] {
  const found: Element[] = [];
  let node: Element | null = root.firstElementChild;
  while (node !== null) {
    found.push(node);
    if (node.firstElementChild !== null) {
      node = node.firstElementChild;
      continue;
    }
    let current: Element | null = node;
    while (current !== null && current !== root && current.nextElementSibling === null) current = current.parentElement;
    node = current === null || current === root ? null : current.nextElementSibling;
  }
  return found;
}
