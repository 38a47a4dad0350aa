// The library's change feed, heard the way sync and the search index will hear it: each thing a
// person does announces the records it wrote, in order, once, and only after they are on disk; a
// change the disk refused announces nothing.
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring';
import { importPlainText } from '../../electron/core/import/import-file';
import type { LibraryChange } from '../../electron/core/library/change-feed';
import { createDurableWriter } from '../../electron/core/library/durable-write';
import { Library } from '../../electron/core/library/library';
import { faultyDisk } from './support/faulty-fs';
import { tempDir } from './support/temp-dir';

const ESSAY = 'The harbour\n\nThe ferry leaves at dawn from the harbour wall.\n\nGulls follow it out past the lighthouse and back.';
const REVISED = 'The harbour\n\nIn summer the ferry leaves at dawn from the harbour wall.\n\nGulls follow it out past the old lighthouse and back.';

/** Each change as "kind id", with what the kind adds, so a whole path reads as one list. */
function said(change: LibraryChange): string {
  switch (change.kind) {
    case 'article':
      return `article ${change.id}${change.deleted ? ' deleted' : ''}`;
    case 'annotation':
      return `annotation ${change.id} of ${change.articleId}${change.deleted ? ' deleted' : ''}`;
    case 'revision':
      return `revision ${change.revision} of ${change.id}`;
    case 'article-note':
      return `article-note ${change.id}`;
    case 'settings':
      return `settings ${change.id}`;
  }
}

async function listening(library: Library) {
  const heard: LibraryChange[] = [];
  const stop = library.changes.subscribe((change) => heard.push(change));
  /** What was heard since the last call. */
  const since = () => heard.splice(0).map(said);
  return { heard, since, stop };
}

async function select(library: Library, articleId: string, phrase: string) {
  const { text } = await library.content(articleId);
  const start = text.indexOf(phrase);
  return describeSpan(text, start, start + phrase.length);
}

describe('the library’s change feed', () => {
  it('announces each step of a person’s afternoon with an article, in order, once', async () => {
    const library = await Library.open(await tempDir());
    const { heard, since } = await listening(library);

    const article = await library.addArticle(importPlainText(ESSAY, 'harbour.txt'));
    const a = article.id;
    expect(heard).toEqual([{ kind: 'article', id: a, updatedAt: article.updatedAt, deleted: false, origin: 'local' }]);
    since();

    const ferry = await library.addAnnotation(a, { color: 'yellow', note: '', target: await select(library, a, 'ferry leaves at dawn') });
    expect(heard).toEqual([{ kind: 'annotation', id: ferry.id, articleId: a, updatedAt: ferry.updatedAt, deleted: false, origin: 'local' }]);
    since();

    const recoloured = await library.updateAnnotation(a, ferry.id, { color: 'blue' });
    expect(heard.map((c) => c.updatedAt)).toEqual([recoloured.updatedAt]);
    expect(since()).toEqual([`annotation ${ferry.id} of ${a}`]);

    await library.updateAnnotation(a, ferry.id, { note: 'Every day?' });
    await library.setArticleNote(a, 'A quiet place.');
    expect(since()).toEqual([`annotation ${ferry.id} of ${a}`, `article-note ${a}`]);

    const gulls = await library.addAnnotation(a, { color: 'green', note: '', target: await select(library, a, 'Gulls follow it') });
    await library.deleteAnnotation(a, gulls.id);
    await library.restoreAnnotation(a, gulls);
    expect(since()).toEqual([`annotation ${gulls.id} of ${a}`, `annotation ${gulls.id} of ${a} deleted`, `annotation ${gulls.id} of ${a}`]);

    const archived = await library.updateArticle(a, { state: 'archived' });
    expect(heard).toEqual([{ kind: 'article', id: a, updatedAt: archived.updatedAt, deleted: false, origin: 'local' }]);
    since();
    await library.updateArticle(a, { state: 'trash' });
    await library.updateArticle(a, { state: 'archived' });
    await library.updateArticle(a, { progress: 0.5, lastReadAt: new Date().toISOString() });
    expect(since()).toEqual([`article ${a}`, `article ${a}`, `article ${a}`]);

    // The revision moves both highlights' words ("In summer", "old" come in around them but not
    // inside), so each is rewritten; the body, then the highlights, then the entry naming the revision.
    await library.addRevision(a, importPlainText(REVISED, 'harbour.txt'));
    expect(since()).toEqual([`revision 2 of ${a}`, `annotation ${ferry.id} of ${a}`, `annotation ${gulls.id} of ${a}`, `article ${a}`]);

    await library.updateArticle(a, { state: 'trash' });
    await library.deleteArticle(a);
    expect(since()).toEqual([`article ${a}`, `article ${a} deleted`]);
    expect(heard).toEqual([]);
  });

  it('announces the settings a person changes', async () => {
    const library = await Library.open(await tempDir());
    const { since } = await listening(library);
    await library.setColorLabel('yellow', 'Questions');
    await library.setColorLabel('yellow', '');
    await library.setSpellcheck(false);
    await library.markSampleAdded();
    expect(since()).toEqual(['settings colorLabels', 'settings colorLabels', 'settings spellcheck', 'settings sampleAdded']);
  });

  it('announces nothing for a change that was refused, or that the disk refused', async () => {
    const disk = faultyDisk();
    const library = await Library.open(await tempDir(), { writer: createDurableWriter(disk.fs) });
    const article = await library.addArticle(importPlainText(ESSAY, 'harbour.txt'));
    const { since } = await listening(library);

    await expect(library.addAnnotation(article.id, { color: 'yellow', note: '', target: describeSpan('words from another article', 0, 5) })).rejects.toThrow('The highlighted text is not in this article.');
    await expect(library.deleteAnnotation(article.id, 'no-such-highlight')).rejects.toThrow('That highlight no longer exists.');
    for (const at of ['write', 'sync', 'rename'] as const) {
      disk.fault = { at, code: 'ENOSPC' };
      await expect(library.addAnnotation(article.id, { color: 'yellow', note: '', target: await select(library, article.id, 'harbour wall') })).rejects.toThrow('The disk is full');
      await expect(library.updateArticle(article.id, { state: 'archived' })).rejects.toThrow('The disk is full');
      await expect(library.addRevision(article.id, importPlainText(REVISED, 'harbour.txt'))).rejects.toThrow('The disk is full');
      await expect(library.setSpellcheck(false)).rejects.toThrow('The disk is full');
    }
    expect(since()).toEqual([]);

    disk.fault = null;
    await library.setSpellcheck(false);
    expect(since()).toEqual(['settings spellcheck']);
  });

  it('announces a change only once its file is renamed into place and its folder synced', async () => {
    const disk = faultyDisk();
    const library = await Library.open(await tempDir(), { writer: createDurableWriter(disk.fs) });
    const article = await library.addArticle(importPlainText(ESSAY, 'harbour.txt'));
    const target = await select(library, article.id, 'harbour wall');
    const onDiskWhenHeard: string[][] = [];
    library.changes.subscribe(() => onDiskWhenHeard.push(disk.events.map((e) => `${e.step} ${e.name}`)));
    disk.events.length = 0;
    await library.addAnnotation(article.id, { color: 'yellow', note: '', target });
    expect(onDiskWhenHeard).toHaveLength(1);
    const steps = onDiskWhenHeard[0] ?? [];
    const renamed = steps.lastIndexOf('rename annotations.json');
    expect(renamed).toBeGreaterThanOrEqual(0);
    expect(steps.slice(renamed + 1)).toEqual([`folder-sync ${article.id}`]);
    // Nothing was written after the listener heard it.
    expect(disk.events.map((e) => `${e.step} ${e.name}`)).toEqual(steps);
  });

  it('stops telling a listener that unsubscribed, and one listener that throws stops neither the others nor the change', async () => {
    const library = await Library.open(await tempDir());
    const first = await listening(library);
    const second = await listening(library);
    first.stop();
    await library.setSpellcheck(false);
    expect(first.since()).toEqual([]);
    expect(second.since()).toEqual(['settings spellcheck']);

    const thrown = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    library.changes.subscribe(() => {
      throw new Error('a listener’s bug');
    });
    const third = await listening(library);
    await library.setSpellcheck(true);
    expect(library.settings.spellcheck).toBe(true);
    expect(third.since()).toEqual(['settings spellcheck']);
    expect(await thrown).toMatchObject({ message: 'a listener’s bug' });
  });
});
