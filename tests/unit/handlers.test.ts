import { lstat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { describeSpan } from '../../electron/shared/anchoring';
import { API_METHODS } from '../../electron/shared/channels';
import type { Annotation, ArticleSummary, ArticleView } from '../../electron/shared/model';
import type { Result } from '../../electron/shared/result';
import { libraryWithSample } from './support/library';
import { namedPipe, nullDevice } from './support/special-files';
import { tempDir } from './support/temp-dir';

function platform(savePath: string | null, importPaths: string[] = []): Platform {
  return { chooseSavePath: async () => savePath, chooseImportFiles: async () => importPaths, chooseFolder: async () => null, chooseOpenFile: async () => null };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value as T;
}

describe('handler table', () => {
  it('has one handler per channel the preload calls', async () => {
    const { library } = await libraryWithSample();
    expect(Object.keys(createHandlers(library, platform(null))).sort()).toEqual(Object.values(API_METHODS).sort());
  });

  it('lists, opens, highlights, edits, deletes', async () => {
    const { library, sample } = await libraryWithSample();
    const handlers = createHandlers(library, platform(null));
    const [row] = value<ArticleSummary[]>(await handlers['library:list']({}));
    expect(row).toMatchObject({ id: sample.id, highlightCount: 0 });
    const view = value<ArticleView>(await handlers['article:open']({ id: sample.id }));
    expect(view.html).toContain('<figcaption>');
    const { text } = await library.content(sample.id);
    const at = text.indexOf('sky shield');
    const created = value<Annotation>(
      await handlers['annotation:create']({ articleId: sample.id, color: 'yellow', target: describeSpan(text, at, at + 10) }),
    );
    expect(created.note).toBe('');
    const updated = value<Annotation>(await handlers['annotation:update']({ articleId: sample.id, id: created.id, note: 'Europe-wide' }));
    expect(updated.note).toBe('Europe-wide');
    expect(value(await handlers['annotation:delete']({ articleId: sample.id, id: created.id }))).toEqual({ id: created.id });
  });

  it('keeps the id the renderer chose for a new highlight, and refuses that id a second time', async () => {
    const { library, sample } = await libraryWithSample();
    const handlers = createHandlers(library, platform(null));
    const { text } = await library.content(sample.id);
    const at = text.indexOf('sky shield');
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const input = { id, articleId: sample.id, color: 'green', target: describeSpan(text, at, at + 10) };
    expect(value<Annotation>(await handlers['annotation:create'](input)).id).toBe(id);
    expect(await handlers['annotation:create'](input)).toEqual({ ok: false, error: 'This highlight is already saved.' });
    expect((await library.annotations(sample.id)).map((a) => a.id)).toEqual([id]);
    expect(await handlers['annotation:create']({ ...input, id: 'not-a-uuid' })).toEqual({ ok: false, error: 'Margin refused a malformed request (annotation:create).' });
  });

  it('refuses malformed input with a Result, never a throw', async () => {
    const { library, sample } = await libraryWithSample();
    const handlers = createHandlers(library, platform(null));
    const bad: [keyof typeof handlers, unknown][] = [
      ['article:open', { id: '../../etc/passwd' }],
      ['article:open', null],
      ['library:list', { extra: true }],
      ['annotation:create', { articleId: sample.id, color: 'red', target: {} }],
      ['annotation:update', { articleId: sample.id, id: sample.id, note: 'x'.repeat(100_001) }],
      ['export:save', { format: 'pdf', articleIds: null }],
    ];
    for (const [channel, input] of bad) {
      expect(await handlers[channel](input)).toEqual({ ok: false, error: `Margin refused a malformed request (${channel}).` });
    }
    expect(await handlers['article:open']({ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })).toEqual({
      ok: false,
      error: 'There is no article with the id 7c9e6679-7425-40de-944b-e07fc1f90ae7 in this library.',
    });
  });

  it('exports Markdown to the path the person chose, and nothing when they cancel', async () => {
    const { library, sample } = await libraryWithSample();
    const out = join(await tempDir(), 'notes.md');
    const written = value<{ paths: string[] }>(await createHandlers(library, platform(out))['export:save']({ format: 'markdown', articleIds: [sample.id] }));
    expect(written.paths).toEqual([out]);
    expect(await readFile(out, 'utf8')).toContain(`# ${sample.title}`);
    expect(value(await createHandlers(library, platform(null))['export:save']({ format: 'csv', articleIds: null }))).toEqual({ paths: null });
  });

  it('hands the renderer the files chosen, and imports one at a time, each failure one sentence', async () => {
    const { library } = await libraryWithSample();
    const dir = await tempDir();
    await writeFile(join(dir, 'good.txt'), 'A headline\n\nA paragraph.');
    await writeFile(join(dir, 'empty.txt'), '');
    const handlers = createHandlers(library, platform(null, [join(dir, 'good.txt'), join(dir, 'empty.txt')]));
    expect(value(await handlers['dialog:choose-import-files']({}))).toEqual({ paths: [join(dir, 'good.txt'), join(dir, 'empty.txt')] });
    const imported = value<{ status: string; article: { title: string } }>(await handlers['article:import']({ source: join(dir, 'good.txt') }));
    expect(imported).toMatchObject({ status: 'imported', article: { title: 'A headline' } });
    expect(await handlers['article:import']({ source: join(dir, 'empty.txt') })).toEqual({ ok: false, error: 'empty.txt is empty.' });
    expect(library.articles()).toHaveLength(2);
  });

  it('imports only a file the person chose: a path the page invents is refused in one sentence and never read', async () => {
    const { library } = await libraryWithSample();
    const dir = await tempDir();
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'My bank details\n\nAccount number and the rest.');
    const handlers = createHandlers(library, platform(null));
    const refusal = { ok: false, error: 'Margin imports a file only when you choose it: open it from the Import button, drop it on the window, or name it when you start Margin.' };
    expect(await handlers['article:import']({ source: secret })).toEqual(refusal);
    expect(await handlers['article:import']({ source: '/etc/passwd' })).toEqual(refusal);
    expect(library.articles()).toHaveLength(1);
  });

  it('asks before importing the same file twice, and adds a copy when told to', async () => {
    const { library } = await libraryWithSample();
    const path = join(await tempDir(), 'note.txt');
    await writeFile(path, 'Same note\n\nBody text.');
    const handlers = createHandlers(library, platform(null, [path]));
    value(await handlers['dialog:choose-import-files']({}));
    const first = value<{ article: { id: string } }>(await handlers['article:import']({ source: path }));
    expect(value(await handlers['article:import']({ source: path }))).toEqual({ status: 'exists', existing: { id: first.article.id, title: 'Same note' } });
    expect(library.articles()).toHaveLength(2);
    expect(value(await handlers['article:import']({ source: path, ifExists: 'new' }))).toMatchObject({ status: 'imported' });
    expect(library.articles()).toHaveLength(3);
  });

  it('export:save and library:backup refuse a device, a named pipe, or a file in the library folder, in one sentence, touching none of them', async () => {
    const { library, dataDir, sample } = await libraryWithSample();
    const folder = await tempDir();
    const device = await nullDevice(folder);
    const pipe = await namedPipe(folder, 'notes.md');
    const libraryJson = await readFile(join(dataDir, 'library.json'), 'utf8');
    const refusals: [string, string][] = [
      [device, 'it is a device, not a file'],
      [pipe, 'it is a named pipe, not a file'],
      [join(dataDir, 'library.json'), 'Margin will not write an export inside its own library folder; choose another place.'],
    ];
    for (const [path, words] of refusals) {
      const exported = await createHandlers(library, platform(path))['export:save']({ format: 'markdown', articleIds: [sample.id] });
      expect(exported.ok).toBe(false);
      if (!exported.ok) {
        expect(exported.error).toMatch(/^[^\n]+\.$/u);
        expect(exported.error).toContain(words);
      }
    }
    const backup = await createHandlers(library, platform(device))['library:backup']({});
    expect(backup).toMatchObject({ ok: false });
    expect(!backup.ok && backup.error).toContain('it is a device, not a file');
    expect((await lstat(device)).isCharacterDevice()).toBe(true);
    expect((await lstat(pipe)).isFIFO()).toBe(true);
    expect(await readFile(join(dataDir, 'library.json'), 'utf8')).toBe(libraryJson);
  });
});
