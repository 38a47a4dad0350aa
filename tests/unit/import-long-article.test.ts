// A saved page whose article is one <article> of thousands of paragraphs, imported as a person
// would (`margin import FILE`'s importer). How long it takes is measured in BENCHMARKS.md; here the
// work is counted instead of timed: every step jsdom takes along a child or sibling link goes
// through symbol-tree's one lookup, so counting its calls counts the tree work of the whole
// import. Work that grows with the number of paragraphs doubles when they double; work that grows
// with their square (moving each paragraph past all the others) quadruples.
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/import-file';
import { longArticlePage } from '../support/extreme-files';
import { tempDir } from './support/temp-dir';

interface SymbolTreeClass {
  prototype: { _node: (object: unknown) => unknown };
}

/** The symbol-tree jsdom itself loads (one copy in node_modules), so its prototype is jsdom's. */
const SymbolTree = createRequire(import.meta.url)('symbol-tree') as SymbolTreeClass;

async function importCounting(dir: string, paragraphs: number): Promise<{ html: string; steps: number }> {
  const file = join(dir, `article-${paragraphs}.html`);
  await writeFile(file, longArticlePage(paragraphs));
  const original = SymbolTree.prototype._node;
  let steps = 0;
  SymbolTree.prototype._node = function counted(this: unknown, object: unknown) {
    steps++;
    return original.call(this, object);
  };
  try {
    const article = await importFile(file);
    return { html: article.html, steps };
  } finally {
    SymbolTree.prototype._node = original;
  }
}

describe('a saved page whose article is one <article> of thousands of paragraphs', () => {
  it('imports every paragraph in order, and twice the paragraphs take about twice the tree work, not four times', async () => {
    const dir = await tempDir();
    // A first import loads jsdom, Readability and DOMPurify, so both counted runs start alike.
    await importCounting(dir, 10);
    const small = await importCounting(dir, 1_000);
    const large = await importCounting(dir, 2_000);

    const numbers = [...large.html.matchAll(/<p>Paragraph (\d+):/gu)].map((match) => Number(match[1]));
    expect(numbers).toEqual(Array.from({ length: 2_000 }, (_, i) => i + 1));
    expect(large.html).not.toContain('<article');

    const ratio = large.steps / small.steps;
    expect(ratio, `tree steps: ${small.steps} for 1,000 paragraphs, ${large.steps} for 2,000`).toBeLessThan(2.5);
  }, 120_000);
});
