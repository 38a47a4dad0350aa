// The files of a backup that the store reads with a schema, checked with that same schema while
// the archive is first read, before anything is unpacked or replaced. A person's own records (the
// list of articles, each article's highlights and notes) that the store would refuse make the
// whole restore refuse, so a damaged or crafted backup never takes the place of a working
// library. Derived files (the search index, the highlight counts) are rebuilt by the library when
// missing, and a backup from an older Margin may carry them in a format since replaced, so one
// that does not check is left out of the restore and named, instead of costing the restore.
//
// A new file the store reads with a schema gets its line in STORE_FILES.
import { ANNOTATION_STATS_FILE, StatsFileSchema } from '../library/annotation-stats';
import { DamagedFileError, decodeJson, type JsonFormat } from '../library/json-codec';
import { DEFAULT_LIMITS } from '../library/limits';
import { NewerFormatError } from '../library/migrations';
import { ANNOTATIONS_MIGRATIONS, LIBRARY_MIGRATIONS, LibraryFileSchema, annotationsFileSchemaFor } from '../library/schemas';
import { REVIEW_FILE, reviewFormat } from '../review/review-file';
import { INDEX_FILE_NAME, IndexFileSchema } from '../search/index-file';
import type { z } from 'zod';

interface StoreFile {
  /** Whether a normalized archive path (its `/`-separated steps) is this file. */
  matches: (steps: readonly string[]) => boolean;
  /** Rebuilt by the library when missing: left out when it does not check, rather than refused. */
  derived: boolean;
  /** How the store reads it; throws when the store would refuse it. */
  decode: (text: string, path: string) => unknown;
}

const format = <T>(schema: z.ZodType<T>, migrations: JsonFormat<T>['migrations']): JsonFormat<T> => ({ schema, migrations });

const plainJson = (schema: z.ZodType) => (text: string, path: string) => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DamagedFileError(path, 'not valid JSON');
  }
  if (!schema.safeParse(json).success) throw new DamagedFileError(path, 'unexpected contents');
};

const STORE_FILES: readonly StoreFile[] = [
  {
    matches: (steps) => steps.length === 1 && steps[0] === 'library.json',
    derived: false,
    decode: (text, path) => decodeJson(path, 'library.json', text, format(LibraryFileSchema, LIBRARY_MIGRATIONS)),
  },
  {
    matches: (steps) => steps.length === 3 && steps[0] === 'articles' && steps[2] === 'annotations.json',
    derived: false,
    decode: (text, path) => decodeJson(path, 'annotations.json', text, format(annotationsFileSchemaFor(path.split('/')[1] ?? ''), ANNOTATIONS_MIGRATIONS)),
  },
  { matches: (steps) => steps.length === 1 && steps[0] === ANNOTATION_STATS_FILE, derived: true, decode: plainJson(StatsFileSchema) },
  { matches: (steps) => steps.length === 1 && steps[0] === INDEX_FILE_NAME, derived: true, decode: plainJson(IndexFileSchema) },
  // The review's schedule: one that does not check is left out and the review starts afresh, as the library does with a damaged one.
  { matches: (steps) => steps.length === 1 && steps[0] === REVIEW_FILE, derived: true, decode: (text, path) => decodeJson(path, REVIEW_FILE, text, reviewFormat) },
];

/** The largest store file read: the store itself reads a larger one as damaged. */
export const MAX_STORE_FILE_BYTES = DEFAULT_LIMITS.maxFileBytes;

/** `why` is a clause naming the file: "articles/x/annotations.json is damaged (not valid JSON)". */
export type StoreFileVerdict = { status: 'good' } | { status: 'left out' } | { status: 'refused'; why: string };

/** The store file an archive path names, or null when it has no schema (article HTML, images). */
export function storeFileAt(path: string): StoreFile | null {
  const steps = path.split('/');
  return STORE_FILES.find((file) => file.matches(steps)) ?? null;
}

/** Judges one store file's text (null: larger than MAX_STORE_FILE_BYTES). */
export function judgeStoreFile(file: StoreFile, path: string, text: string | null): StoreFileVerdict {
  let why: string | null = null;
  if (text === null) why = `${path} is damaged (too large)`;
  else {
    try {
      file.decode(text, path);
    } catch (error) {
      if (error instanceof NewerFormatError) why = `${path} was saved by a newer version of Margin`;
      else if (error instanceof DamagedFileError) why = `${path} is damaged (${error.damage})`;
      else throw error;
    }
  }
  if (why === null) return { status: 'good' };
  return file.derived ? { status: 'left out' } : { status: 'refused', why };
}
