// Which languages are written right to left, for an article that names its language but not its
// direction (a page's lang, a note's front matter). Primary subtags per the IANA registry.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** 'rtl' for a language written right to left, else null (the text's own letters decide). */
export function languageDirection(language: string | null | undefined): 'rtl' | null {
  const primary = language?.split(/[-_]/u)[0]?.toLowerCase();
  return primary !== undefined && RTL_LANGUAGES.has(primary) ? 'rtl' : null;
}

/** A language tag in its canonical form ("en-GB"), or null when it is not one. */
export function canonicalLanguage(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/gu, '-');
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
