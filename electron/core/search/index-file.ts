// The search index as it lies on disk (<data dir>/search-index.json), and how it is read back.
// The file is derived data: anything wrong with it (missing, cut short, another version, edited
// by hand) makes the reader say so, and the caller rebuilds from the library instead of crashing
// or searching a half-trusted index. zod checks the shape; Engine.fromCompact and the
// cross-checks in search-index.ts check that the parts agree with each other.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { durableWrite } from '../library/durable-write';

export const INDEX_FILE_NAME = 'search-index.json';
export const TEXT_DIR_NAME = 'search-text';
export const INDEX_FORMAT = 'margin-search-index';
// Bump when what goes into the index changes (documents, tokenizer, folding): an index built the
// old way would miss words a new one finds, so it is rebuilt rather than loaded.
export const INDEX_VERSION = 1;

const Count = z.number().int().nonnegative();

/** One highlight: [id, start, end, updatedAt (ms), note, tags]. A tuple, not an object, because a
 * library holds a hundred thousand of them and the keys would be a good part of the file. */
export const AnnotationRecordSchema = z.tuple([z.string().min(1), Count, Count, z.number(), z.string(), z.array(z.string())]);
export type AnnotationRecord = z.infer<typeof AnnotationRecordSchema>;

export const ArticleRecordSchema = z.object({
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
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

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

export type IndexFileRead = { state: 'loaded'; file: IndexFile } | { state: 'missing' } | { state: 'damaged'; problem: string };

export async function readIndexFile(path: string): Promise<IndexFileRead> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'damaged', problem: `cannot read: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { state: 'damaged', problem: `not JSON: ${(error as Error).message}` };
  }
  const parsed = IndexFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { state: 'damaged', problem: `unexpected content at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
  }
  return { state: 'loaded', file: parsed.data };
}

/** Replaces a file so that it survives a crash once the promise resolves; tests pass a failing one. */
export type FileWriter = (path: string, data: string) => Promise<void>;

export const writeDurably: FileWriter = durableWrite;
