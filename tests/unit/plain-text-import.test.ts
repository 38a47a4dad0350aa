// Golden fixtures, one folder per case: source.txt in, expected.html and expected.json out.
// UPDATE_GOLDEN=1 rewrites the expected files (read the diff before committing it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../electron/core/import/import-file';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { fixturesDir } from './support/paths';

const casesDir = join(fixturesDir, 'import');
const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, 'source.txt')));

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('plain-text import (golden)', () => {
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(casesDir, name);
      const article = importPlainText(readFileSync(join(dir, 'source.txt'), 'utf8'), 'source.txt');
      const content = readArticleContent(article.html);
      const summary = { title: article.meta.title, wordCount: content.wordCount, figures: content.figures };
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(join(dir, 'expected.html'), `${article.html}\n`);
        writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(summary, null, 2)}\n`);
      }
      expect(article.html).toBe(readFileSync(join(dir, 'expected.html'), 'utf8').trimEnd());
      expect(summary).toEqual(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
      // What a reader notices: each caption shows once, never doubled as alt text and caption.
      for (const figure of content.figures) expect(occurrences(content.text, figure.caption)).toBe(1);
    });
  }
});

describe('the sample article', () => {
  it('yields its headline and five photo figures, each with its credit', () => {
    const article = importPlainText(readFileSync(join(casesDir, 'sample', 'source.txt'), 'utf8'), 'ukraine-advance.txt');
    const { figures } = readArticleContent(article.html);
    expect(article.meta.title).toBe('Russia says it has advanced nearly 2 miles in northeast Ukraine');
    expect(figures.map((f) => f.credit)).toEqual([
      'REUTERS',
      'via REUTERS',
      'via REUTERS',
      'Ukrainian Presidential Press Off/UPI/Shutterstock',
      'AP',
    ]);
  });
});
