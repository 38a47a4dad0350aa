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
  'article:import-files': z.object({}).strict(),
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

export interface ImportReport {
  imported: Pick<ArticleMeta, 'id' | 'title'>[];
  /** One sentence per file that could not be imported. */
  errors: string[];
}

export interface ChannelOutputs {
  'library:list': ArticleSummary[];
  'article:open': ArticleView;
  'article:import-files': ImportReport;
  'annotation:create': Annotation;
  'annotation:update': Annotation;
  'annotation:delete': { id: string };
  /** The file written, or null when the person cancelled the save dialog. */
  'export:markdown': { path: string | null };
}

export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];
