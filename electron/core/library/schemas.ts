// The shapes of the library's files on disk, and the migration path of each.
import { z } from 'zod';
import { AnnotationSchema, ArticleMetaSchema, ColorSchema } from '../../shared/model';
import type { MigrationPath } from './migrations';

export const LIBRARY_SCHEMA_VERSION = 1;
export const ANNOTATIONS_SCHEMA_VERSION = 1;

export const LibraryFileSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  articles: z.array(ArticleMetaSchema),
  /**
   * Whether every listed article's folder holds its own meta.json, so a damaged list can be
   * rebuilt from the folders. Absent (false) in libraries written before those files existed, or
   * by a Margin that did not keep them; the store then writes them once under the write lock.
   */
  foldersHoldMeta: z.boolean().default(false),
  settings: z.object({
    /** Set once the sample article has been offered, so deleting it later does not bring it back. */
    sampleAdded: z.boolean(),
    /** The person's names for the highlight colours ("yellow" = "key point"). */
    colorLabels: z.partialRecord(ColorSchema, z.string().max(40)).default({}),
    /** Spell checking on Linux, where it downloads a dictionary; off until the person turns it on. */
    spellcheck: z.boolean().default(false),
  }),
});
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

export const AnnotationsFileSchema = z.object({
  schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
  articleId: z.uuid(),
  /** The person's note on the article as a whole (Markdown). */
  articleNote: z.string().default(''),
  annotations: z.array(AnnotationSchema),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFileSchema>;

export const ARTICLE_META_SCHEMA_VERSION = 1;

/** articles/<id>/meta.json: the article's entry in library.json, kept in its folder too. */
export const ArticleMetaFileSchema = z.object({
  schemaVersion: z.literal(ARTICLE_META_SCHEMA_VERSION),
  article: ArticleMetaSchema,
});
export type ArticleMetaFile = z.infer<typeof ArticleMetaFileSchema>;

/** One article's file: a meta.json that names another article is damaged. */
export const articleMetaFileSchemaFor = (articleId: string) => ArticleMetaFileSchema.refine((file) => file.article.id === articleId);

/** One article's file: a file that names another article, or holds its highlights, is damaged. */
export const annotationsFileSchemaFor = (articleId: string) =>
  AnnotationsFileSchema.refine((file) => file.articleId === articleId && file.annotations.every((a) => a.articleId === articleId));

// Each list holds one pure step per version after the first (steps[0] turns 1 into 2); a change to
// a shape above bumps its version and adds a step, with its own test.
export const LIBRARY_MIGRATIONS: MigrationPath = { version: LIBRARY_SCHEMA_VERSION, steps: [] };
export const ANNOTATIONS_MIGRATIONS: MigrationPath = { version: ANNOTATIONS_SCHEMA_VERSION, steps: [] };
export const ARTICLE_META_MIGRATIONS: MigrationPath = { version: ARTICLE_META_SCHEMA_VERSION, steps: [] };

export const emptyLibrary = (): LibraryFile => ({
  schemaVersion: LIBRARY_SCHEMA_VERSION,
  articles: [],
  foldersHoldMeta: true,
  settings: { sampleAdded: false, colorLabels: {}, spellcheck: false },
});

export const emptyAnnotations = (articleId: string): AnnotationsFile => ({
  schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
  articleId,
  articleNote: '',
  annotations: [],
});
