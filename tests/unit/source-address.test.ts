// Where an article came from is kept only as a web address (http or https) or as the file the
// person picked, and "Import again" goes back only there: a note's front matter cannot make it
// fetch another address or read another file, and a library written by an older Margin with a
// script or a path as its source address shows and exports neither.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { planExport } from '../../electron/core/export/export-service';
import { Library } from '../../electron/core/library/library';
import { articleHtmlFile, libraryFile } from '../../electron/core/library/files';
import { ChosenPaths } from '../../electron/core/security/chosen-paths';
import type { ImportOutcome, RevisionSummary } from '../../electron/shared/contract';
import type { ArticleView } from '../../electron/shared/model';
import type { Result } from '../../electron/shared/result';
import { startLoopbackWeb, type LoopbackWeb } from '../support/loopback-web';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';

const platform: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null };

/** The files named as if on the command line: the person's choice. */
function chosen(...paths: string[]): ChosenPaths {
  const list = new ChosenPaths();
  list.grant(paths);
  return list;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value as T;
}

let web: LoopbackWeb;
beforeEach(async () => {
  web = await startLoopbackWeb();
});
afterEach(async () => {
  await web.close();
});

const NOTE = (line: string) => `---
title: Night walks
url: https://notes.example/night-walks
---

# Night walks

${line}
`;

/** Rewrites the stored source of the library's first article, as an older Margin could have left it. */
async function storeSource(dataDir: string, source: { sourceUrl: string | null; sourcePath: string | null }): Promise<void> {
  const file = JSON.parse(await readFile(libraryFile(dataDir), 'utf8')) as { articles: Record<string, unknown>[] };
  file.articles = file.articles.map((meta) => ({ ...meta, ...source }));
  await writeFile(libraryFile(dataDir), JSON.stringify(file));
}

describe('where an article came from', () => {
  it('“Import again” on a Markdown note reads the note the person picked, not the address its front matter names', async () => {
    const dir = await tempDir();
    const note = join(dir, 'night-walks.md');
    await writeFile(note, NOTE('The first walk went along the canal, past the closed locks and the old warehouses.'));
    const handlers = createHandlers(await Library.open(await tempDir()), platform, { web: web.access, chosenPaths: chosen(note) });
    const imported = value<ImportOutcome>(await handlers['article:import']({ source: note }));
    if (imported.status !== 'imported') throw new Error('not imported');
    const view = value<ArticleView>(await handlers['article:open']({ id: imported.article.id }));
    expect(view.meta.sourceUrl).toBe('https://notes.example/night-walks');

    await writeFile(note, NOTE('The first walk went along the canal, past the closed locks and the new bakery.'));
    const revision = value<RevisionSummary>(await handlers['article:reimport']({ id: imported.article.id }));
    expect(revision.revision).toBe(2);
    const again = value<ArticleView>(await handlers['article:open']({ id: imported.article.id }));
    expect(again.html).toContain('the new bakery');
    expect(web.requests).toEqual([]);
  });

  it('a library from an older Margin whose source address is a script: the reader gets no address, and no export writes it', async () => {
    const dataDir = await tempDir();
    const first = await Library.open(dataDir);
    const handlers = createHandlers(first, platform, { chosenPaths: chosen(samplePath) });
    value<ImportOutcome>(await handlers['article:import']({ source: samplePath }));
    await storeSource(dataDir, { sourceUrl: 'javascript:alert(document.domain)', sourcePath: null });

    const library = await Library.open(dataDir);
    const [meta] = library.articles();
    expect(meta?.sourceUrl).toBeNull();
    const view = value<ArticleView>(await createHandlers(library, platform)['article:open']({ id: meta?.id }));
    expect(view.meta.sourceUrl).toBeNull();
    for (const format of ['markdown', 'csv', 'jsonld', 'html', 'json'] as const) {
      const plan = await planExport(library, format, null);
      expect(plan.files.map((file) => file.content).join('\n'), format).not.toMatch(/javascript:/iu);
    }
  });

  it('a library from an older Margin whose source address is a path on disk: “Import again” says so in one sentence and reads nothing', async () => {
    const dataDir = await tempDir();
    const secret = join(await tempDir(), 'secret.txt');
    await writeFile(secret, 'A private diary entry that must never enter the library.\n\nIt has a second paragraph too.');
    const first = await Library.open(dataDir);
    const imported = value<ImportOutcome>(await createHandlers(first, platform, { chosenPaths: chosen(samplePath) })['article:import']({ source: samplePath }));
    if (imported.status !== 'imported') throw new Error('not imported');
    await storeSource(dataDir, { sourceUrl: secret, sourcePath: null });

    const handlers = createHandlers(await Library.open(dataDir), platform);
    const before = await readFile(articleHtmlFile(dataDir, imported.article.id), 'utf8');
    const result = await handlers['article:reimport']({ id: imported.article.id });
    expect(result).toEqual({ ok: false, error: `Margin does not know where “${imported.article.title}” came from, so it cannot import it again.` });
    expect(await readFile(articleHtmlFile(dataDir, imported.article.id), 'utf8')).toBe(before);
  });
});
