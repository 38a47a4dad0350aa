import { describeSpan } from '../../../electron/shared/anchoring';
import type { Library } from '../../../electron/core/library/library';

/** Highlights the first occurrence of phrase in the article, as the reader would. */
export async function highlightPhrase(library: Library, articleId: string, phrase: string, note = '') {
  const { text } = await library.content(articleId);
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  return library.addAnnotation(articleId, { color: 'green', note, target: describeSpan(text, start, start + phrase.length) });
}
