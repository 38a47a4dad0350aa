// The search index file is checked before a save by quick predicates rather than by zod (which
// copies every highlight record it checks). They must never pass what the reader's zod schema
// would refuse, or Margin could write an index it then sets aside at every start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../electron/shared/model';
import { INDEX_FORMAT, INDEX_VERSION, IndexFileSchema, isAnnotationRecord, isDocumentList } from '../../electron/core/search/index-file';
import { checkProperty, propertyRuns } from './support/property';

const RUNS = propertyRuns(500);
const odd = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(-0), fc.constant(-1), fc.constant(1.5), fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(2 ** 53), fc.constant(''), fc.constant('x'), fc.constant([]), fc.constant({}), fc.constant(['a', 1]));
const count = fc.oneof(fc.nat(), odd);
const text = fc.oneof(fc.string(), odd);
const record = fc.tuple(
  fc.oneof(fc.string({ minLength: 1 }), odd),
  count,
  count,
  fc.oneof(fc.double(), odd),
  text,
  fc.oneof(fc.array(fc.string()), fc.array(text), odd),
  fc.oneof(fc.constantFrom(null, ...HIGHLIGHT_COLORS), odd),
);
const candidate = fc.oneof(record, fc.tuple(record, odd).map(([tuple, extra]) => [...tuple, extra]), record.map((tuple) => tuple.slice(0, 6)), odd);

function fileWith(annotations: unknown[], documents: unknown): unknown {
  const article = { id: 'a', title: '', byline: null, siteName: null, tags: [], revision: null, updatedAt: 0, text: { hash: 'h', length: 0 }, annotations };
  return { format: INDEX_FORMAT, version: INDEX_VERSION, articles: [article], engine: { documents, averageLength: 0, terms: [], postings: [] } };
}

describe('the search index file’s checks before a save', () => {
  it('accept a highlight record exactly when the reader’s schema does', () => {
    checkProperty(
      fc.property(candidate, (value) => {
        expect(isAnnotationRecord(value)).toBe(IndexFileSchema.safeParse(fileWith([value], [])).success);
      }),
      RUNS,
    );
  });

  it('accept a document list exactly when the reader’s schema does', () => {
    const document = fc.oneof(fc.constant(null), fc.tuple(text, count), fc.tuple(text, count, odd), odd);
    checkProperty(
      fc.property(fc.oneof(fc.array(document, { maxLength: 4 }), odd), (documents) => {
        expect(isDocumentList(documents)).toBe(IndexFileSchema.safeParse(fileWith([], documents)).success);
      }),
      RUNS,
    );
  });
});
