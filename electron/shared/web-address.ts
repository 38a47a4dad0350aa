// What counts as a web address a person gave (typed, pasted, dropped, or on the command line):
// one http(s) URL with no spaces. Shared by the importers and the renderer's paste and drop.
export function parseWebUrl(text: string): URL | null {
  const trimmed = text.trim();
  if (/\s/u.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function isWebAddress(text: string): boolean {
  return parseWebUrl(text) !== null && /^https?:\/\//iu.test(text.trim());
}
