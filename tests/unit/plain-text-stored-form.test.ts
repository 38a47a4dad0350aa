// A plain-text import writes its HTML without DOMPurify (plain-text-article.ts): every character
// of the text is escaped inside elements the importer chose. Whatever the text holds, what it
// stores must be exactly what DOMPurify would have stored, or the sanitizer would have had
// something to take out.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../electron/core/import/plain-text-article';
import { parsePlainText } from '../../electron/core/import/plain-text';
import { textBlocksToHtml } from '../../electron/core/import/text-blocks-html';
import { sanitizeArticleHtml } from '../../electron/core/sanitize/sanitizer';
import { fixturesDir, samplePath } from './support/paths';
import { PROPERTY_SEED, checkProperty, propertyRuns } from './support/property';

const SEED = PROPERTY_SEED;
const RUNS = propertyRuns(300);

function expectSanitizerWouldStoreTheSame(text: string, label: string): void {
  const parsed = parsePlainText(text);
  if (parsed === null) {
    expect(() => importPlainText(text, 'empty.txt'), label).toThrow('empty.txt is empty.');
    return;
  }
  expect(importPlainText(text, 'file.txt').html, label).toBe(sanitizeArticleHtml(textBlocksToHtml(parsed.blocks)));
}

async function textFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await textFiles(path)));
    else if (/\.(?:txt|md|html)$/u.test(entry.name)) found.push(path);
  }
  return found;
}

describe('a plain-text import stores what DOMPurify would have stored', () => {
  it('for the sample and every fixture file read as plain text', async () => {
    expectSanitizerWouldStoreTheSame(await readFile(samplePath, 'utf8'), samplePath);
    const files = await textFiles(fixturesDir);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expectSanitizerWouldStoreTheSame(await readFile(file, 'utf8'), file);
  });

  it('for every DOMPurify test vector pasted into a text file', () => {
    const vectors = JSON.parse(readFileSync(join(fixturesDir, 'xss', 'dompurify-vectors.json'), 'utf8')) as { payload: string }[];
    for (const [index, { payload }] of vectors.entries()) expectSanitizerWouldStoreTheSame(`Vector ${index}\n\n${payload}\n\n- a list\n- of ${payload}`, `vector ${index}`);
  });

  it(`property: for text full of markup, entities, line breaks, NULs and no-break spaces (seed ${SEED})`, () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('<', '>', '&', '"', "'", '&amp;', '&lt;', '&#0;', '\0', '\r', '\r\n', '\n\n', '\u00a0', '\u2028', '\ufeff', '<script>', '</p>', '<!--', ']]>', '- ', '1. ', '* ', 'Photo: ', '\t'),
    );
    checkProperty(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => expectSanitizerWouldStoreTheSame(pieces.join(''), JSON.stringify(pieces.join('')))),
      RUNS,
    );
  }, 120_000);
});
