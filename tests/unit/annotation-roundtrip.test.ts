// Export a library's annotations as W3C JSON-LD, import them into another, empty library holding
// the same articles (found by their web address): the same annotations come back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring';
import { planExport, writeExport } from '../../electron/core/export/export-service';
import { importAnnotationFile } from '../../electron/core/import-annotations';
import { importPlainText } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { tempDir } from './support/temp-dir';

const SOURCE = 'Night trains\n\nThe sleeper leaves at ten 🚆 and arrives at dawn.\n\nCabins sleep two; the café car opens at seven.';

async function libraryWithArticle() {
  const library = await Library.open(await tempDir());
  const imported = importPlainText(SOURCE, null);
  const meta = await library.addArticle({ ...imported, meta: { ...imported.meta, sourceUrl: 'https://example.org/night-trains' } });
  return { library, meta };
}

describe('W3C JSON-LD round trip', () => {
  it('gives the same annotations back in another library with the same article', async () => {
    const a = await libraryWithArticle();
    const { text } = await a.library.content(a.meta.id);
    for (const [phrase, note, tags, color] of [
      ['arrives at dawn', 'Early!', ['timing'], 'green'],
      ['the café car', '', [], 'pink'],
      ['🚆 and', 'emoji, "quotes", commas', ['odd/chars'], 'yellow'],
    ] as const) {
      const at = text.indexOf(phrase);
      await a.library.addAnnotation(a.meta.id, { color, note, tags: [...tags], target: describeSpan(text, at, at + phrase.length) });
    }
    const file = join(await tempDir(), 'notes.jsonld');
    await writeExport(await planExport(a.library, 'jsonld', null), file);

    const b = await libraryWithArticle();
    const report = await importAnnotationFile(b.library, file);
    expect(report).toEqual({ attached: 3, alreadyThere: 0, ambiguous: 0, problems: [], notes: [] });
    const strip = (list: Awaited<ReturnType<Library['annotations']>>) => list.map(({ articleId: _articleId, updatedAt: _u, ...rest }) => rest);
    expect(strip(await b.library.annotations(b.meta.id))).toEqual(strip(await a.library.annotations(a.meta.id)));
    // Importing the same file again changes nothing.
    expect(await importAnnotationFile(b.library, file)).toMatchObject({ attached: 0, alreadyThere: 3 });
  });
});
