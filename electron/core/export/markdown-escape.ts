// Puts a passage of plain article text into Markdown so it renders as the same words: a quote
// holding `*`, `[[`, `#tag`, `==`, `$` or a line starting `1.` must not turn into emphasis, a
// wiki link, a tag, a highlight, math or a list in Obsidian. CommonMark lets any ASCII punctuation
// be backslash-escaped, so escaping is always safe; it is kept to the characters that can act,
// so the raw file stays readable. Written here because Markdown libraries render or parse; none
// escapes text for Obsidian's additions to CommonMark.

// In one pass: characters that can start inline syntax anywhere in a line (CommonMark plus
// Obsidian's tags, block references, math and wiki links); character references (`&amp;`,
// `&#169;`), which would be decoded, while a bare `&` is left alone; and `==highlight==` and
// `%%comment%%`, Obsidian's, while a single `=` or `%` is plain text.
// No u flag: every character here is ASCII, and the flag slows the scan in V8.
const INLINE = /[\\`*_[\]<#~|$^]|&(?=#?[a-z0-9]+;)|={2,}|%{2,}/gi;
// Block syntax decided by a line's first characters: headings and rules (`=`/`-` setext),
// nested quotes, bullet and ordered list markers, code fences (backticks are escaped already).
const LINE_START = /^(?:([>=+-])|(\d{1,9})([.)]))/;

const escapeRun = (run: string): string => (run.length === 1 ? `\\${run}` : run.replace(/./g, '\\$&'));

export function escapeMarkdownLine(line: string): string {
  const escaped = line.trim().replace(INLINE, escapeRun);
  return escaped.replace(LINE_START, (_match, marker: string | undefined, digits: string | undefined, dot: string | undefined) =>
    marker !== undefined ? `\\${marker}` : `${digits ?? ''}\\${dot ?? ''}`,
  );
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * A Markdown block quote that renders as `text`: every line prefixed `> ` (so a multi-line
 * passage stays one quote), blank lines kept as `>`, and leading or trailing spaces dropped
 * because they would turn a line into code or a hard break.
 */
export function markdownBlockQuote(text: string): string {
  // Most passages are one line: no need to split and join them.
  if (!LINE_BREAK.test(text)) {
    const escaped = escapeMarkdownLine(text);
    return escaped === '' ? '>' : `> ${escaped}`;
  }
  return text
    .trim()
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => {
      const escaped = escapeMarkdownLine(line);
      return escaped === '' ? '>' : `> ${escaped}`;
    })
    .join('\n');
}
