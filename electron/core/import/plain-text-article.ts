// A plain-text file as an article. Its HTML is written here from fixed elements (paragraphs,
// lists, captioned figures) with every character of the text escaped, so there is no markup of
// the file's own for a sanitizer to remove; the HTML is only put in the form the sanitizer would
// hand back (parsed and serialized by the same HTML rules), which
// tests/unit/plain-text-stored-form.test.ts holds to DOMPurify's output. So importing a text file,
// and the sample a new library opens with, does not load jsdom into the main process.
import { serialize } from 'parse5';
import { UserError } from '../errors';
import { parseBodyFragment } from '../sanitize/html-tree';
import { excerptOf } from './excerpt';
import type { ImportedArticle } from './import-file';
import { NO_META } from './imported-meta';
import { parsePlainText } from './plain-text';
import { textBlocksToHtml } from './text-blocks-html';
import { textLanguage } from './text-language';

/** Escaped text in fixed elements, in the serialized form stored articles have. */
export function storedForm(html: string): string {
  return serialize(parseBodyFragment(html));
}

export function importPlainText(source: string, sourceFile: string | null): ImportedArticle {
  const parsed = parsePlainText(source);
  if (parsed === null) throw new UserError(`${sourceFile ?? 'The text'} is empty.`);
  const paragraphs = parsed.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  const words = parsed.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : [block.caption]));
  const { language, direction } = textLanguage([parsed.title, ...words].join('\n'));
  return {
    meta: { ...NO_META, title: parsed.title, byline: parsed.byline, sourceFile, language, direction, excerpt: excerptOf(paragraphs, language) },
    html: storedForm(textBlocksToHtml(parsed.blocks)),
  };
}
