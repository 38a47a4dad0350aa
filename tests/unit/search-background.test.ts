// The first start over a library without a search index: the index is built in the background,
// a search meanwhile answers with how far it has got, and what the person changes while it runs
// (a note written, an article trashed or deleted) is in the index it finishes and saves.
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library/library';
import { SearchIndex } from '../../electron/core/search';
import { LibrarySearch } from '../../electron/core/search/library-search';
import { writeLibrary } from '../bench/support/library-fixture';
import { highlightPhrase } from './support/highlight';
import { tempDir } from './support/temp-dir';

/** A pace the test releases: every step of the catch-up waits until `go` opens it. */
function gate() {
  let open = false;
  const waiting: Array<() => void> = [];
  return {
    pace: () => (open ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    go() {
      open = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

async function largeLibrary() {
  const dataDir = await tempDir();
  const ids = await writeLibrary(dataDir, { articles: 40, highlights: 400 }, 17);
  return { dataDir, ids, library: await Library.open(dataDir) };
}

describe('the search index built in the background', () => {
  it('answers with how far it has got while building, then with every result', async () => {
    const { library } = await largeLibrary();
    const paced = gate();
    const search = await LibrarySearch.open(library, { pace: paced.pace });
    const started = search.nextProgress();
    void search.startIndexing();
    await started;
    while ((search.indexing?.done ?? 0) < 1) await search.nextProgress();

    const soFar = await search.searchSoFar('river');
    expect(soFar.indexing).toEqual({ done: 1, total: 40 });
    expect(soFar.results.length).toBeLessThanOrEqual(1);
    // The library answers while it builds.
    expect(await library.summaries()).toHaveLength(40);

    paced.go();
    const all = await search.search('river', 100);
    expect(all).toHaveLength(40);
    expect(search.indexing).toBeNull();
    expect(await search.searchSoFar('river', 100)).toMatchObject({ indexing: null, results: all });
  });

  it('keeps the changes made while it builds in the index it finishes and saves', async () => {
    const { dataDir, ids, library } = await largeLibrary();
    const [first, trashed, deleted, late] = ids as [string, string, string, string];
    const paced = gate();
    const search = await LibrarySearch.open(library, { pace: paced.pace });
    void search.startIndexing();
    while ((search.indexing?.done ?? 0) < 1) await search.nextProgress();

    // The first article is indexed and the catch-up waits: one indexed and one still to come get a
    // note; one is trashed, one deleted.
    const early = await highlightPhrase(library, first, 'river', 'a zeppelin over the water');
    const later = await highlightPhrase(library, late, 'river', 'another zeppelin');
    await library.updateArticle(trashed, { state: 'trash', tags: ['lighthouse'] });
    await library.updateArticle(late, { tags: ['lighthouse'] });
    await library.deleteArticle(deleted);

    paced.go();
    await search.whenIndexed();
    const found = await search.search('zeppelin');
    expect(found.flatMap((r) => r.matches.filter((m) => m.kind === 'note').map((m) => m.annotationId)).sort()).toEqual([early.id, later.id].sort());
    expect((await search.search('lighthouse')).map((r) => r.articleId)).toEqual([late]);

    const saved = await SearchIndex.open(dataDir);
    expect(saved.loadState).toBe('loaded');
    expect(saved.has(deleted)).toBe(false);
    expect(saved.articleCount).toBe(39);
    expect((await saved.search('zeppelin')).map((r) => r.articleId).sort()).toEqual([first, late].sort());
  });
});
