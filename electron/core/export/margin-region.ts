// The two marker lines around the part of a Markdown file that Margin owns. HTML comments, so
// every Markdown renderer hides them; each says in words what it is for, since the person sees
// them when editing the file.
export const REGION_BEGIN = '<!-- margin:begin · Margin rewrites everything from here to margin:end on each export; write your own notes above or below. -->';
export const REGION_END = '<!-- margin:end -->';

const BEGIN_PREFIX = '<!-- margin:begin';
const END_PREFIX = '<!-- margin:end';

export const isRegionBegin = (line: string): boolean => line.trimStart().startsWith(BEGIN_PREFIX);
export const isRegionEnd = (line: string): boolean => line.trimStart().startsWith(END_PREFIX);

/**
 * Person-written Markdown (notes) placed inside the region must not end it early: a line that
 * looks like a marker gets a backslash, which Markdown shows as the literal text.
 */
export function defuseMarkers(markdown: string): string {
  if (!markdown.includes('<!-- margin:')) return markdown;
  return markdown
    .split('\n')
    .map((line) => (isRegionBegin(line) || isRegionEnd(line) ? `\\${line.trimStart()}` : line))
    .join('\n');
}
