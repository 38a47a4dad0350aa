import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoredContent } from '../../electron/core/library/stored-content';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { sanitizeArticleHtml } from '../../electron/core/sanitize/sanitizer';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

async function htmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) found.push(path);
  }
  return found;
}

// Selectors count in the text the library reads back; a reader that saw other text would put
// every highlight in the wrong place, so the library's fast reader must agree exactly with the
// one the importers and exporters use.
describe('reading a stored article back', () => {
  it('gives the same text, figures and word count as a whole-document parse, for every fixture page', async () => {
    const files = await htmlFiles(fixtures);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const stored = sanitizeArticleHtml(await readFile(file, 'utf8'));
      expect(readStoredContent(stored), file).toEqual(readArticleContent(stored));
    }
  });

  it('agrees on edge cases of whitespace, entities, preformatted text and figures', () => {
    const cases = [
      '',
      '   \n  ',
      'plain text, no element',
      '\n<p>  leading and trailing  </p>\n\n',
      '<pre>\nfirst line kept\n  indented</pre><p>after</p>',
      '<p>a &amp; b &lt;c&gt; &nbsp;d&#8212;e &eacute;</p>',
      '<p>unclosed<p>second<li>item',
      '<table><tr><td>cell</td></tr></table>text after',
      '<figure><img src="assets/x.png"><figcaption><span class="caption">A caption <span class="credit">Photo: Someone</span></span></figcaption></figure><p>Body</p>',
      '<p dir="rtl">שלום עולם</p><p>emoji 👍🏽 and combining é</p>',
      '<!-- a comment --><p>after a comment</p>',
    ];
    for (const html of cases) expect(readStoredContent(html), html).toEqual(readArticleContent(html));
  });

  it('reads one article without leaving anything from the one before', () => {
    readStoredContent('<figure><img src="a.png"><figcaption>First</figcaption></figure><p>one</p>');
    expect(readStoredContent('<p>two</p>')).toEqual({ text: 'two', figures: [], wordCount: 1 });
  });
});
