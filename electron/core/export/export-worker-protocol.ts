// The messages between the main process and the export worker. Both ends are Margin's own code
// in one process, so the job's articles are checked for shape only: a full parse of 100,000
// highlights would cost more than writing them.
import { z } from 'zod';
import type { ExportArticle } from './export-article';
import { SINGLE_FILE_FORMATS } from './single-file-export';

export const WorkerJobSchema = z.object({
  job: z.object({
    format: z.enum(SINGLE_FILE_FORMATS),
    articles: z.custom<ExportArticle[]>((value) => Array.isArray(value)),
    exportedAt: z.string(),
    csvExact: z.boolean(),
    collectionId: z.uuid().optional(),
  }),
  target: z.string().min(1),
  temp: z.string().min(1),
});
export type WorkerJob = z.infer<typeof WorkerJobSchema>;

export const WorkerReportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('progress'), done: z.number(), total: z.number() }),
  /** The temp file is complete, fsync'd and closed; the main process puts it in place. */
  z.object({ kind: z.literal('written') }),
  /** `code` is the disk's error code when there was one; `sentence` a message already in words. */
  z.object({ kind: z.literal('failed'), message: z.string(), code: z.string().nullable(), sentence: z.boolean() }),
]);
export type WorkerReport = z.infer<typeof WorkerReportSchema>;
