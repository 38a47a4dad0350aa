// The IPC contract: for each channel, the zod schema its input must pass and the type of the
// value it answers with. The handler table (core), the preload and the renderer all read it.
import { z } from 'zod';
import type { Channel } from './channels';
import { ReviewFeedbackSchema, ReviewPerDaySchema, type ReviewCard, type ReviewDay } from './daily-review';
import type { ImageSummary } from './image-summary';
import { MAX_PASTED_TEXT_BYTES } from './pasted-text';
import {
  AnnotationSchema,
  ArticleStateSchema,
  ColorSchema,
  MAX_NOTE_LENGTH,
  ReviewSchema,
  SelectorsSchema,
  TagSchema,
  type Annotation,
  type ArticleMeta,
  type ArticleSummary,
  type ArticleView,
  type ColorLabels,
} from './model';

const Id = z.uuid();
const Ids = z.array(Id).min(1).max(100_000).nullable();
const Note = z.string().max(MAX_NOTE_LENGTH);
export const ExportFormatSchema = z.enum(['markdown', 'csv', 'jsonld', 'html', 'json']);
export type ExportFormatName = z.infer<typeof ExportFormatSchema>;
const ExportChoices = {
  /** With no articles named: the trash too, not only the reading list and the archive. */
  includeTrash: z.boolean().default(false),
  /** Readwise CSV exactly as Readwise reads it: cells that look like formulas are not defused. */
  csvExact: z.boolean().default(false),
};

export const inputSchemas = {
  'library:list': z.object({}).strict(),
  'library:settings': z.object({}).strict(),
  'library:set-color-label': z.object({ color: ColorSchema, label: z.string().max(40) }).strict(),
  'library:set-spellcheck': z.object({ on: z.boolean() }).strict(),
  'library:empty-trash': z.object({}).strict(),
  'library:backup': z.object({}).strict(),
  'article:open': z.object({ id: Id }).strict(),
  'article:update': z
    .object({
      id: Id,
      state: ArticleStateSchema.optional(),
      tags: z.array(TagSchema).max(100).optional(),
      progress: z.number().min(0).max(1).optional(),
      /** Opening an article marks it read now. */
      opened: z.boolean().optional(),
    })
    .strict(),
  'article:set-note': z.object({ id: Id, note: Note }).strict(),
  'article:reimport': z.object({ id: Id, fetchImages: z.boolean().default(false) }).strict(),
  'dialog:choose-import-files': z.object({}).strict(),
  'article:import': z
    .object({
      /** A file path or an http(s) address. */
      source: z.string().min(1).max(10_000),
      /** What to do when the same file or address is already in the library. */
      ifExists: z.enum(['ask', 'new', 'update']).default('ask'),
      /** Whether a file's web images may be fetched (a web address's always are). */
      fetchImages: z.boolean().default(false),
    })
    .strict(),
  /** Text the person pasted, to become an article as a .txt capture does (its byte cap is checked by the handler). */
  'article:import-text': z.object({ text: z.string().max(MAX_PASTED_TEXT_BYTES) }).strict(),
  'annotation:create': z
    .object({
      id: Id.optional(),
      articleId: Id,
      color: ColorSchema,
      note: Note.default(''),
      tags: z.array(TagSchema).max(100).default([]),
      target: SelectorsSchema,
    })
    .strict(),
  'annotation:update': z
    .object({
      articleId: Id,
      id: Id,
      color: ColorSchema.optional(),
      note: Note.optional(),
      tags: z.array(TagSchema).max(100).optional(),
      target: SelectorsSchema.optional(),
      /** null: the person has reviewed this highlight after a revision; a review puts it back (undo). */
      review: ReviewSchema.nullable().optional(),
    })
    .strict(),
  'annotation:delete': z.object({ articleId: Id, id: Id }).strict(),
  'annotation:restore': z.object({ annotation: AnnotationSchema }).strict(),
  'annotations:import': z.object({}).strict(),
  'library:search': z.object({ query: z.string().min(1).max(500) }).strict(),
  'export:preview': z.object({ format: ExportFormatSchema, articleIds: Ids, ...ExportChoices }).strict(),
  'export:save': z.object({ format: ExportFormatSchema, articleIds: Ids, perArticle: z.boolean().default(false), ...ExportChoices }).strict(),
  /** Answers once the export's status has changed from the version the page last saw (-1: at once). */
  'export:progress': z.object({ after: z.number().int().min(-1) }).strict(),
  'export:cancel': z.object({}).strict(),
  /** The day is the main process's (its clock), not the page's. */
  'review:open': z.object({}).strict(),
  'review:mark': z.object({ id: Id, feedback: ReviewFeedbackSchema }).strict(),
  'review:set-per-day': z.object({ perDay: ReviewPerDaySchema }).strict(),
} satisfies Record<Channel, z.ZodType>;

export type { ImageSummary } from './image-summary';

/** How a new revision left the article's highlights. */
export interface RevisionSummary {
  revision: number;
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  /** Highlights listed under "Needs review". */
  needsReview: number;
}

export type ImportOutcome =
  | { status: 'imported'; article: Pick<ArticleMeta, 'id' | 'title'>; images: ImageSummary; notes: string[] }
  | { status: 'updated'; article: Pick<ArticleMeta, 'id' | 'title'>; images: ImageSummary; notes: string[]; revision: RevisionSummary }
  | { status: 'exists'; existing: Pick<ArticleMeta, 'id' | 'title'> };

export interface LibrarySettings {
  colorLabels: ColorLabels;
  /** Every tag used on a highlight, for autocomplete. */
  highlightTags: string[];
  /** Sentences about repairs the store made (a damaged file put back from its backup). */
  notices: string[];
  /**
   * Spell checking: on or off (on Linux, as the person chose it; a change applies from the next
   * start), and whether it is theirs to choose (Linux, where it downloads a dictionary; elsewhere
   * the system's checker needs no download).
   */
  spellcheck: { on: boolean; choosable: boolean };
}

/** One article found by a search, with its best matching places (offsets into its text). */
export interface SearchHit {
  articleId: string;
  title: string;
  matchCount: number;
  matches: { kind: 'title' | 'text' | 'highlight' | 'note'; annotationId?: string; start: number; end: number; snippet: { before: string; match: string; after: string } }[];
}

/**
 * A search's answer. While the index is still being built (the first start over a library
 * without one), `hits` come from the articles indexed so far and `indexing` says how far it has
 * got: `done` of `total` articles; null once the index holds the whole library.
 */
export interface SearchAnswer {
  hits: SearchHit[];
  indexing: { done: number; total: number } | null;
}

export interface ExportPreview {
  files: number;
  firstName: string;
  /** The first lines of the first file. */
  preview: string;
  /** One sentence per article left out because Margin cannot read it. */
  skipped: string[];
}

/** The export being made: articles written of total (0 until the file is being written). */
export interface ExportStatus {
  running: boolean;
  done: number;
  total: number;
  /** Changes with every change of the status. */
  version: number;
}

export interface ChannelOutputs {
  'library:list': ArticleSummary[];
  'library:settings': LibrarySettings;
  'library:set-color-label': LibrarySettings;
  'library:set-spellcheck': LibrarySettings;
  'library:empty-trash': { deleted: number };
  /** The archive written, or null when the person cancelled. */
  'library:backup': { path: string | null; files: number };
  'article:open': ArticleView;
  'article:update': ArticleSummary;
  'article:set-note': { note: string };
  'article:reimport': RevisionSummary;
  'dialog:choose-import-files': { paths: string[] };
  'article:import': ImportOutcome;
  'article:import-text': ImportOutcome;
  'annotation:create': Annotation;
  'annotation:update': Annotation;
  'annotation:delete': { id: string };
  'annotation:restore': Annotation;
  /** null when the person cancelled the open dialog. */
  'annotations:import': { attached: number; alreadyThere: number; problems: string[]; notes: string[] } | null;
  'library:search': SearchAnswer;
  'export:preview': ExportPreview;
  /** The files written, or null when the person cancelled the save dialog or the export (`cancelled`); images copied beside them. */
  'export:save': { paths: string[] | null; cancelled?: boolean; images?: number; missingImages?: number; skipped?: string[] };
  'export:progress': ExportStatus;
  /** Whether there was an export to cancel. */
  'export:cancel': { cancelled: boolean };
  'review:open': ReviewDay;
  'review:mark': ReviewCard;
  'review:set-per-day': ReviewDay;
}

export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];
