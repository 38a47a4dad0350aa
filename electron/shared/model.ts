// The records Margin keeps, as zod schemas: every file read from disk and every IPC input is
// parsed through these, so a type here is also a runtime check.
import { z } from 'zod';
import { isStorableDateTime } from './iso-date';
import { isWebAddress } from './web-address';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const ColorSchema = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof ColorSchema>;

/** How many characters of context a quote selector keeps on each side. */
export const QUOTE_CONTEXT_LENGTH = 32;
export const MAX_NOTE_LENGTH = 100_000;
export const MAX_QUOTE_LENGTH = 200_000;

const STORABLE_DATE = { error: 'expected a date in the years 1 to 9999' };
const IsoDate = z.iso.datetime({ offset: true, ...STORABLE_DATE }).refine(isStorableDateTime, STORABLE_DATE);

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(QUOTE_CONTEXT_LENGTH),
  suffix: z.string().max(QUOTE_CONTEXT_LENGTH),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end > p.start, { message: 'end must be after start' });

export const SelectorsSchema = z.object({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});
export type Selectors = z.infer<typeof SelectorsSchema>;

export const MAX_TAG_LENGTH = 64;
/** A tag as a person types it, without the leading #; letters, digits, -, _ and / (nested tags). */
export const TagSchema = z
  .string()
  .min(1)
  .max(MAX_TAG_LENGTH)
  .regex(/^[\p{L}\p{N}_\-/]+$/u, { error: 'A tag is letters, digits, -, _ or /, without spaces.' });

/**
 * Set when a new revision of the article left a highlight uncertain: its words changed (fuzzy,
 * below the review line) or were not found (orphaned). Cleared when the person accepts,
 * re-attaches or deletes it.
 */
export const ReviewSchema = z.object({
  status: z.enum(['fuzzy', 'orphaned']),
  confidence: z.number().min(0).max(1),
  /** The best place found in the new text, for the person to accept. */
  candidate: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), confidence: z.number().min(0).max(1) }).nullable(),
  revision: z.number().int().positive(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const AnnotationSchema = z.object({
  id: z.uuid(),
  articleId: z.uuid(),
  color: ColorSchema,
  note: z.string().max(MAX_NOTE_LENGTH),
  tags: z.array(TagSchema).default([]),
  target: SelectorsSchema,
  review: ReviewSchema.nullable().default(null),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Annotation = z.infer<typeof AnnotationSchema>;

export const ArticleFormatSchema = z.enum(['text', 'html', 'markdown']);
export const ARTICLE_STATES = ['reading', 'archived', 'trash'] as const;
export const ArticleStateSchema = z.enum(ARTICLE_STATES);
export type ArticleState = z.infer<typeof ArticleStateSchema>;

export const ArticleMetaSchema = z.object({
  id: z.uuid(),
  title: z.string().min(1),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  /** A web (http or https) address only: anything else an older Margin stored is read as unknown, so nothing shows or exports it. */
  sourceUrl: z
    .string()
    .nullable()
    .transform((value) => (value !== null && isWebAddress(value) ? value : null)),
  /** The file's name as the person knows it. */
  sourceFile: z.string().nullable(),
  /** The file's absolute path when imported from disk, to recognise a re-import of the same file. */
  sourcePath: z.string().nullable().default(null),
  publishedAt: z.string().nullable().default(null),
  language: z.string().nullable().default(null),
  direction: z.enum(['ltr', 'rtl']).nullable().default(null),
  format: ArticleFormatSchema,
  /** The first sentences, for the library list and exports; null for articles stored before it was kept. */
  excerpt: z.string().nullable().default(null),
  wordCount: z.number().int().nonnegative(),
  state: ArticleStateSchema.default('reading'),
  /** Article tags, separate from the tags on highlights. */
  tags: z.array(TagSchema).default([]),
  trashedAt: IsoDate.nullable().default(null),
  /** Where an article in the trash was before (reading or the archive), for Restore to put it back; null elsewhere, and for articles trashed before it was kept. */
  trashedFrom: z.enum(['reading', 'archived']).nullable().default(null),
  lastReadAt: IsoDate.nullable().default(null),
  /** How far the person has read, 0 to 1. */
  progress: z.number().min(0).max(1).default(0),
  /** 1 for the first import; each re-import (update) adds one and keeps the old body. */
  revision: z.number().int().positive().default(1),
  importedAt: IsoDate,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export const FigureSchema = z.object({
  caption: z.string(),
  credit: z.string().nullable(),
  image: z.string().nullable(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** What a newly imported article starts with, beside what its importer found. */
export function newArticleState(): Pick<ArticleMeta, 'state' | 'tags' | 'trashedAt' | 'trashedFrom' | 'lastReadAt' | 'progress' | 'revision'> {
  return { state: 'reading', tags: [], trashedAt: null, trashedFrom: null, lastReadAt: null, progress: 0, revision: 1 };
}

/** One row of the library list. */
export interface ArticleSummary {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  excerpt: string | null;
  importedAt: string;
  wordCount: number;
  highlightCount: number;
  state: ArticleState;
  /** Where Restore puts an article in the trash back. */
  trashedFrom: ArticleMeta['trashedFrom'];
  tags: string[];
  lastReadAt: string | null;
  progress: number;
}

/** Everything the reader needs to show one article. */
export interface ArticleView {
  meta: ArticleMeta;
  /** Sanitized article body; the renderer sanitizes it once more before it enters the DOM. */
  html: string;
  annotations: Annotation[];
  articleNote: string;
}

export type ColorLabels = Partial<Record<HighlightColor, string>>;

/** Where an article came from, in one line for a person: the URL when known, else the file. */
export function articleSource(meta: Pick<ArticleMeta, 'sourceUrl' | 'sourceFile'>): string | null {
  return meta.sourceUrl ?? meta.sourceFile;
}
