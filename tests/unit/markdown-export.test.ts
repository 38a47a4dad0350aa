import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../electron/core/export/export-file-name';
import { articleNotesMarkdown, notesMarkdown } from '../../electron/core/export/markdown';
import { describeSpan } from '../../electron/shared/anchoring/describe';
import type { Annotation, ArticleMeta } from '../../electron/shared/model';

const meta: ArticleMeta = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  title: 'Night trains return',
  byline: 'A. Writer',
  siteName: null,
  sourceUrl: 'https://example.org/night-trains',
  sourceFile: null,
  sourcePath: null,
  publishedAt: null,
  language: null,
  direction: null,
  format: 'text',
  wordCount: 10,
  importedAt: '2026-11-25T10:00:00.000Z',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
};

function annotation(text: string, note: string): Annotation {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    articleId: meta.id,
    color: 'yellow',
    note,
    tags: [],
    target: describeSpan(text, 0, text.length),
    createdAt: meta.createdAt,
    updatedAt: meta.createdAt,
  };
}

describe('Markdown export', () => {
  it('writes a heading with the source, each highlight as a block quote with its note below', () => {
    const markdown = articleNotesMarkdown({ meta, annotations: [annotation('The sleeper leaves at ten.\nIt arrives at dawn.', 'Book it.')] });
    expect(markdown).toBe(
      [
        '# Night trains return',
        '',
        'By A. Writer  ',
        'Source: https://example.org/night-trains',
        '',
        '> The sleeper leaves at ten.',
        '> It arrives at dawn.',
        '',
        'Book it.',
        '',
      ].join('\n'),
    );
  });

  it('keeps a blank line inside a quote inside the quote', () => {
    const markdown = articleNotesMarkdown({ meta, annotations: [annotation('First.\n\nSecond.', '')] });
    expect(markdown).toContain('> First.\n>\n> Second.\n');
  });

  it('says so when an article has no highlights, and when the library is empty', () => {
    expect(articleNotesMarkdown({ meta, annotations: [] })).toContain('_No highlights yet._');
    expect(notesMarkdown([])).toBe('_No articles in this library._\n');
  });

  it('names files after the title, safely', () => {
    expect(exportFileName('Russia says: “2 miles”/northeast Ukraine?', 'md')).toBe('russia-says-2-miles-northeast-ukraine.md');
    expect(exportFileName('Café crème', 'md')).toBe('cafe-creme.md');
    expect(exportFileName('***', 'md')).toBe('margin-notes.md');
  });
});
