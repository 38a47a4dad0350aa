// Reads a stored JSON file into a checked value, and says in a few words what is wrong when it
// cannot: an empty file, a cut-off or garbled one, or one whose contents have the wrong shape.
import type { z } from 'zod';
import { migrate, type MigrationPath } from './migrations';

export type Damage = 'empty' | 'not valid JSON' | 'unexpected contents' | 'too large';

/** The file exists but cannot be used as it is; the store looks for a backup. */
export class DamagedFileError extends Error {
  override name = 'DamagedFileError';
  constructor(
    readonly path: string,
    readonly damage: Damage,
    /** Where in the file, for a log line; the person is told only `damage`. */
    readonly detail = '',
  ) {
    super(`${path} is damaged (${damage})`);
  }
}

export interface JsonFormat<T> {
  schema: z.ZodType<T>;
  /** For files that carry a `schemaVersion` and are brought up to date when read. */
  migrations?: MigrationPath;
  /** Written without indentation: derived files that nobody reads by eye and that would grow by a third. */
  compact?: boolean;
}

export function decodeJson<T>(path: string, fileName: string, text: string, format: JsonFormat<T>): T {
  if (text.trim() === '') throw new DamagedFileError(path, 'empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DamagedFileError(path, 'not valid JSON', (error as Error).message);
  }
  const current = format.migrations === undefined ? json : migrate(json, format.migrations, fileName);
  const parsed = current === null ? null : format.schema.safeParse(current);
  if (parsed === null || !parsed.success) {
    const issue = parsed?.error.issues[0];
    throw new DamagedFileError(path, 'unexpected contents', issue === undefined ? '' : `at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export const encodeJson = (value: unknown, compact = false): string => (compact ? JSON.stringify(value) : `${JSON.stringify(value, null, 2)}\n`);
