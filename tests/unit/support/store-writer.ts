// Runs tests/crash/store-writer.ts as a separate process and reads what it acknowledged.
import { join } from 'node:path';
import { expect } from 'vitest';
import { Library } from '../../../electron/core/library/library';
import { buildNodeScript, runNodeScript, type BuiltScript, type RunningScript } from './node-script';
import { repoRoot } from './paths';

export interface WriterJob {
  dataDir: string;
  /** session: hold the write lock throughout, like the app; per-change: lock each save, like a library opened without a lock. */
  mode: 'session' | 'per-change';
  /** How many highlights to save; 0 saves until killed. */
  count: number;
  waitMs: number;
  /** Every this many highlights, also import an article (0: never). */
  articleEvery: number;
  tag: string;
  /** Wait after "ready" for a line "go" on stdin, so that two writers start saving together. */
  waitForGo?: boolean;
  /** Where its choice of article and passage starts (the same seed, the same highlights). */
  seed?: number;
}

export const buildStoreWriter = (): Promise<BuiltScript> => buildNodeScript(join(repoRoot, 'tests/crash/store-writer.ts'));

export const startStoreWriter = (script: BuiltScript, job: WriterJob): RunningScript => runNodeScript(script.path, [JSON.stringify({ waitForGo: false, seed: 1, ...job })]);

export interface Acknowledged {
  articles: string[];
  highlights: { articleId: string; id: string }[];
}

export function acknowledged(lines: readonly string[], into: Acknowledged = { articles: [], highlights: [] }): Acknowledged {
  for (const line of lines) {
    const [kind, first, second] = line.split(' ');
    if (kind === 'article' && first !== undefined) into.articles.push(first);
    if (kind === 'highlight' && first !== undefined && second !== undefined) into.highlights.push({ articleId: first, id: second });
  }
  return into;
}

/** Opens the library as a reader would and checks it is whole: no repair needed, every acknowledged record there. */
export async function expectLibraryHolds(dataDir: string, acked: Acknowledged): Promise<void> {
  const library = await Library.open(dataDir);
  await library.summaries();
  expect(library.notices).toEqual([]);
  const listed = new Set(library.articles().map((a) => a.id));
  expect(acked.articles.filter((id) => !listed.has(id))).toEqual([]);
  const stored = new Set<string>();
  for (const id of listed) for (const annotation of await library.annotations(id)) stored.add(annotation.id);
  expect(acked.highlights.filter((h) => !stored.has(h.id))).toEqual([]);
}
