// review.json: what the daily highlight review remembers (DESIGN.md, "Data on disk"): how many
// highlights a day, the day's chosen highlights (so the view shows the same ones all day), and
// per highlight when it was last shown, when it comes back and what the person said. It goes
// through the library's checked store like every other file; a damaged one is kept aside and
// put back from its newest good backup, or started afresh: the review is a convenience, never a
// reason the library will not open.
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_REVIEW_PER_DAY, DaySchema, MAX_REVIEW_PER_DAY, ReviewFeedbackSchema, ReviewPerDaySchema } from '../../shared/daily-review';
import type { Library } from '../library/library';
import type { JsonObject, MigrationPath } from '../library/migrations';
import type { Rebuilder, StoredDocument } from '../library/stored-document';
import { MAX_STEP_DAYS } from './schedule';

export const REVIEW_FILE = 'review.json';
export const REVIEW_SCHEMA_VERSION = 2;
// 1 -> 2: the day's highlights remember the schedule each had before it was chosen; a day chosen
// by version 1 has none to give back.
const REVIEW_MIGRATIONS: MigrationPath = {
  version: REVIEW_SCHEMA_VERSION,
  steps: [(file) => ({ ...file, schemaVersion: 2, today: isObject(file.today) ? { ...file.today, before: {} } : file.today })],
};

const EntrySchema = z.object({
  articleId: z.uuid(),
  shown: DaySchema,
  step: z.number().int().min(1).max(MAX_STEP_DAYS),
  due: DaySchema.nullable(),
  feedback: ReviewFeedbackSchema.nullable(),
});

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const ReviewFileSchema = z.object({
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  perDay: ReviewPerDaySchema.default(DEFAULT_REVIEW_PER_DAY),
  /** The day's highlights, chosen when the review is first opened that day. */
  today: z
    .object({
      day: DaySchema,
      ids: z.array(z.uuid()).max(MAX_REVIEW_PER_DAY),
      /**
       * Each of the day's highlights as it was before the day chose it (null: never shown), so
       * lowering the number the same day can give back its schedule.
       */
      before: z.record(z.uuid(), EntrySchema.nullable()).default({}),
    })
    .nullable()
    .default(null),
  highlights: z.record(z.uuid(), EntrySchema).default({}),
});
export type ReviewFile = z.infer<typeof ReviewFileSchema>;

export const reviewFormat = { schema: ReviewFileSchema, migrations: REVIEW_MIGRATIONS };

export const emptyReview = (): ReviewFile => ({ schemaVersion: REVIEW_SCHEMA_VERSION, perDay: DEFAULT_REVIEW_PER_DAY, today: null, highlights: {} });

export const reviewFile = (dataDir: string) => join(dataDir, REVIEW_FILE);

/** A damaged review.json with no good backup starts afresh rather than stopping the review. */
const afresh: Rebuilder<ReviewFile> = {
  available: () => Promise.resolve(false),
  build: (backup) =>
    Promise.resolve(
      backup === null
        ? { value: emptyReview(), how: 'started the highlight review afresh, so highlights you reviewed may come back sooner' }
        : { value: backup.value, how: `restored the backup from ${backup.when}, so reviews after that time are missing` },
    ),
};

export function openReviewFile(library: Library): Promise<StoredDocument<ReviewFile>> {
  return library.openFile(reviewFile(library.dataDir), reviewFormat, emptyReview, 'The highlight review file (review.json)', afresh);
}
