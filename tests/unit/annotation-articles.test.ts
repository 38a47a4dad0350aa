// Which article an imported annotation file's highlights land on, in the odd cases a real
// library brings: copies sharing an address, a copy in the trash, another tool's file with only
// quotes, typed straight quotes for curly ones, whitespace that differs between importers.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring';
import { planExport, writeExport } from '../../electron/core/export/export-service';
import { textFingerprint } from '../../electron/core/export/text-fingerprint';
import { importAnnotationFile } from '../../electron/core/import-annotations';
import { importPlainText } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { tempDir } from './support/temp-dir';

const FERRY = 'Ferry news\n\nThe ferry to the island leaves at nine every morning in summer.\n\nIt returns at six, weather allowing.';
const LIGHTHOUSE = 'Lighthouse news\n\nThe old lighthouse will be repainted in white and red stripes.\n\nThe keeper’s cottage opens to visitors in May.';

async function add(library: Library, text: string, sourceUrl: string | null = null) {
  const imported = importPlainText(text, null);
  return library.addArticle({ ...imported, meta: { ...imported.meta, sourceUrl } });
}

async function highlight(library: Library, id: string, phrase: string) {
  const { text } = await library.content(id);
  const at = text.indexOf(phrase);
  return library.addAnnotation(id, { color: 'green', note: '', tags: [], target: describeSpan(text, at, at + phrase.length) });
}

async function exportedFile(library: Library): Promise<string> {
  const file = join(await tempDir(), 'notes.jsonld');
  await writeExport(await planExport(library, 'jsonld', null), file);
  return file;
}

describe('finding an annotation’s article in another library', () => {
  it('two copies at the same address: the one whose text the file was made from gets the highlight', async () => {
    const source = await Library.open(await tempDir());
    const original = await add(source, FERRY, 'https://example.org/ferry');
    await highlight(source, original.id, 'leaves at nine');
    const file = await exportedFile(source);

    const other = await Library.open(await tempDir());
    const changed = await add(other, FERRY.replace('weather allowing', 'unless the sea is rough'), 'https://example.org/ferry');
    const same = await add(other, FERRY, 'https://example.org/ferry');
    expect(await importAnnotationFile(other, file)).toMatchObject({ attached: 1, ambiguous: 0, problems: [] });
    expect(await other.annotations(same.id)).toHaveLength(1);
    expect(await other.annotations(changed.id)).toHaveLength(0);
  });

  it('a copy in the trash does not make the match ambiguous: the one being read gets the highlights', async () => {
    const source = await Library.open(await tempDir());
    const original = await add(source, LIGHTHOUSE);
    await highlight(source, original.id, 'white and red stripes');
    const file = await exportedFile(source);

    const other = await Library.open(await tempDir());
    const thrown = await add(other, LIGHTHOUSE);
    await other.updateArticle(thrown.id, { state: 'trash' });
    const kept = await add(other, LIGHTHOUSE);
    expect(await importAnnotationFile(other, file)).toMatchObject({ attached: 1, ambiguous: 0 });
    expect(await other.annotations(kept.id)).toHaveLength(1);
  });

  it('another tool’s file with only quotes, typed with straight apostrophes, finds the one article holding them', async () => {
    const other = await Library.open(await tempDir());
    await add(other, FERRY);
    const lighthouse = await add(other, LIGHTHOUSE);
    const file = join(await tempDir(), 'hypothesis.json');
    await writeFile(
      file,
      JSON.stringify([
        { type: 'Annotation', target: { source: 'https://elsewhere.example/page', selector: { type: 'TextQuoteSelector', exact: "The keeper's cottage" } } },
        { type: 'Annotation', target: { source: 'https://elsewhere.example/page', selector: { type: 'TextQuoteSelector', exact: 'white and red stripes' } } },
      ]),
    );
    expect(await importAnnotationFile(other, file)).toMatchObject({ attached: 2, ambiguous: 0, problems: [] });
    expect((await other.annotations(lighthouse.id)).map((a) => a.target.quote.exact).sort()).toEqual(['The keeper’s cottage', 'white and red stripes']);
  });

  it('a quote two different articles hold is reported, not guessed', async () => {
    const other = await Library.open(await tempDir());
    const a = await add(other, FERRY);
    const b = await add(other, 'Ferry timetable\n\nThe ferry to the island leaves at nine every morning in summer, and at ten in winter.');
    const file = join(await tempDir(), 'quotes.json');
    await writeFile(file, JSON.stringify({ type: 'Annotation', target: { source: 'https://elsewhere.example/p', selector: { type: 'TextQuoteSelector', exact: 'leaves at nine' } } }));
    const report = await importAnnotationFile(other, file);
    expect(report).toMatchObject({ attached: 0, ambiguous: 1 });
    expect(report.problems).toEqual([
      `1 annotation fits more than one article: “leaves at nine” fits “Ferry news” (${a.id}) and “Ferry timetable” (${b.id}); none of them was attached.`,
    ]);
  });

  it('the fingerprint ignores how whitespace and Unicode composition differ, and nothing else', () => {
    expect(textFingerprint('Café  au\n\nlait ')).toBe(textFingerprint('Cafe\u0301 au lait'));
    expect(textFingerprint('Café au lait')).not.toBe(textFingerprint('Cafe au lait'));
    expect(textFingerprint('')).toMatch(/^[0-9a-f]{64}$/u);
  });
});
