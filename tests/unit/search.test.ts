import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE_NAME, SearchIndex, TEXT_DIR_NAME, type SearchAnnotation, type SearchArticle, type SearchResult } from '../../electron/core/search';
import { Library as Store } from '../../electron/core/library/library';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { LibrarySearch } from '../../electron/core/search/library-search';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import { tempDir } from './support/temp-dir';

const STAMP = '2024-05-01T10:00:00.000Z';

const KHARKIV_TEXT = [
  'Russia says it has advanced nearly 2 miles in northeast Ukraine',
  'Russian officials claimed their troops have advanced nearly two miles into northeast Ukraine in an attempt to re-conquer liberated territories.',
  'The advancement came near the Kharkiv region, which was liberated last September and was the target of waves of drones on Sunday.',
  'Hanna Maliar said the free city of Kupyansk is seeing the most intense fighting in the war.',
  'Residents of Kharkiv queued for water while the trams stood still in the cold.',
].join('\n\n');

const CAFE_TEXT = [
  'A morning in Zürich',
  'We met at the Café Odeon, where the waiters still wear long aprons and the coffee comes with a glass of water.',
  'Later the rain came in over the lake and the whole city smelled of wet stone and roasting chestnuts.',
].join('\n\n');

function meta(id: string, title: string, more: Partial<SearchArticle['meta']> = {}): SearchArticle['meta'] {
  return { id, title, byline: null, siteName: null, updatedAt: STAMP, ...more };
}

function highlightOf(articleId: string, text: string, phrase: string, note = '', tags: string[] = []): SearchAnnotation {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return {
    id: randomUUID(),
    articleId,
    note,
    tags,
    updatedAt: STAMP,
    target: { quote: { exact: phrase }, position: { start, end: start + phrase.length } },
  };
}

interface Library {
  dataDir: string;
  index: SearchIndex;
  kharkiv: SearchArticle;
  cafe: SearchArticle;
}

async function library(): Promise<Library> {
  const dataDir = await tempDir('margin-search-');
  const index = await SearchIndex.open(dataDir);
  const kharkivId = randomUUID();
  const cafeId = randomUUID();
  const kharkiv: SearchArticle = {
    meta: meta(kharkivId, 'Russia advances near Kharkiv', { byline: 'Anna Kovalenko', siteName: 'The Daily Wire Service' }),
    text: KHARKIV_TEXT,
    annotations: [
      highlightOf(kharkivId, KHARKIV_TEXT, 'the free city of Kupyansk', 'Compare with the siege of Mariupol', ['war/frontline']),
      highlightOf(kharkivId, KHARKIV_TEXT, 'trams stood still'),
    ],
  };
  const cafe: SearchArticle = { meta: meta(cafeId, 'Coffee by the lake'), text: CAFE_TEXT, annotations: [highlightOf(cafeId, CAFE_TEXT, 'roasting chestnuts', 'Smells like Kharkiv in autumn')] };
  index.upsertArticle(kharkiv);
  index.upsertArticle(cafe);
  return { dataDir, index, kharkiv, cafe };
}

function only(results: SearchResult[], articleId: string): SearchResult {
  const found = results.find((result) => result.articleId === articleId);
  if (found === undefined) throw new Error(`article ${articleId} not among the results`);
  return found;
}

const marked = (result: SearchResult): string[] => result.matches.map((match) => match.snippet.match);

describe('search index', () => {
  it('finds a word in a note and points at the highlight', async () => {
    const { index, kharkiv } = await library();
    const [result, ...others] = await index.search('mariupol');
    expect(others).toEqual([]);
    const note = kharkiv.annotations[0] as SearchAnnotation;
    expect(result?.articleId).toBe(kharkiv.meta.id);
    expect(result?.matches).toEqual([
      {
        kind: 'note',
        annotationId: note.id,
        start: note.target.position.start,
        end: note.target.position.end,
        snippet: { before: 'Compare with the siege of ', match: 'Mariupol', after: '' },
      },
    ]);
    expect(KHARKIV_TEXT.slice(result?.matches[0]?.start, result?.matches[0]?.end)).toBe('the free city of Kupyansk');
  });

  it('finds a tag, and a highlighted passage with its range', async () => {
    const { index, kharkiv } = await library();
    const [byTag] = await index.search('frontline');
    expect(byTag?.matches[0]).toMatchObject({ kind: 'note', annotationId: kharkiv.annotations[0]?.id, snippet: { match: 'frontline' } });
    const [byQuote] = await index.search('trams');
    const highlight = kharkiv.annotations[1] as SearchAnnotation;
    expect(byQuote?.matches[0]).toMatchObject({ kind: 'highlight', annotationId: highlight.id, ...highlight.target.position });
    // The same words in the article text are not shown a second time.
    expect(byQuote?.matches).toHaveLength(1);
  });

  it('matches prefixes and forgives a typo', async () => {
    const { index, kharkiv, cafe } = await library();
    for (const query of ['kharki', 'Kharkov', 'kharkib', 'KUPYANSK', 'kupjansk', 'kupyanskk']) {
      const results = await index.search(query);
      expect(results[0]?.articleId, query).toBe(kharkiv.meta.id);
    }
    expect(marked(only(await index.search('kharki'), kharkiv.meta.id))).toContain('Kharkiv');
    expect(marked(only(await index.search('chestnut'), cafe.meta.id))).toEqual(['chestnuts']);
    expect(await index.search('xylophone')).toEqual([]);
  });

  it('folds diacritics and case both ways', async () => {
    const { index, cafe } = await library();
    const plain = await index.search('cafe zurich');
    expect(plain.map((result) => result.articleId)).toEqual([cafe.meta.id]);
    // Words apart are marked apart: the snippet marks one run of adjacent matched words.
    expect(plain[0]?.matches).toEqual([expect.objectContaining({ kind: 'text', snippet: { before: 'A morning in ', match: 'Zürich', after: ' We met at the Café Odeon, where the waiters still wear long aprons and the coffee comes with a…' } })]);

    const accentedId = randomUUID();
    index.upsertArticle({ meta: meta(accentedId, 'Zurich notes'), text: 'The CAFE on the corner of Strasse and Muhlebach.', annotations: [] });
    const accented = await index.search('Café Mühlebach');
    expect(accented.map((result) => result.articleId)).toEqual([accentedId]);
    expect(marked(accented[0] as SearchResult)).toEqual(['CAFE']);
    expect((await index.search('straße')).map((result) => result.articleId)).toEqual([accentedId]);
  });

  it('groups results by article, best first, with snippets around the match', async () => {
    const { index, kharkiv, cafe } = await library();
    const results = await index.search('kharkiv');
    expect(results.map((result) => result.articleId)).toEqual([kharkiv.meta.id, cafe.meta.id]);
    const [first, second] = results as [SearchResult, SearchResult];
    expect(first.title).toBe('Russia advances near Kharkiv');
    expect(first.byline).toBe('Anna Kovalenko');
    expect(first.matchCount).toBe(3);
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.matches[0]).toEqual({ kind: 'title', start: 0, end: 0, snippet: { before: 'Russia advances near ', match: 'Kharkiv', after: '' } });
    const inText = first.matches.slice(1);
    expect(inText).toHaveLength(2);
    for (const match of inText) {
      expect(match.kind).toBe('text');
      expect(match.snippet.match).toBe('Kharkiv');
      expect(KHARKIV_TEXT.slice(match.start, match.end)).toBe('Kharkiv');
      expect(match.snippet.before.length + match.snippet.after.length).toBeGreaterThan(20);
    }
    expect(inText.map((match) => match.snippet.before)).toEqual(expect.arrayContaining(['Residents of ', 'The advancement came near the ']));
    expect(second.matches).toEqual([expect.objectContaining({ kind: 'note', snippet: { before: 'Smells like ', match: 'Kharkiv', after: ' in autumn' } })]);

    const limited = await index.search('kharkiv', { limit: 1, matchesPerArticle: 1 });
    expect(limited).toHaveLength(1);
    expect(limited[0]?.matches).toHaveLength(1);
    expect(limited[0]?.matchCount).toBe(3);
    expect(await index.search('kharkiv', { filter: (id) => id !== kharkiv.meta.id })).toHaveLength(1);
  });

  it('finds titles, bylines and sites', async () => {
    const { index, kharkiv } = await library();
    const [byTitle] = await index.search('russia advances');
    expect(byTitle?.articleId).toBe(kharkiv.meta.id);
    expect(byTitle?.matches[0]).toMatchObject({ kind: 'title', start: 0, end: 0 });
    const [bySite] = await index.search('daily wire');
    expect(bySite?.matches[0]).toMatchObject({ kind: 'title', snippet: { before: 'Anna Kovalenko · The ', match: 'Daily Wire', after: ' Service' } });
  });

  it("finds an article by its own tags, and keeps them in step", async () => {
    const { index, cafe } = await library();
    index.upsertArticle({ ...cafe, meta: { ...cafe.meta, tags: ['travel/switzerland', 'food'] } });
    const [result] = await index.search('switzerland');
    expect(result?.matches[0]).toMatchObject({ kind: 'title', snippet: { before: '#travel/', match: 'switzerland', after: ' #food' } });
    index.upsertArticle({ ...cafe, meta: { ...cafe.meta, tags: ['food'] } });
    expect(await index.search('switzerland')).toEqual([]);
  });

  it('marks the words that matched, however long the passage', async () => {
    const { index } = await library();
    const id = randomUUID();
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(30);
    const text = `${filler}Here the needle hides among the hay. ${filler}`;
    index.upsertArticle({ meta: meta(id, 'Haystack'), text, annotations: [] });
    const [result] = await index.search('needle');
    const match = result?.matches[0];
    expect(match?.snippet.match).toBe('needle');
    expect(text.slice(match?.start, match?.end)).toBe('needle');
    expect(match?.snippet.before.startsWith('…')).toBe(true);
    expect(match?.snippet.after.endsWith('…')).toBe(true);
    expect((match?.snippet.before.length ?? 0) + (match?.snippet.after.length ?? 0)).toBeLessThan(200);
  });

  it('follows edits: a note rewritten, a highlight deleted, an article removed', async () => {
    const { index, kharkiv, cafe } = await library();
    const note = kharkiv.annotations[0] as SearchAnnotation;
    expect(index.upsertAnnotation({ ...note, note: 'Compare with Bakhmut', updatedAt: '2024-05-02T10:00:00.000Z' })).toBe(true);
    expect(await index.search('mariupol')).toEqual([]);
    expect((await index.search('bakhmut'))[0]?.matches[0]).toMatchObject({ kind: 'note', annotationId: note.id });

    const trams = kharkiv.annotations[1] as SearchAnnotation;
    expect(index.removeAnnotation(trams.id)).toBe(true);
    expect(index.removeAnnotation(trams.id)).toBe(false);
    // Still in the text, no longer as a highlight.
    expect((await index.search('trams'))[0]?.matches.map((match) => match.kind)).toEqual(['text']);

    const added = highlightOf(cafe.meta.id, CAFE_TEXT, 'long aprons', 'Dress code');
    index.upsertAnnotation(added);
    expect((await index.search('dress'))[0]?.matches[0]?.annotationId).toBe(added.id);
    expect(index.upsertAnnotation({ ...added, articleId: randomUUID() })).toBe(false);

    expect(index.removeArticle(kharkiv.meta.id)).toBe(true);
    expect(await index.search('bakhmut')).toEqual([]);
    expect((await index.search('kharkiv')).map((result) => result.articleId)).toEqual([cafe.meta.id]);
    expect(index.articleIds()).toEqual([cafe.meta.id]);
  });

  it('re-indexes an article whose text, title or highlights changed', async () => {
    const { index, cafe } = await library();
    const text = `${CAFE_TEXT}\n\nIn the evening the fondue arrived.`;
    const updatedAt = '2024-06-01T00:00:00.000Z';
    const upserted = { meta: { ...cafe.meta, title: 'Evenings by the lake', updatedAt }, text, annotations: [] };
    expect(index.needsUpdate(upserted)).toBe(true);
    index.upsertArticle(upserted);
    expect(index.needsUpdate(upserted)).toBe(false);
    expect((await index.search('fondue'))[0]?.matches[0]).toMatchObject({ kind: 'text', snippet: { match: 'fondue' } });
    expect((await index.search('evenings'))[0]?.matches[0]?.kind).toBe('title');
    expect(await index.search('coffee by the lake')).not.toContainEqual(expect.objectContaining({ title: 'Coffee by the lake' }));
    // The highlight and its note went with the annotations; the words are only text now.
    const chestnuts = await index.search('chestnuts smells');
    expect(chestnuts.flatMap((result) => result.matches.map((match) => match.kind))).toEqual(['text']);
  });

  it('saves only when something changed, and reloads what it saved', async () => {
    const { dataDir, index, kharkiv } = await library();
    expect(index.changed).toBe(true);
    expect(await index.save()).toBe(true);
    expect(await index.save()).toBe(false);
    // Upserting what is already indexed changes nothing, so there is nothing to save.
    index.upsertArticle(kharkiv);
    index.upsertAnnotation(kharkiv.annotations[0] as SearchAnnotation);
    expect(index.changed).toBe(false);
    const before = await index.search('kharkiv');

    const reopened = await SearchIndex.open(dataDir);
    expect(reopened.loadState).toBe('loaded');
    expect(reopened.needsRebuild).toBe(false);
    expect(reopened.changed).toBe(false);
    expect(reopened.articleCount).toBe(2);
    expect(await reopened.search('kharkiv')).toEqual(before);
    expect(reopened.needsUpdate(kharkiv)).toBe(false);

    // Incremental changes after a reload still land in the right documents.
    reopened.removeAnnotation(kharkiv.annotations[0]?.id ?? '');
    expect(await reopened.search('mariupol')).toEqual([]);
    expect(await reopened.save()).toBe(true);
    expect(await (await SearchIndex.open(dataDir)).search('mariupol')).toEqual([]);
  });

  it('keeps article text out of the index file', async () => {
    const { dataDir, index } = await library();
    await index.save();
    const file = await readFile(join(dataDir, INDEX_FILE_NAME), 'utf8');
    expect(file).not.toContain('liberated last September');
    expect(file).toContain('Compare with the siege of Mariupol');
    expect((await readdir(join(dataDir, TEXT_DIR_NAME))).sort()).toHaveLength(2);
  });

  it('starts empty when the index file is damaged, and rebuilds without crashing', async () => {
    const { dataDir, index, kharkiv, cafe } = await library();
    await index.save();
    const path = join(dataDir, INDEX_FILE_NAME);
    const whole = await readFile(path, 'utf8');

    for (const damage of [whole.slice(0, whole.length / 2), '{"format":"margin-search-index","version":1}', whole.replace('"averageLength":', '"averageLength":-')]) {
      await writeFile(path, damage);
      const broken = await SearchIndex.open(dataDir);
      expect(broken.loadState).toBe('damaged');
      expect(broken.loadProblem).toBeTruthy();
      expect(broken.needsRebuild).toBe(true);
      expect(await broken.search('kharkiv')).toEqual([]);
    }

    // Parts that disagree with each other are caught too: an article whose documents are not
    // indexed, a posting naming a document that does not exist.
    const file = JSON.parse(whole) as { articles: Array<{ id: string }>; engine: { postings: string[] } };
    await writeFile(path, JSON.stringify({ ...file, articles: [{ ...file.articles[0], id: randomUUID() }, ...file.articles.slice(1)] }));
    expect((await SearchIndex.open(dataDir)).loadProblem).toMatch(/is not indexed/u);
    file.engine.postings[0] += ',zz';
    await writeFile(path, JSON.stringify(file));
    const mismatched = await SearchIndex.open(dataDir);
    expect(mismatched.loadState).toBe('damaged');
    expect(mismatched.loadProblem).toMatch(/out of range/u);

    async function* stream(): AsyncGenerator<SearchArticle> {
      yield kharkiv;
      yield cafe;
    }
    await mismatched.rebuild(stream());
    expect(mismatched.needsRebuild).toBe(false);
    expect((await mismatched.search('mariupol'))[0]?.articleId).toBe(kharkiv.meta.id);
    await mismatched.save();
    expect((await SearchIndex.open(dataDir)).loadState).toBe('loaded');
  });

  it('reports a missing index as needing a rebuild, and clears stale text files on rebuild', async () => {
    const { dataDir, index, cafe } = await library();
    await index.save();
    await rm(join(dataDir, INDEX_FILE_NAME));
    const fresh = await SearchIndex.open(dataDir);
    expect(fresh.loadState).toBe('missing');
    expect(fresh.needsRebuild).toBe(true);
    await fresh.rebuild([cafe]);
    await fresh.save();
    expect(await readdir(join(dataDir, TEXT_DIR_NAME))).toEqual([`${cafe.meta.id}.txt`]);
  });

  it('answers the same after the first save of a new index (kept in its file form from then on), and follows edits after it', async () => {
    const { dataDir, index, kharkiv, cafe } = await library();
    const queries = ['kupyansk', 'mariupol', 'chestnut', 'kharkiv', 'trams', 'frontline'];
    const before = await Promise.all(queries.map((query) => index.search(query)));
    expect(await index.save()).toBe(true);
    expect(await Promise.all(queries.map((query) => index.search(query)))).toEqual(before);
    index.upsertArticle({ ...cafe, annotations: [highlightOf(cafe.meta.id, CAFE_TEXT, 'roasting chestnuts', 'Like the market in Lviv')] });
    expect(only(await index.search('lviv'), cafe.meta.id).matches[0]?.kind).toBe('note');
    expect(await index.search('smells')).toEqual([]);
    await index.save();
    const reopened = await SearchIndex.open(dataDir);
    expect(only(await reopened.search('lviv'), cafe.meta.id).articleId).toBe(cafe.meta.id);
    expect(only(await reopened.search('kupyansk'), kharkiv.meta.id).articleId).toBe(kharkiv.meta.id);
  });

  it('still answers when an article text file is lost, and asks for that article again', async () => {
    const { dataDir, index, kharkiv } = await library();
    await index.save();
    await rm(join(dataDir, TEXT_DIR_NAME, `${kharkiv.meta.id}.txt`));
    const reopened = await SearchIndex.open(dataDir);
    expect(reopened.needsUpdate(kharkiv)).toBe(true);
    const [result] = await reopened.search('kupyansk');
    expect(result?.articleId).toBe(kharkiv.meta.id);
    // Where in the text is unknown without it: the match says "in the text", with no snippet.
    expect(result?.matches[0]).toMatchObject({ kind: 'text', snippet: { before: '', match: '', after: '' } });

    reopened.upsertArticle(kharkiv);
    expect(reopened.needsUpdate(kharkiv)).toBe(false);
    expect((await reopened.search('kupyansk'))[0]?.matches[0]?.snippet.match).toBe('Kupyansk');
  });

  it('tells which articles changed in the library without their text', async () => {
    const { index, kharkiv } = await library();
    expect(index.needsUpdate(kharkiv)).toBe(false);
    expect(index.needsUpdate({ ...kharkiv, meta: { ...kharkiv.meta, updatedAt: '2024-07-01T00:00:00.000Z' } })).toBe(true);
    expect(index.needsUpdate({ ...kharkiv, annotations: kharkiv.annotations.slice(1) })).toBe(true);
    const edited = kharkiv.annotations.map((annotation, i) => (i === 0 ? { ...annotation, updatedAt: '2024-07-01T00:00:00.000Z' } : annotation));
    expect(index.needsUpdate({ ...kharkiv, annotations: edited })).toBe(true);
    expect(index.needsUpdate({ ...kharkiv, meta: { ...kharkiv.meta, id: randomUUID() } })).toBe(true);

    // With a revision, only another revision means new text: reading progress may touch updatedAt.
    index.upsertArticle({ ...kharkiv, meta: { ...kharkiv.meta, revision: 1 } });
    expect(index.needsUpdate({ ...kharkiv, meta: { ...kharkiv.meta, revision: 1, updatedAt: '2024-07-01T00:00:00.000Z' } })).toBe(false);
    expect(index.needsUpdate({ ...kharkiv, meta: { ...kharkiv.meta, revision: 2 } })).toBe(true);
    expect(index.needsUpdate({ ...kharkiv, meta: { ...kharkiv.meta, revision: 1, tags: ['new'] } })).toBe(true);
  });

  it('leaves the file on disk as it was when a save fails', async () => {
    const dataDir = await tempDir('margin-search-');
    const failing = await SearchIndex.open(dataDir, {
      writeFile: () => Promise.reject(new Error('disk full')),
    });
    failing.upsertArticle({ meta: meta(randomUUID(), 'Unsaved'), text: 'Nothing here yet.', annotations: [] });
    await expect(failing.save()).rejects.toThrow('disk full');
    expect(failing.changed).toBe(true);
    expect((await SearchIndex.open(dataDir)).loadState).toBe('missing');
  });

  it('refuses ids that cannot name a file, and annotations of another article', async () => {
    const { index, kharkiv } = await library();
    expect(() => index.upsertArticle({ meta: meta('../escape', 'Bad'), text: 'x', annotations: [] })).toThrow(/unusable article id/u);
    expect(() => index.upsertArticle({ ...kharkiv, meta: { ...kharkiv.meta, id: randomUUID() } })).toThrow(/belongs to article/u);
  });

  it('finds a highlight whose stored position drifted, at the quote nearest to it', async () => {
    const { index } = await library();
    const id = randomUUID();
    const text = 'Snow fell. Later that week snow fell again over the river.';
    const drifted = { ...highlightOf(id, text, 'snow fell again'), target: { quote: { exact: 'snow fell again' }, position: { start: 30, end: 45 } } };
    index.upsertArticle({ meta: meta(id, 'Weather'), text, annotations: [drifted] });
    const [result] = await index.search('again');
    expect(result?.matches[0]).toMatchObject({ kind: 'highlight', start: text.indexOf('snow fell again'), snippet: { match: 'again' } });
  });

  it('returns nothing for a query without words', async () => {
    const { index } = await library();
    expect(await index.search('')).toEqual([]);
    expect(await index.search('  ?! -- ')).toEqual([]);
  });
});

describe('search index over a real library', () => {
  it('indexes the sample article and a highlight made in the library', async () => {
    const { library: store, sample } = await libraryWithSample();
    const made = await highlightPhrase(store, sample.id, 'the free city of Kupyansk', 'Where the fighting is fiercest');
    const index = await SearchIndex.open(await tempDir('margin-search-'));
    const { text } = await store.content(sample.id);
    await index.rebuild([{ meta: store.meta(sample.id), text, annotations: await store.annotations(sample.id) }]);

    const [byNote] = await index.search('fiercest');
    expect(byNote?.matches[0]).toMatchObject({ kind: 'note', annotationId: made.id, start: made.target.position.start, end: made.target.position.end });
    const [byPlace] = await index.search('kupjansk');
    const highlight = byPlace?.matches.find((match) => match.kind === 'highlight');
    expect(text.slice(highlight?.start, highlight?.end)).toBe('the free city of Kupyansk');
    expect(highlight?.snippet.match).toBe('Kupyansk');
    expect(index.needsUpdate({ meta: store.meta(sample.id), annotations: await store.annotations(sample.id) })).toBe(false);
  });
});

describe('library search catching up with the library', () => {
  const notes = async (search: LibrarySearch, query: string) =>
    (await search.search(query)).flatMap((result) => result.matches.filter((match) => match.kind === 'note').map((match) => match.annotationId));

  it('finds what another process added or removed between two searches, and saves nothing when nothing changed', async () => {
    const { library: app, dataDir, sample } = await libraryWithSample();
    const search = await LibrarySearch.open(app);
    expect(await notes(search, 'zeppelin')).toEqual([]);
    const other = await Store.open(dataDir);
    const made = await highlightPhrase(other, sample.id, 'Kharkiv', 'a zeppelin over the river');
    expect(await notes(search, 'zeppelin')).toEqual([made.id]);
    await other.deleteAnnotation(sample.id, made.id);
    expect(await notes(search, 'zeppelin')).toEqual([]);

    const saved = await readFile(join(dataDir, INDEX_FILE_NAME), 'utf8');
    const again = await LibrarySearch.open(await Store.open(dataDir));
    await again.search('Kharkiv');
    expect(await readFile(join(dataDir, INDEX_FILE_NAME), 'utf8')).toBe(saved);
  });

  it('holding the lock as the app does, follows its own edits search after search', async () => {
    const { library: setup, dataDir, sample } = await libraryWithSample();
    await highlightPhrase(setup, sample.id, 'Kupyansk', 'first thought');
    const lock = await acquireWriteLock(dataDir, { waitMs: 1_000 });
    try {
      const app = await Store.open(dataDir, { lock });
      await app.summaries();
      const search = await LibrarySearch.open(app);
      expect(await notes(search, 'thought')).toHaveLength(1);
      const [first] = await app.annotations(sample.id);
      await app.updateAnnotation(sample.id, first?.id as string, { note: 'second idea' });
      expect(await notes(search, 'thought')).toEqual([]);
      expect(await notes(search, 'idea')).toEqual([first?.id]);
    } finally {
      await lock.release();
    }
  });

  it('opens an index saved before it kept a fingerprint of each article’s highlights, and still follows changes', async () => {
    const { library: store, dataDir, sample } = await libraryWithSample();
    const made = await highlightPhrase(store, sample.id, 'Kupyansk', 'an old note');
    await (await LibrarySearch.open(store)).search('Kharkiv');
    const path = join(dataDir, INDEX_FILE_NAME);
    const file = JSON.parse(await readFile(path, 'utf8'));
    for (const article of file.articles) delete article.annotationsStamp;
    await writeFile(path, JSON.stringify(file));

    const index = await SearchIndex.open(dataDir);
    expect(index.loadState).toBe('loaded');
    const reopened = await Store.open(dataDir);
    const search = await LibrarySearch.open(reopened);
    expect(await notes(search, 'old')).toEqual([made.id]);
    await reopened.updateAnnotation(sample.id, made.id, { note: 'a new note' });
    expect(await notes(search, 'old')).toEqual([]);
    expect(await notes(search, 'new')).toEqual([made.id]);
  });
});
