// Annotations follow an article into another library: the person exports their highlights as
// JSON-LD, imports the same article file into a second library (which gives it a new id), and
// runs `margin import-annotations` there.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin, marginJson as json } from './support/margin-cli';

interface Row {
  quote: string;
  note: string;
  color: string;
  tags: string[];
  status: string;
}

const rowsOf = (rows: Row[]) => rows.map(({ quote, note, color, tags, status }) => ({ quote, note, color, tags, status })).sort((a, b) => (a.quote < b.quote ? -1 : 1));

/** A first library holding the sample with two highlights, and their JSON-LD export. */
async function exportedHighlights(article = samplePath) {
  const first = await tempDir();
  const { id } = await json<{ id: string }>(first, 'import', article);
  await json(first, 'highlight', id, '--quote', 'the free city of Kupyansk', '--note', 'Front line', '--tag', 'place', '--color', 'pink');
  await json(first, 'highlight', id, '--quote', '178 Russian drones');
  const file = join(await tempDir(), 'notes.jsonld');
  expect((await margin(first, 'export', '--format', 'jsonld', '--out', file)).code).toBe(0);
  return { first, id, file, rows: rowsOf(await json<Row[]>(first, 'annotations', id)) };
}

describe('annotations follow an article to another library', () => {
  it('the same article file imported into a second library gets every highlight, note, tag and colour', async () => {
    const { file, rows } = await exportedHighlights();
    const second = await tempDir();
    const { id } = await json<{ id: string }>(second, 'import', samplePath);

    const result = await margin(second, 'import-annotations', file);
    expect(result).toMatchObject({ code: 0, out: 'Attached 2 annotations.\n', err: '' });
    expect(rowsOf(await json<Row[]>(second, 'annotations', id))).toEqual(rows);
    // Importing the same file again attaches nothing twice.
    expect(await json(second, 'import-annotations', file)).toMatchObject({ attached: 0, alreadyThere: 2 });
  });

  it('the export carries a fingerprint of the article text and stays W3C Web Annotation JSON-LD', async () => {
    const { file } = await exportedHighlights();
    const collection = JSON.parse(await readFile(file, 'utf8'));
    for (const item of collection.first.items) {
      expect(item['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(item.target['schema:sha256']).toMatch(/^[0-9a-f]{64}$/u);
    }
  });

  it('an edited copy of the article (another text, no shared id or address) still gets the highlights whose words it holds', async () => {
    const { file } = await exportedHighlights();
    const edited = join(await tempDir(), 'ukraine-advance.txt');
    const text = await readFile(samplePath, 'utf8');
    await writeFile(edited, text.replace('Russian officials claimed', 'Officials in Moscow claimed'));
    const second = await tempDir();
    const { id } = await json<{ id: string }>(second, 'import', edited);
    const report = await json<{ attached: number; problems: string[] }>(second, 'import-annotations', file);
    expect(report).toMatchObject({ attached: 2, problems: [] });
    expect((await json<Row[]>(second, 'annotations', id)).map((r) => r.quote).sort()).toEqual(['178 Russian drones', 'the free city of Kupyansk']);
  });

  it('when two articles fit, the CLI says which annotations fit more than one and attaches none of them', async () => {
    const { file } = await exportedHighlights();
    const second = await tempDir();
    const one = await json<{ id: string }>(second, 'import', samplePath);
    const copy = await json<{ id: string }>(second, 'import', samplePath, '--as-new');

    const result = await margin(second, 'import-annotations', file);
    expect(result.code).toBe(0);
    expect(result.out).toBe('Attached 0 annotations.\n');
    expect(result.err).toMatch(/^2 annotations fit more than one article: /u);
    expect(result.err).toContain('“the free city of Kupyansk”');
    expect(result.err).toContain(one.id);
    expect(result.err).toContain(copy.id);
    expect(await json<Row[]>(second, 'annotations', one.id)).toEqual([]);
    expect(await json<Row[]>(second, 'annotations', copy.id)).toEqual([]);

    // The person chooses: --article attaches them to that one.
    const chosen = await json<{ attached: number }>(second, 'import-annotations', file, '--article', copy.id);
    expect(chosen.attached).toBe(2);
    expect(await json<Row[]>(second, 'annotations', copy.id)).toHaveLength(2);
  });

  it('an article whose words are nowhere in the library is still reported as missing, in one sentence each', async () => {
    const { file } = await exportedHighlights();
    const other = join(await tempDir(), 'other.txt');
    await writeFile(other, 'Harbour news\n\nThe ferry to the island leaves at nine every morning in summer.\n');
    const second = await tempDir();
    await json(second, 'import', other);
    const report = await json<{ attached: number; problems: string[] }>(second, 'import-annotations', file);
    expect(report.attached).toBe(0);
    expect(report.problems).toHaveLength(2);
    for (const problem of report.problems) expect(problem).toMatch(/is not in this library\.$/u);
  });
});
