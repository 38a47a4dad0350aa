// Typographic folding that keeps every character in place (one in, one out), so an offset in the
// folded text is the same offset in the original. Lets a person type "Ukraine's" for "Ukraine’s".
const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\t': ' ', '\n': ' ', '\r': ' ',
};

export function foldTypography(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    out += FOLDS[ch] ?? ch;
  }
  return out;
}
