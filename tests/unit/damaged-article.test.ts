// An article whose stored text (article.html) is gone or damaged: one sentence naming it wherever
// it is read, and an export of the whole library writes every other article and names the one it
// skipped.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { importPlainText } from '../../electron/core/import/import-file';
import { articleHtmlFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const gone = (title: string, id: string) =>
  `The text of “${title}” is missing from the library (articles/${id}/article.html is gone), so Margin cannot show it; its highlights and notes are kept, and importing it again restores it.`;

/** Three articles with a highlight each; the second's text is then lost. */
async function libraryWithALostText() {
  const dataDir = await tempDir();
  const library = await Library.open(dataDir);
  const metas = [];
  for (const title of ['Herons', 'Frogs', 'Reeds']) {
    const meta = await library.addArticle(importPlainText(`${title}\n\n${title} live by the pond, and the pond changes with the seasons.`, `${title}.txt`));
    const { text } = await library.content(meta.id);
    const at = text.indexOf('pond');
    await library.addAnnotation(meta.id, { color: 'yellow', note: `on ${title}`, target: { quote: { type: 'TextQuoteSelector', exact: 'pond', prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + 4, at + 36) }, position: { type: 'TextPositionSelector', start: at, end: at + 4 } } });
    metas.push(meta);
  }
  const [herons, frogs, reeds] = metas;
  if (herons === undefined || frogs === undefined || reeds === undefined) throw new Error('not imported');
  await rm(articleHtmlFile(dataDir, frogs.id));
  return { dataDir, herons, frogs, reeds };
}

describe('an article whose text is missing', () => {
  it('margin show names it in one sentence, exit 1', async () => {
    const { dataDir, frogs } = await libraryWithALostText();
    expect(await margin(dataDir, 'show', frogs.id, '--json')).toEqual({ code: 1, out: '', err: `${gone('Frogs', frogs.id)}\n` });
  });

  it('an empty or non-UTF-8 text is named as damaged', async () => {
    const { dataDir, herons, reeds } = await libraryWithALostText();
    await writeFile(articleHtmlFile(dataDir, herons.id), '');
    await writeFile(articleHtmlFile(dataDir, reeds.id), Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x3c]));
    expect((await margin(dataDir, 'show', herons.id)).err).toBe(
      `The text of “Herons” is damaged (articles/${herons.id}/article.html is empty), so Margin cannot show it; its highlights and notes are kept, and importing it again restores it.\n`,
    );
    expect((await margin(dataDir, 'show', reeds.id)).err).toBe(
      `The text of “Reeds” is damaged (articles/${reeds.id}/article.html is not UTF-8 text), so Margin cannot show it; its highlights and notes are kept, and importing it again restores it.\n`,
    );
  });

  it('the list still shows it, with its highlight', async () => {
    const { dataDir, frogs } = await libraryWithALostText();
    const rows = JSON.parse((await margin(dataDir, 'list', '--json')).out) as { id: string; highlights: number }[];
    expect(rows.find((row) => row.id === frogs.id)?.highlights).toBe(1);
  });

  for (const format of ['markdown', 'csv', 'jsonld', 'html', 'json'] as const) {
    it(`an export of the whole library (${format}) writes the other articles, names the one skipped, exit 0`, async () => {
      const { dataDir, frogs } = await libraryWithALostText();
      const out = join(await tempDir(), 'export');
      await mkdir(out);
      const result = await margin(dataDir, 'export', '--format', format, '--out', out);
      expect(result.code).toBe(0);
      expect(result.err.split('\n').filter((line) => line !== '' && !line.startsWith('Wrote '))).toEqual([
        gone('Frogs', frogs.id),
        'Skipped 1 of 3 articles (named above); the other 2 were exported.',
      ]);
      const written = (await Promise.all((await readdir(out)).map((name) => readFile(join(out, name), 'utf8')))).join('\n');
      expect(written).toContain('Herons');
      expect(written).toContain('Reeds');
      expect(written).not.toContain('on Frogs');
    });
  }

  it('an export to stdout writes the others too, with the summary on stderr', async () => {
    const { dataDir, frogs } = await libraryWithALostText();
    const result = await margin(dataDir, 'export', '--format', 'csv');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Herons');
    expect(result.out).not.toContain('on Frogs');
    expect(result.err).toBe(`${gone('Frogs', frogs.id)}\nSkipped 1 of 3 articles (named above); the other 2 were exported.\n`);
  });

  it('an export of only that article writes nothing and fails in its sentence, exit 1', async () => {
    const { dataDir, frogs } = await libraryWithALostText();
    const out = join(await tempDir(), 'frogs.md');
    expect(await margin(dataDir, 'export', frogs.id, '--format', 'markdown', '--out', out)).toEqual({ code: 1, out: '', err: `${gone('Frogs', frogs.id)}\n` });
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('opening it in the app answers with the sentence, and the app’s export names it', async () => {
    const { dataDir, frogs } = await libraryWithALostText();
    const library = await Library.open(dataDir);
    const folder = await tempDir();
    const platform: Platform = {
      chooseSavePath: () => Promise.resolve(join(folder, 'notes.md')),
      chooseFolder: () => Promise.resolve(folder),
      chooseImportFiles: () => Promise.resolve([]),
      chooseOpenFile: () => Promise.resolve(null),
    };
    const handlers = createHandlers(library, platform);
    expect(await handlers['article:open']({ id: frogs.id })).toEqual({ ok: false, error: gone('Frogs', frogs.id) });
    const preview = await handlers['export:preview']({ format: 'markdown', articleIds: null });
    expect(preview).toMatchObject({ ok: true, value: { files: 1, skipped: [gone('Frogs', frogs.id)] } });
    const saved = await handlers['export:save']({ format: 'markdown', articleIds: null });
    expect(saved).toMatchObject({ ok: true, value: { paths: [join(folder, 'notes.md')], skipped: [gone('Frogs', frogs.id)] } });
  });
});
