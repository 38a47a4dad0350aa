// YAML front matter values written by hand: Margin only ever emits flat keys with strings, ISO
// dates and lists of strings, and no YAML library is among the project's dependencies. Every
// string goes out double-quoted with escapes, the one YAML style in which no character of a title
// (`: `, `#`, a leading `-` or `*`, `yes`, a newline) can change what the value means.

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
};

// C0 and C1 controls, DEL, line/paragraph separators and the BOM: YAML readers either reject
// them raw or fold them, so they travel as escapes. With the u flag the surrogate range matches
// only unpaired halves: a paired emoji is one code point and passes through as it is.
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/gu;

function escapeChar(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  // A lone surrogate cannot be written in UTF-8 at all; YAML has no escape for it either.
  if (code >= 0xd800 && code <= 0xdfff) return '\\uFFFD';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0').toUpperCase()}` : `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
}

export function yamlString(value: string): string {
  return `"${value.replace(NEEDS_ESCAPE, escapeChar)}"`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

/**
 * A timestamp left unquoted, so Obsidian's Properties view offers it as a date. Anything that is
 * not exactly an ISO instant is quoted like any other string.
 */
export function yamlDate(value: string): string {
  return ISO_INSTANT.test(value) ? value : yamlString(value);
}
