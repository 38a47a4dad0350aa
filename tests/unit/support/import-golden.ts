// Golden import cases, one folder per case under tests/fixtures/import: source.txt or source.md
// (with whatever it points at beside it) in, expected.html and expected.json out. The JSON holds
// what the library and the reader show about the article besides its body.
// UPDATE_GOLDEN=1 rewrites the expected files (read the diff before committing it).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { importFile } from '../../../electron/core/import/import-file';
import { readArticleContent } from '../../../electron/core/sanitize/article-text';
import { updatingGoldens } from '../../support/golden';
import { fixturesDir } from './paths';
import { tempDir } from './temp-dir';

export const casesDir = join(fixturesDir, 'import');

/** The cases whose source has this extension. */
export function goldenCases(extension: 'txt' | 'md'): string[] {
  return readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, `source.${extension}`)));
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

export async function checkGoldenCase(name: string, extension: 'txt' | 'md'): Promise<void> {
  const dir = join(casesDir, name);
  const article = await importFile(join(dir, `source.${extension}`), { dataDir: await tempDir(), online: false });
  const content = readArticleContent(article.html);
  const { meta } = article;
  const summary = {
    title: meta.title,
    byline: meta.byline,
    language: meta.language,
    direction: meta.direction,
    publishedAt: meta.publishedAt,
    sourceUrl: meta.sourceUrl,
    tags: meta.tags ?? [],
    excerpt: meta.excerpt,
    wordCount: content.wordCount,
    figures: content.figures,
  };
  if (updatingGoldens()) {
    writeFileSync(join(dir, 'expected.html'), `${article.html}\n`);
    writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }
  expect(summary).toEqual(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
  expect(article.html).toBe(readFileSync(join(dir, 'expected.html'), 'utf8').trimEnd());
  // What a reader notices: each caption shows once, never doubled as alt text and caption.
  for (const figure of content.figures) if (figure.caption !== '') expect(occurrences(content.text, figure.caption)).toBe(1);
}
