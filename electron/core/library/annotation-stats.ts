// What the library list needs from each article's annotations (how many highlights, which tags
// they carry), kept so that listing a library of a thousand articles does not read, validate and
// hold a hundred thousand highlights. Each entry names the version of the annotations file it was
// taken from (its signature: device, inode, size, modification time; a durable write makes a new
// inode), so an entry is used only while that very file is on disk: a file changed by another
// process, put back from a backup or edited by hand is simply read again.
//
// The entries are saved beside library.json as derived data, only by a library holding the write
// lock for its lifetime (the app; a reader writes nothing). The file goes through the store's
// adapter, checked with zod both ways; a missing or damaged one costs one read of every
// annotations file, never a wrong count.
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { FileWriter } from './durable-write';
import { ValidatedJsonAdapter } from './validated-json-adapter';

export const ANNOTATION_STATS_FILE = 'annotation-stats.json';
const FORMAT = 'margin-annotation-stats';
const VERSION = 1;

export interface AnnotationStats {
  /** The annotations file's signature when these were taken; null when it did not exist. */
  signature: string | null;
  count: number;
  /** The distinct tags on the article's highlights, sorted. */
  tags: string[];
}

// A tuple per article rather than an object: the keys would be most of the file.
const EntrySchema = z.tuple([z.string().min(1).nullable(), z.number().int().nonnegative(), z.array(z.string())]);
export const StatsFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  articles: z.record(z.string(), EntrySchema),
});
type StatsFile = z.infer<typeof StatsFileSchema>;

export function statsOf(signature: string | null, annotations: readonly { tags: readonly string[] }[]): AnnotationStats {
  const tags = new Set<string>();
  for (const annotation of annotations) for (const tag of annotation.tags) tags.add(tag);
  return { signature, count: annotations.length, tags: [...tags].sort() };
}

export const annotationStatsFile = (dataDir: string): string => join(dataDir, ANNOTATION_STATS_FILE);

const statsAdapter = (dataDir: string, writer?: FileWriter) =>
  new ValidatedJsonAdapter<StatsFile>(annotationStatsFile(dataDir), { schema: StatsFileSchema, compact: true }, writer === undefined ? {} : { writer });

/** The saved entries, or none when the file is missing, unreadable or not of this shape. */
export async function readAnnotationStats(dataDir: string): Promise<Map<string, AnnotationStats>> {
  const file = await statsAdapter(dataDir)
    .read()
    .catch(() => null);
  return new Map(Object.entries(file?.articles ?? {}).map(([id, [signature, count, tags]]) => [id, { signature, count, tags }]));
}

export async function writeAnnotationStats(dataDir: string, stats: ReadonlyMap<string, AnnotationStats>, writer: FileWriter): Promise<void> {
  const articles: StatsFile['articles'] = {};
  for (const [id, { signature, count, tags }] of stats) articles[id] = [signature, count, tags];
  await new Low(statsAdapter(dataDir, writer), { format: FORMAT, version: VERSION, articles }).write();
}
