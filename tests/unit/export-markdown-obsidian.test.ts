import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownBlockQuote, escapeMarkdownLine } from '../../electron/core/export/markdown-escape';
import { articleMarkdown, combinedMarkdown, markdownFiles } from '../../electron/core/export/obsidian-markdown';
import { yamlDate, yamlString } from '../../electron/core/export/yaml-scalar';
import { describeSpan } from '../../electron/shared/anchoring';
import { ASSET_SRC, EXPORTED_AT, fixedLibrary } from '../fixtures/export/fixed-library';

const library = fixedLibrary();
const [nightTrains] = library;
if (nightTrains === undefined) throw new Error('fixture');
const commonmark = new MarkdownIt('commonmark');

/** What a reader sees of rendered Markdown: the text, with line breaks and runs of spaces as one space. */
function seen(html: string): string {
  const text = html
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');
  return text.replace(/\s+/gu, ' ').trim();
}

describe('Markdown quotes read the same as the text', () => {
  const awkward = [
    '*stars* and _under_ and **bold**',
    '[link](https://x) and ![img](y) and [[wiki]]',
    '# heading\n## another',
    '1. first\n2) second\n- bullet\n+ plus\n* star',
    '> nested\n>> deeper',
    '---\n===\n***',
    '`code` and ``double``',
    '<b>tag</b> &amp; &#169; AT&T',
    'a | b\n--|--',
    '    indented code?',
    'trailing two spaces  \nnext line\\',
    '#tag ==mark== $x$ ^block %%comment%% ~strike~',
  ];
  for (const text of awkward) {
    it(`keeps ${JSON.stringify(text)} as text`, () => {
      const quote = markdownBlockQuote(text);
      for (const line of quote.split('\n')) expect(line === '>' || line.startsWith('> ')).toBe(true);
      const html = commonmark.render(quote);
      expect(html.startsWith('<blockquote>')).toBe(true);
      // One blockquote, holding only paragraphs: no lists, headings, code, rules or HTML.
      expect(html.match(/<(?!\/?(?:blockquote|p)>)[^>]+>/gu) ?? []).toEqual([]);
      expect(seen(html)).toBe(text.replace(/\s+/gu, ' ').trim());
    });
  }

  it('escapes Obsidian syntax that CommonMark does not know', () => {
    expect(escapeMarkdownLine('#tag ==mark== $5 ^id %%c%% 50%')).toBe('\\#tag \\=\\=mark\\=\\= \\$5 \\^id \\%\\%c\\%\\% 50%');
  });

  it('prefixes every line, blank ones included, so a multi-line passage stays one quote', () => {
    expect(markdownBlockQuote('First.\n\nSecond.\r\nThird.')).toBe('> First.\n>\n> Second.\n> Third.');
  });
});

describe('YAML values', () => {
  it('double-quotes strings and escapes what YAML would read differently', () => {
    expect(yamlString('Night: "return" #1')).toBe('"Night: \\"return\\" #1"');
    expect(yamlString('back\\slash\nnew\ttab')).toBe('"back\\\\slash\\nnew\\ttab"');
    expect(yamlString('bell\u0007 del\u007f sep\u2028')).toBe('"bell\\x07 del\\x7F sep\\u2028"');
    expect(yamlString('yes')).toBe('"yes"');
    expect(yamlString('emoji 🚆 𝒳 stays')).toBe('"emoji 🚆 𝒳 stays"');
    expect(yamlString('lone \ud800 half')).toBe('"lone \\uFFFD half"');
  });

  it('leaves ISO instants bare so Obsidian sees dates, and quotes anything else', () => {
    expect(yamlDate('2026-11-25T10:00:00.000Z')).toBe('2026-11-25T10:00:00.000Z');
    expect(yamlDate('2026-11-25T10:00:00+02:00')).toBe('2026-11-25T10:00:00+02:00');
    expect(yamlDate('tomorrow: maybe')).toBe('"tomorrow: maybe"');
  });
});

describe('Obsidian Markdown', () => {
  const markdown = articleMarkdown(nightTrains, { exportedAt: EXPORTED_AT });

  it('opens with front matter holding the article properties', () => {
    const frontMatter = markdown.slice(0, markdown.indexOf('\n---\n') + 5);
    for (const key of ['title', 'author', 'source', 'site', 'saved', 'exported', 'tags', 'margin-id']) {
      expect(frontMatter).toMatch(new RegExp(`^${key}:`, 'mu'));
    }
    expect(frontMatter).toContain(`margin-id: "${nightTrains.meta.id}"`);
  });

  it('lists the article’s own tags in the front matter’s tags, the YAML list Obsidian reads', () => {
    const tagged = { ...nightTrains, meta: { ...nightTrains.meta, tags: ['travel', 'rail/night-trains'] } };
    const text = articleMarkdown(tagged, { exportedAt: EXPORTED_AT });
    const frontMatter = text.slice(0, text.indexOf('\n---\n') + 5);
    const tags = /^tags:\n((?: {2}- .+\n)+)/mu.exec(frontMatter)?.[1]?.trimEnd().split('\n').map((line) => JSON.parse(line.slice('  - '.length)) as string);
    expect(tags).toEqual(expect.arrayContaining(['travel', 'rail/night-trains', 'timetable', 'unicode']));
    // The combined file lists them too, under the article's heading.
    const combined = combinedMarkdown([tagged], { exportedAt: EXPORTED_AT });
    expect(combined).toContain('  - "rail/night-trains"');
    expect(combined).toContain('- Tags: #travel #rail/night-trains');
  });

  it('shows a photo inside a highlight as the image, then its caption and credit as an italic line', () => {
    expect(markdown).toContain(
      [
        '> the "express" left late.',
        '>',
        `> ![A sleeper car at dawn](attachments/${ASSET_SRC.slice('margin://asset/'.length)})`,
        '> *A sleeper car at dawn. (Photo: K. Lind)*',
        '>',
        '> Passengers boarded',
      ].join('\n'),
    );
    // Its caption is not repeated as plain text.
    expect(markdown.match(/A sleeper car at dawn\./gu)).toHaveLength(1);
  });

  it('quotes a highlight made inside a caption or credit as the words chosen, under its photo', () => {
    const inCaption = (needle: string, id: string) => {
      const start = nightTrains.text.indexOf(needle);
      return { ...nightTrains.annotations[0]!, id, target: describeSpan(nightTrains.text, start, start + needle.length) };
    };
    const article = { ...nightTrains, annotations: [inCaption('sleeper car', '0d6f3f1e-0000-4000-8000-000000000001'), inCaption('K. Lind', '0d6f3f1e-0000-4000-8000-000000000002')] };
    const text = articleMarkdown(article, { exportedAt: EXPORTED_AT });
    const image = `> ![A sleeper car at dawn](attachments/${ASSET_SRC.slice('margin://asset/'.length)})`;
    expect(text).toContain(`${image}\n> *sleeper car*\n`);
    expect(text).toContain(`${image}\n> *K. Lind*\n`);
    expect(text).not.toContain('(Photo: K. Lind)');
  });

  it('puts the article note before the highlights', () => {
    expect(markdown.indexOf('Read on the **train**.')).toBeLessThan(markdown.indexOf('## Highlights'));
  });

  it('writes quote, source link, #tags, note and block id in that order for each highlight', () => {
    const [first] = nightTrains.annotations;
    if (first === undefined) throw new Error('fixture');
    const at = (text: string) => markdown.indexOf(text);
    const quote = at('> He said, "take the 10:15');
    const link = at('[↗ Source](https://example.org/');
    const tags = at('#timetable #quotes');
    const note = at('Commas, "quotes", and a colon: all in one.');
    const id = at(`^${first.id}`);
    expect([quote, link, tags, note, id].every((n) => n > 0)).toBe(true);
    expect(quote < link && link < tags && tags < note && note < id).toBe(true);
    expect(markdown).toMatch(new RegExp(`\\n\\n\\^${first.id}\\n\\n`, 'u'));
  });

  it('gives every highlight a block id and leaves out the link when there is no web source', () => {
    for (const annotation of nightTrains.annotations) expect(markdown).toContain(`\n^${annotation.id}\n`);
    const local = library[2];
    if (local === undefined) throw new Error('fixture');
    expect(articleMarkdown(local, { exportedAt: EXPORTED_AT })).not.toContain('[↗ Source]');
  });

  it('keeps a note line that looks like Margin’s end marker from closing the region', () => {
    expect(markdown.match(/^<!-- margin:end/gmu)).toHaveLength(1);
    expect(markdown).toContain('\\<!-- margin:end --> is not the end of this note');
  });

  it('names one file per article after its title, and tells apart two articles of the same title', () => {
    const twin = { ...nightTrains, meta: { ...nightTrains.meta, id: 'c0ffee00-0000-4000-8000-000000000000' } };
    const names = markdownFiles([nightTrains, twin], { exportedAt: EXPORTED_AT }).map((file) => file.name);
    expect(names).toEqual(['night-trains-return-1-more.md', 'night-trains-return-1-more-c0ffee00.md']);
  });

  it('writes one combined file with every article under its own heading', () => {
    const combined = combinedMarkdown(library, { exportedAt: EXPORTED_AT });
    for (const article of library) expect(combined).toContain(`- Margin id: ${article.meta.id}`);
    expect(combined.match(/^# /gmu)).toHaveLength(library.length);
    expect(combined.match(/^<!-- margin:begin/gmu)).toHaveLength(1);
  });
});
