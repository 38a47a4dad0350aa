import { describe, expect, it } from 'vitest';
import { describeSpan, resolve } from '../../electron/shared/anchoring';
import { AnnotationSchema, type Annotation } from '../../electron/shared/model';
import { webAnnotationCollection, webAnnotationJson } from '../../electron/core/export/web-annotation';
import {
  AnnotationFileError,
  draftSelectorsFor,
  parseWebAnnotationFile,
  readWebAnnotations,
  type AnnotationDraft,
} from '../../electron/core/import/web-annotation-import';
import type { ExportArticle } from '../../electron/core/export/export-article';
import { COLLECTION_ID, EXPORTED_AT, fixedLibrary } from '../fixtures/export/fixed-library';

const library = fixedLibrary();
const options = { exportedAt: EXPORTED_AT, collectionId: COLLECTION_ID };

/** What the lead's import does with a draft: find the article, anchor, build the annotation. */
function attach(draft: AnnotationDraft, articles: ExportArticle[]): Annotation {
  const article = articles.find((a) => a.meta.id === draft.articleId) ?? articles.find((a) => a.meta.sourceUrl === draft.sourceUrl);
  if (article === undefined) throw new Error(`no article for ${draft.source}`);
  const anchor = resolve(draftSelectorsFor(article.text)(draft), article.text);
  if (anchor.status === 'orphaned') throw new Error(`orphaned: ${draft.quote.exact}`);
  return AnnotationSchema.parse({
    id: draft.id,
    articleId: article.meta.id,
    color: draft.color ?? 'yellow',
    note: draft.note,
    tags: draft.tags,
    target: describeSpan(article.text, anchor.start, anchor.end),
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  });
}

describe('W3C Web Annotation export', () => {
  const collection = webAnnotationCollection(library, options);
  const items = collection.first.items;

  it('is an AnnotationCollection holding every highlight', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toBe(`urn:uuid:${COLLECTION_ID}`);
    expect(collection.total).toBe(10);
    expect(items).toHaveLength(10);
  });

  it('gives each annotation the fields the model requires', () => {
    for (const item of items) {
      expect(item['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(item.type).toBe('Annotation');
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/u);
      expect(Date.parse(item.created)).not.toBeNaN();
      expect(Date.parse(item.modified)).not.toBeNaN();
      expect(item.target.source).toBeTruthy();
      const [quote, position] = item.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(position.end).toBeGreaterThan(position.start);
      const commented = (item.body ?? []).some((body) => body.purpose === 'commenting');
      expect(item.motivation).toBe(commented ? 'commenting' : 'highlighting');
      for (const body of item.body ?? []) expect(body.type).toBe('TextualBody');
    }
  });

  it('counts positions in Unicode code points, not UTF-16 units', () => {
    const article = library[0];
    const emoji = article?.annotations.find((a) => a.target.quote.exact.startsWith('🚆'));
    const item = items.find((i) => i.id === `urn:uuid:${emoji?.id}`);
    if (article === undefined || emoji === undefined || item === undefined) throw new Error('fixture');
    const [, position] = item.target.selector;
    expect(position.start).toBe([...article.text.slice(0, emoji.target.position.start)].length);
    expect(position.end - position.start).toBe([...emoji.target.quote.exact].length);
    expect(position.end - position.start).toBeLessThan(emoji.target.quote.exact.length);
  });

  it('names the article by its page with the Margin id as scope, or by the Margin id alone', () => {
    const [web, , local] = library;
    const byArticle = (article: ExportArticle | undefined) => items.find((i) => i.id === `urn:uuid:${article?.annotations[0]?.id}`);
    expect(byArticle(web)?.target).toMatchObject({ source: web?.meta.sourceUrl, scope: `urn:uuid:${web?.meta.id}` });
    expect(byArticle(local)?.target.source).toBe(`urn:uuid:${local?.meta.id}`);
    expect(byArticle(local)?.target).not.toHaveProperty('scope');
  });

  it('tags with tagging bodies and colours with a standard styleClass', () => {
    const first = items[0];
    expect(first?.body?.filter((body) => body.purpose === 'tagging').map((body) => body.value)).toEqual(['timetable', 'quotes']);
    expect(first?.target.styleClass).toBe('margin-yellow');
    expect(first?.stylesheet.value).toContain('.margin-yellow');
  });
});

describe('W3C Web Annotation import', () => {
  it('round-trips: export, then import into the same articles, gives the same annotations', () => {
    const { drafts, skipped } = parseWebAnnotationFile(webAnnotationJson(library, options));
    expect(skipped).toEqual([]);
    const restored = drafts.map((draft) => attach(draft, library));
    const original = library.flatMap((article) => article.annotations);
    expect(restored).toEqual(original);
  });

  it('writes and reads back an empty collection', () => {
    const text = webAnnotationJson([], options);
    expect(JSON.parse(text)).toMatchObject({ type: 'AnnotationCollection', total: 0, first: { items: [] } });
    expect(parseWebAnnotationFile(text)).toEqual({ drafts: [], skipped: [] });
  });

  it('converts code point positions back to UTF-16 against the article text', () => {
    const article = library[0];
    if (article === undefined) throw new Error('fixture');
    const { drafts } = readWebAnnotations(webAnnotationCollection([article], options));
    const toSelectors = draftSelectorsFor(article.text);
    for (const [index, draft] of drafts.entries()) {
      expect(toSelectors(draft)).toEqual(article.annotations[index]?.target);
    }
  });

  it('reads the shapes other tools write: a bare list, a page, one annotation, bodyValue, plain tags', () => {
    const one = {
      type: 'Annotation',
      id: 'https://annotations.example/1',
      bodyValue: 'A plain note',
      body: [{ type: 'TextualBody', value: 'two words', purpose: 'tagging' }, 'https://example.org/linked'],
      target: {
        source: { id: 'https://example.org/page' },
        selector: [
          { type: 'XPathSelector', value: '/html/body/p[2]' },
          { type: 'TextQuoteSelector', exact: 'hello', prefix: 'x'.repeat(50), suffix: 'world' },
        ],
      },
    };
    for (const file of [one, [one], { type: 'AnnotationPage', items: [one] }]) {
      const { drafts } = readWebAnnotations(file);
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({
        id: null,
        sourceUrl: 'https://example.org/page',
        articleId: null,
        note: 'A plain note',
        tags: ['two-words'],
        color: null,
        codePointPosition: null,
        createdAt: null,
      });
    }
    const draft = readWebAnnotations(one).drafts[0];
    if (draft === undefined) throw new Error('no draft');
    const selectors = draftSelectorsFor('say hello world')(draft);
    expect(selectors.quote.prefix).toHaveLength(32);
    expect(resolve(selectors, 'say hello world')).toMatchObject({ start: 4, end: 9 });
  });

  it('skips targets it cannot anchor and says why', () => {
    const { drafts, skipped } = readWebAnnotations([
      { type: 'Annotation', target: 'https://example.org/whole-page' },
      { type: 'Annotation', target: { source: 'https://example.org/p', selector: { type: 'FragmentSelector', value: 'page=2' } } },
    ]);
    expect(drafts).toEqual([]);
    expect(skipped.map((s) => s.index)).toEqual([0, 1]);
  });

  it('refuses files that are not JSON or not Web Annotations, naming the problem', () => {
    expect(() => parseWebAnnotationFile('{ nope')).toThrow(AnnotationFileError);
    expect(() => readWebAnnotations({ type: 'Annotation' })).toThrow(/target/u);
    expect(() =>
      readWebAnnotations({ type: 'Annotation', target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 5 } } }),
    ).toThrow(AnnotationFileError);
    expect(() =>
      readWebAnnotations({ type: 'Annotation', target: { source: 'x', selector: { type: 'TextPositionSelector', start: 5, end: 2 } } }),
    ).toThrow(AnnotationFileError);
    expect(() => readWebAnnotations({ type: 'AnnotationCollection', first: 'https://remote/page1' })).toThrow(/first page/u);
  });
});
