// The IPC contract: for each channel, the zod schema its input must pass and the type of the
// value it answers with. The handler table (core), the preload and the renderer all read it.
import { z } from 'zod';
import type { Channel } from './channels';
import {
  ColorSchema,
  MAX_NOTE_LENGTH,
  SelectorsSchema,
  type Annotation,
  type ArticleMeta,
  type ArticleSummary,
  type ArticleView,
} from './model';

const Id = z.uuid();

export const inputSchemas = {
  'library:list': z.object({}).strict(),
  'article:open': z.object({ id: Id }).strict(),
  'dialog:choose-import-files': z.object({}).strict(),
  'article:import': z
    .object({
      /** A file path or an http(s) address. */
      source: z.string().min(1).max(10_000),
      /** What to do when the same file or address is already in the library. */
      ifExists: z.enum(['ask', 'new']).default('ask'),
    })
    .strict(),
  'annotation:create': z
    .object({
      articleId: Id,
      color: ColorSchema,
      note: z.string().max(MAX_NOTE_LENGTH).default(''),
      target: SelectorsSchema,
    })
    .strict(),
  'annotation:update': z
    .object({
      articleId: Id,
      id: Id,
      color: ColorSchema.optional(),
      note: z.string().max(MAX_NOTE_LENGTH).optional(),
    })
    .strict(),
  'annotation:delete': z.object({ articleId: Id, id: Id }).strict(),
  'export:markdown': z.object({ articleId: Id.nullable() }).strict(),
} satisfies Record<Channel, z.ZodType>;

export interface ImageSummary {
  saved: number;
  missed: number;
  problems: string[];
}

export type ImportOutcome =
  | { status: 'imported'; article: Pick<ArticleMeta, 'id' | 'title'>; images: ImageSummary }
  | { status: 'exists'; existing: Pick<ArticleMeta, 'id' | 'title'> };

export interface ChannelOutputs {
  'library:list': ArticleSummary[];
  'article:open': ArticleView;
  'dialog:choose-import-files': { paths: string[] };
  'article:import': ImportOutcome;
  'annotation:create': Annotation;
  'annotation:update': Annotation;
  'annotation:delete': { id: string };
  /** The file written, or null when the person cancelled the save dialog. */
  'export:markdown': { path: string | null };
}

export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];
