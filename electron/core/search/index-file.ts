// The search index as it lies on disk (<data dir>/search-index.json), and how it is read back.
// The file is derived data: anything wrong with it (missing, cut short, another version, edited
// by hand) makes the reader say so, and the caller rebuilds from the library instead of crashing
// or searching a half-trusted index. It goes through the store's adapter, so its shape is checked
// both when it is read and before it is written; Engine.fromCompact and the cross-checks in
// index-persistence.ts check that the parts agree with each other.
import { Low } from 'lowdb';
import { z } from 'zod';
import { ColorSchema, HIGHLIGHT_COLORS } from '../../shared/model';
import { durableWrite, type FileWriter } from '../library/durable-write';
import { DamagedFileError } from '../library/json-codec';
import { ValidatedJsonAdapter } from '../library/validated-json-adapter';

export const INDEX_FILE_NAME = 'search-index.json';
export const TEXT_DIR_NAME = 'search-text';
export const INDEX_FORMAT = 'margin-search-index';
// Bump when what goes into the index changes (documents, tokenizer, folding): an index built the
// old way would miss words a new one finds, so it is rebuilt rather than loaded.
export const INDEX_VERSION = 2;

const Count = z.number().int().nonnegative();

/** One highlight: [id, start, end, updatedAt (ms), note, tags, colour]. A tuple, not an object, because a
 * library holds a hundred thousand of them and the keys would be a good part of the file. */
const AnnotationRecordSchema = z.tuple([z.string().min(1), Count, Count, z.number(), z.string(), z.array(z.string()), ColorSchema.nullable()]);
export type AnnotationRecord = z.infer<typeof AnnotationRecordSchema>;

const ArticleRecordSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  tags: z.array(z.string()),
  revision: z.number().int().nullable(),
  updatedAt: z.number(),
  text: z.object({ hash: z.string(), length: Count }),
  // Absent from indexes saved before it existed: those articles' annotations are compared once.
  annotationsStamp: z.string().nullable().optional(),
  annotations: z.array(AnnotationRecordSchema),
});

const CompactEngineSchema = z.object({
  documents: z.array(z.tuple([z.string(), Count]).nullable()),
  averageLength: z.number().nonnegative(),
  terms: z.array(z.string().min(1)),
  postings: z.array(z.string()),
});

export const IndexFileSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  version: z.literal(INDEX_VERSION),
  articles: z.array(ArticleRecordSchema),
  engine: CompactEngineSchema,
});
export type IndexFile = z.infer<typeof IndexFileSchema>;

// Before a save, the hundred thousand highlight records and the word index's long arrays are
// checked by the predicates below rather than by zod, which takes a third of a second on them
// (it copies every tuple it checks). Each accepts only what its zod schema above accepts
// (tests/unit/search-index-file.test.ts holds them to it), so a file that is written is still
// one the reader takes.
const COLORS: ReadonlySet<unknown> = new Set(HIGHLIGHT_COLORS);
const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isString = (value: unknown): value is string => typeof value === 'string';
const isWord = (value: unknown): boolean => typeof value === 'string' && value.length > 0;

/** What AnnotationRecordSchema accepts. */
export function isAnnotationRecord(value: unknown): value is AnnotationRecord {
  if (!Array.isArray(value) || value.length !== 7) return false;
  const [id, start, end, updatedAt, note, tags, color]: unknown[] = value;
  return (
    isWord(id) &&
    isCount(start) &&
    isCount(end) &&
    typeof updatedAt === 'number' &&
    Number.isFinite(updatedAt) &&
    isString(note) &&
    Array.isArray(tags) &&
    tags.every(isString) &&
    (color === null || COLORS.has(color))
  );
}

/** What CompactEngineSchema's `documents` accepts. */
export function isDocumentList(value: unknown): value is Array<[string, number] | null> {
  return Array.isArray(value) && value.every((document: unknown) => document === null || (Array.isArray(document) && document.length === 2 && isString(document[0]) && isCount(document[1])));
}

const everyOne = <T>(test: (item: unknown) => boolean, message: string) =>
  z.custom<T[]>((value) => Array.isArray(value) && value.every(test), message);

const IndexFileWriteSchema = IndexFileSchema.extend({
  articles: z.array(ArticleRecordSchema.extend({ annotations: everyOne<AnnotationRecord>(isAnnotationRecord, 'a highlight record is malformed') })),
  engine: CompactEngineSchema.extend({
    documents: z.custom<Array<[string, number] | null>>(isDocumentList, 'a document entry is malformed'),
    terms: everyOne<string>(isWord, 'a term is empty or not text'),
    postings: everyOne<string>(isString, 'a posting list is not text'),
  }),
});

export type IndexFileRead = { state: 'loaded'; file: IndexFile } | { state: 'missing' } | { state: 'damaged'; problem: string };

const indexAdapter = (path: string, schema: z.ZodType<IndexFile>, writer: FileWriter = durableWrite) => new ValidatedJsonAdapter<IndexFile>(path, { schema, compact: true }, { writer });

export async function readIndexFile(path: string): Promise<IndexFileRead> {
  try {
    const file = await indexAdapter(path, IndexFileSchema).read();
    return file === null ? { state: 'missing' } : { state: 'loaded', file };
  } catch (error) {
    if (error instanceof DamagedFileError) return { state: 'damaged', problem: [error.damage, error.detail].filter(Boolean).join(': ') };
    return { state: 'damaged', problem: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Saves the index durably, refusing (never writing) one that would not read back. */
export function writeIndexFile(path: string, file: IndexFile, writer?: FileWriter): Promise<void> {
  return new Low(indexAdapter(path, IndexFileWriteSchema, writer), file).write();
}

export type { FileWriter };
