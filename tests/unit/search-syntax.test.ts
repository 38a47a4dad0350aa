// Search syntax on a real library in a temp folder: "phrases" found only as phrases, -words left
// out, tag: and color: (by key or by the person's name for it) choosing highlights.
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { LibrarySearch } from '../../electron/core/search/library-search';
import { findPhrase, termsOf } from '../../electron/core/search/query-match';
import { searchQuery, type QueryArticle, type QueryHighlight, type QuerySource } from '../../electron/core/search/query-search';
import type { SearchResult } from '../../electron/core/search';
import { describeSpan } from '../../electron/shared/anchoring';
import type { HighlightColor } from '../../electron/shared/model';
import { parseSearchQuery } from '../../electron/shared/search-query';
import { tempDir } from './support/temp-dir';

const COAST = 'Coastal plans\n\nThe town voted for a new Sea Wall along the promenade.\n\nIt will be finished before the winter tides arrive, the council said.';
const SCATTERED = 'Garden notes\n\nThe sea was calm all week.\n\nBehind the house, the old garden wall needs new mortar before spring.';
const STORMY = 'After the storm\n\nThe storm broke the sea wall in three places and flooded the fields.';
const CAFE = 'A morning in Zürich\n\nWe met at the Café Odeon, where the waiters still wear long aprons.';

interface Setup {
  library: Library;
  search: (query: string) => Promise<SearchResult[]>;
  ids: Record<'coast' | 'scattered' | 'stormy' | 'cafe', string>;
}

async function setup(): Promise<Setup> {
  const library = await Library.open(await tempDir('margin-search-syntax-'));
  const add = async (text: string, name: string) => (await library.addArticle(importPlainText(text, name))).id;
  const ids = { coast: await add(COAST, 'coast.txt'), scattered: await add(SCATTERED, 'garden.txt'), stormy: await add(STORMY, 'storm.txt'), cafe: await add(CAFE, 'cafe.txt') };
  const highlight = async (articleId: string, phrase: string, color: HighlightColor, tags: string[] = [], note = '') => {
    const { text } = await library.content(articleId);
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" is not in the article`);
    return library.addAnnotation(articleId, { color, note, tags, target: describeSpan(text, start, start + phrase.length) });
  };
  await highlight(ids.coast, 'a new Sea Wall along the promenade', 'yellow', ['climate']);
  await highlight(ids.coast, 'before the winter tides arrive', 'blue', ['to-do']);
  await highlight(ids.stormy, 'The storm broke the sea wall', 'yellow', ['Climate'], 'A worry for the sea wall plans');
  await highlight(ids.scattered, 'old garden wall', 'pink', ['house']);
  const search = async (query: string) => (await LibrarySearch.open(library)).search(query);
  return { library, search, ids };
}

const articles = (results: SearchResult[]) => results.map((result) => result.articleId).sort();
const marked = (results: SearchResult[]) => results.flatMap((result) => result.matches.map((match) => match.snippet.match));

describe('search syntax on a library', () => {
  it('"sea wall" finds the words together and in order, any case; the words apart are not enough', async () => {
    const { search, ids } = await setup();
    const phrase = await search('"sea wall"');
    expect(articles(phrase)).toEqual([ids.coast, ids.stormy].sort());
    // The snippets mark the phrase as the text has it.
    expect(marked(phrase)).toEqual(expect.arrayContaining(['Sea Wall', 'sea wall']));
    for (const match of marked(phrase)) expect(match.toLowerCase()).toBe('sea wall');
    // The same words without quotes also find the garden article, where they stand apart.
    expect(articles(await search('sea wall'))).toContain(ids.scattered);
    // In the wrong order they are not the phrase.
    expect(await search('"wall sea"')).toEqual([]);
  });

  it('a phrase ignores accents and case, like the rest of search', async () => {
    const { search, ids } = await setup();
    const results = await search('"CAFE odeon"');
    expect(articles(results)).toEqual([ids.cafe]);
    expect(marked(results)).toEqual(['Café Odeon']);
  });

  it('-word and -"a phrase" leave out articles holding them', async () => {
    const { search, ids } = await setup();
    expect(articles(await search('"sea wall" -storm'))).toEqual([ids.coast]);
    expect(articles(await search('sea wall -"sea wall"'))).toEqual([ids.scattered]);
    // A left-out word in a note counts too.
    expect(articles(await search('"sea wall" -worry'))).toEqual([ids.coast]);
  });

  it('a search of only left-out words lists every article without them, newest first, as a filter on the whole library', async () => {
    const { library, search, ids } = await setup();
    expect(articles(await search('-storm'))).toEqual([ids.coast, ids.scattered, ids.cafe].sort());
    expect(articles(await search('-"sea wall"'))).toEqual([ids.scattered, ids.cafe].sort());
    // A left-out word in a highlight's note leaves its article out too.
    expect(articles(await search('-worry -zürich'))).toEqual([ids.coast, ids.scattered].sort());
    // Nothing holds this: every article, each with no place to mark.
    const all = await search('-nonesuch');
    expect(articles(all)).toEqual(Object.values(ids).sort());
    for (const result of all) expect(result).toMatchObject({ matchCount: 0, matches: [] });
    // Limited as other results are, and the trash stays out.
    const index = await LibrarySearch.open(library);
    expect(await index.search('-nonesuch', 2)).toHaveLength(2);
    await library.updateArticle(ids.cafe, { state: 'trash' });
    expect(articles(await search('-storm'))).toEqual([ids.coast, ids.scattered].sort());
  });

  it('tag:NAME shows the highlights with that tag, whatever its case; quoted values work ("to do" finds the tag to-do)', async () => {
    const { search, ids } = await setup();
    const climate = await search('tag:climate');
    expect(articles(climate)).toEqual([ids.coast, ids.stormy].sort());
    expect(climate.flatMap((result) => result.matches.map((match) => match.kind))).toEqual(['highlight', 'highlight']);
    expect(marked(climate).sort()).toEqual(['The storm broke the sea wall', 'a new Sea Wall along the promenade']);
    const todo = await search('tag:"to do"');
    expect(marked(todo)).toEqual(['before the winter tides arrive']);
    expect(todo[0]?.matches[0]?.annotationId).toBeDefined();
  });

  it('color:NAME takes a colour key or the name the person gave it in the legend', async () => {
    const { library, search } = await setup();
    expect(marked(await search('color:blue'))).toEqual(['before the winter tides arrive']);
    await library.setColorLabel('yellow', 'Key point');
    expect(marked(await search('color:"key point"')).sort()).toEqual(['The storm broke the sea wall', 'a new Sea Wall along the promenade']);
    expect(marked(await search('colour:yellow -tag:climate'))).toEqual([]);
    expect(await search('color:nonesuch')).toEqual([]);
  });

  it('combinations: "sea wall" -storm tag:climate is the one highlight, with the phrase marked', async () => {
    const { search, ids } = await setup();
    const results = await search('"sea wall" -storm tag:climate');
    expect(articles(results)).toEqual([ids.coast]);
    expect(results[0]?.matches[0]?.snippet).toEqual({ before: 'a new ', match: 'Sea Wall', after: ' along the promenade' });
    // The words then apply to the highlight itself: its passage, note and tags.
    expect(articles(await search('tag:climate worry'))).toEqual([ids.stormy]);
    expect(articles(await search('tag:climate promenade color:yellow'))).toEqual([ids.coast]);
  });

  it('bad syntax is read literally or ignored, never an error', async () => {
    const { search, ids } = await setup();
    expect(articles(await search('"sea wall'))).toEqual(articles(await search('sea wall')));
    expect(articles(await search('tag: promenade'))).toEqual([ids.coast]);
    expect(articles(await search('- promenade -'))).toEqual([ids.coast]);
    expect(await search('"')).toEqual([]);
    expect(await search('tag:')).toEqual([]);
  });
});

describe('finding a phrase in text', () => {
  it('takes whole words only, across punctuation and line breaks, far into a long text', () => {
    const seaWall = termsOf('Sea wall');
    expect(findPhrase('the sea wallpaper and the sea-wall', seaWall).map(({ start, end }) => [start, end])).toEqual([[26, 34]]);
    expect(findPhrase('a sea,\n  wall', seaWall)).toEqual([{ start: 2, end: 13 }]);
    const long = `${'word '.repeat(50_000)}sea ${'-'.repeat(500)} wall`;
    expect(findPhrase(long, seaWall)).toEqual([{ start: 250_000, end: long.length }]);
    expect(findPhrase('sea', seaWall)).toEqual([]);
  });
});

describe('search syntax on an article with very many highlights', () => {
  it('tag: finds the highlights of an article holding 200,000 of them (more than a spread call takes)', async () => {
    const text = 'word '.repeat(1000);
    const count = 200_000;
    const annotations = new Map<string, QueryHighlight>();
    for (let i = 0; i < count; i++) {
      const start = (i % 1000) * 5;
      annotations.set(`h${i}`, { id: `h${i}`, start, end: start + 4, updatedAt: i, note: '', tags: ['many'], color: 'yellow' });
    }
    const article: QueryArticle = { id: 'crowded', title: 'Crowded', byline: null, siteName: null, tags: [], updatedAt: 0, annotations };
    const source: QuerySource = { rank: () => [], articles: () => [article], text: () => Promise.resolve(text) };
    const results = await searchQuery(source, parseSearchQuery('tag:many'), { limit: 20, perArticle: 3 });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ articleId: 'crowded', matchCount: count });
    expect(results[0]?.matches).toHaveLength(3);
  });
});
