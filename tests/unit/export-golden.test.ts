// Every export format, from the fixed library, against its golden file.
import { describe, it } from 'vitest';
import { annotatedHtml } from '../../electron/core/export/annotated-html';
import { combinedMarkdown, markdownFiles } from '../../electron/core/export/obsidian-markdown';
import { readwiseCsv } from '../../electron/core/export/readwise-csv';
import { webAnnotationJson } from '../../electron/core/export/web-annotation';
import { COLLECTION_ID, EXPORTED_AT, fixedLibrary, resolveFixtureImage } from '../fixtures/export/fixed-library';
import { expectGolden } from '../fixtures/export/golden';

const library = fixedLibrary();

describe('export golden files', () => {
  it('Markdown, one file per article', () => {
    for (const file of markdownFiles(library, { exportedAt: EXPORTED_AT })) expectGolden(file.name, file.content);
  });

  it('Markdown, one combined file', () => {
    expectGolden('combined.md', combinedMarkdown(library, { exportedAt: EXPORTED_AT }));
  });

  it('Readwise CSV', () => {
    expectGolden('readwise.csv', readwiseCsv(library));
  });

  it('W3C Web Annotation JSON-LD', () => {
    expectGolden('annotations.jsonld', webAnnotationJson(library, { exportedAt: EXPORTED_AT, collectionId: COLLECTION_ID }));
  });

  it('annotated HTML, one page per article', () => {
    for (const article of library) {
      expectGolden(`${article.meta.id.slice(0, 8)}.html`, annotatedHtml(article, { exportedAt: EXPORTED_AT, resolveImage: resolveFixtureImage }));
    }
  });
});
