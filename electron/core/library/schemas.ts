// The shapes of the library's files on disk.
import { z } from 'zod';
import { AnnotationSchema, ArticleMetaSchema } from '../../shared/model';

export const LIBRARY_SCHEMA_VERSION = 1;

export const LibraryFileSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  articles: z.array(ArticleMetaSchema),
  settings: z.object({
    /** Set once the sample article has been offered, so deleting it later does not bring it back. */
    sampleAdded: z.boolean(),
  }),
});
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

export const AnnotationsFileSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  articleId: z.uuid(),
  /** The person's note on the article as a whole (Markdown). */
  articleNote: z.string().default(''),
  annotations: z.array(AnnotationSchema),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFileSchema>;

export const emptyLibrary = (): LibraryFile => ({
  schemaVersion: LIBRARY_SCHEMA_VERSION,
  articles: [],
  settings: { sampleAdded: false },
});
