import { describe, expect, it } from 'vitest';
import { MergeConflictError, marginIdOf, mergeMarkdown } from '../../electron/core/export/markdown-merge';
import { articleMarkdown } from '../../electron/core/export/obsidian-markdown';
import { REGION_BEGIN, REGION_END } from '../../electron/core/export/margin-region';
import { EXPORTED_AT, fixedLibrary } from '../fixtures/export/fixed-library';

const [article] = fixedLibrary();
if (article === undefined) throw new Error('fixture');
const first = articleMarkdown(article, { exportedAt: '2026-11-30T08:00:00.000Z' });
const later = articleMarkdown(
  { ...article, annotations: article.annotations.slice(0, 2), articleNote: 'Changed my mind.' },
  { exportedAt: EXPORTED_AT },
);

/** The first export after a person's edits in Obsidian: text above, between and below, extra properties. */
function edited(exported: string): string {
  const close = exported.indexOf('\n---\n');
  const frontMatter = exported.slice(0, close);
  const body = exported.slice(close + 5);
  return [
    frontMatter,
    'aliases:',
    '  - "Night trains"',
    'cssclasses: [wide]',
    '---',
    'My summary, written above Margin’s part.',
    '',
    body.trimEnd(),
    '',
    '## My own thoughts',
    '',
    'Written below. Mentions [[Other note]] and ^my-block.',
    '',
  ].join('\n');
}

describe('re-export merge', () => {
  it('replaces what lies between the markers and keeps everything written outside them', () => {
    const merged = mergeMarkdown(edited(first), later);
    expect(merged).toContain('My summary, written above Margin’s part.\n\n' + REGION_BEGIN);
    expect(merged).toContain(`${REGION_END}\n\n## My own thoughts\n\nWritten below. Mentions [[Other note]] and ^my-block.\n`);
    expect(merged).toContain('Changed my mind.');
    expect(merged).not.toContain('Read on the **train**.');
    const region = merged.slice(merged.indexOf(REGION_BEGIN), merged.indexOf(REGION_END) + REGION_END.length);
    expect(region).toBe(later.slice(later.indexOf(REGION_BEGIN), later.indexOf(REGION_END) + REGION_END.length));
  });

  it('rewrites Margin’s properties and keeps the person’s own', () => {
    const merged = mergeMarkdown(edited(first), later);
    const frontMatter = merged.slice(0, merged.indexOf('\n---\n'));
    expect(frontMatter).toContain('exported: 2026-12-01T09:30:00.000Z');
    expect(frontMatter).not.toContain('2026-11-30T08:00:00.000Z');
    expect(frontMatter).toContain('aliases:\n  - "Night trains"\ncssclasses: [wide]');
    expect(frontMatter.match(/^exported:/gmu)).toHaveLength(1);
  });

  it('is idempotent and gives a fresh export back unchanged', () => {
    const once = mergeMarkdown(edited(first), later);
    expect(mergeMarkdown(once, later)).toBe(once);
    expect(mergeMarkdown(first, later)).toBe(later);
  });

  it('keeps Windows line ends and a byte order mark when the file has them', () => {
    const windows = `\ufeff${edited(first).replace(/\n/gu, '\r\n')}`;
    const merged = mergeMarkdown(windows, later);
    expect(merged.startsWith('\ufeff---\r\n')).toBe(true);
    expect(merged.replace(/\r\n/gu, '')).not.toContain('\n');
    expect(merged).toContain('Written below.');
  });

  it('adds Margin’s part at the end of a file that has no markers, replacing nothing', () => {
    const mine = '# Reading log\n\nNothing from Margin here yet.\n';
    const merged = mergeMarkdown(mine, later);
    expect(merged.startsWith('---\ntitle:')).toBe(true);
    expect(merged).toContain('# Reading log\n\nNothing from Margin here yet.\n\n' + REGION_BEGIN);
    expect(merged.endsWith(`${REGION_END}\n`)).toBe(true);
  });

  it('refuses to guess when the markers are damaged', () => {
    const doubled = edited(first).replace(REGION_END, `${REGION_END}\n${REGION_END}`);
    expect(() => mergeMarkdown(doubled, later)).toThrow(MergeConflictError);
    const reversed = `${REGION_END}\n${REGION_BEGIN}\n`;
    expect(() => mergeMarkdown(reversed, later)).toThrow(MergeConflictError);
  });

  it('reads the article id back from an exported file, edited or not', () => {
    expect(marginIdOf(first)).toBe(article.meta.id);
    expect(marginIdOf(edited(first).replace(/\n/gu, '\r\n'))).toBe(article.meta.id);
    expect(marginIdOf('# no front matter')).toBeNull();
  });
});
