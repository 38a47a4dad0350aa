// Styles in a stored SVG may draw but never fetch. The file is served to the reader as an image
// (where browsers load nothing it names), but a person may open it from the library folder in a
// browser or an editor, where a <style> with @import, a url() to another server or an
// image-set() would go out. css-tree (the CSS parser SVGO uses) reads the CSS as a browser does,
// escapes and all; every at-rule goes, and so does every declaration whose value names anything
// but a fragment of the same file (url(#gradient)) or calls a function that only computes.
import { generate, parse, walk, type CssNode, type List, type ListItem } from 'css-tree';

/** Functions that compute a colour, a length or a transform: none of them can load anything. */
const DRAWING_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix',
  'calc', 'min', 'max', 'clamp', 'var',
  'translate', 'translatex', 'translatey', 'rotate', 'scale', 'scalex', 'scaley', 'skew', 'skewx', 'skewy', 'matrix',
]);

const quiet = { parseValue: true, parseCustomProperty: false, onParseError: () => undefined };

/** Whether CSS (a value, a declaration list) names anything outside the file, or may (what the parser could not read). */
function reachesOut(node: CssNode): boolean {
  let out = false;
  walk(node, (part) => {
    if (part.type === 'Url') out ||= !part.value.trim().startsWith('#');
    else if (part.type === 'Function') out ||= !DRAWING_FUNCTIONS.has(part.name.toLowerCase());
    else if (part.type === 'Raw') out ||= /[(\\@]/u.test(part.value);
    else if (part.type === 'Atrule') out = true;
  });
  return out;
}

/** Removes at-rules, and declarations that reach out, from a parsed stylesheet or declaration list. */
function keepDrawing(ast: CssNode): string {
  walk(ast, {
    enter(node: CssNode, item: ListItem<CssNode>, list: List<CssNode> | null) {
      if (node.type === 'Atrule' || (node.type === 'Declaration' && reachesOut(node.value)) || (node.type === 'Raw' && /[(\\@]/u.test(node.value))) list?.remove(item);
    },
  });
  return generate(ast);
}

/** A <style> element's text, with only what draws left. */
export function drawingStylesheet(css: string): string {
  return keepDrawing(parse(css, { context: 'stylesheet', ...quiet }));
}

/** A style attribute, with only what draws left (empty when nothing is). */
export function drawingDeclarations(style: string): string {
  return keepDrawing(parse(style, { context: 'declarationList', ...quiet }));
}

/** Whether an attribute's value (fill="url(…)", mask, filter, marker-end) names anything outside the file. */
export function attributeReachesOut(value: string): boolean {
  if (!/[(\\]/u.test(value)) return false;
  return reachesOut(parse(value, { context: 'value', ...quiet }));
}
