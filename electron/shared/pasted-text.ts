// Text pasted into the window becomes an article only within the cap text articles have (see
// MAX_TEXT_ARTICLE_BYTES in core/import/read-text-file.ts: 10 MB is more text than any book).
// The page checks before sending and the handler again, with the same sentence.
export const MAX_PASTED_TEXT_BYTES = 10 * 1024 * 1024;

/** Why pasted text cannot be an article, in one sentence; null when it can. */
export function pastedTextProblem(text: string): string | null {
  if (text.trim() === '') return 'Nothing to import: the pasted text is empty.';
  // Each UTF-16 unit is at most 3 UTF-8 bytes: only a long text needs counting.
  if (text.length * 3 > MAX_PASTED_TEXT_BYTES && new TextEncoder().encode(text).length > MAX_PASTED_TEXT_BYTES) {
    return 'The pasted text is larger than 10 MB, more text than any book, too large for a text article.';
  }
  return null;
}
