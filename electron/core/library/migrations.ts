// Brings a file written by an older Margin up to the current shape, one pure step per version, so
// each step can be tested alone and an old library is never read as a damaged one. Migration
// packages (umzug and the like) keep their state in a database; here the version is in the file
// and a step is a plain function over parsed JSON, which needs no package.
import { UserError } from '../errors';

export type JsonObject = Record<string, unknown>;

/** Takes a file of version n (parsed JSON) and returns it as version n + 1, without side effects. */
export type Migration = (file: Readonly<JsonObject>) => JsonObject;

/** A file format: its current version and the steps from version 1 up to it (steps[0]: 1 -> 2). */
export interface MigrationPath {
  readonly version: number;
  readonly steps: readonly Migration[];
}

/** A file saved by a newer Margin: not damaged, so it is neither repaired nor replaced. */
export class NewerFormatError extends UserError {}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The file at the current version, or null when it has no version Margin knows (the caller treats
 * that as damage). Throws NewerFormatError for a version beyond the current one.
 */
export function migrate(json: unknown, path: MigrationPath, fileName: string): JsonObject | null {
  if (path.steps.length !== path.version - 1) throw new Error(`${fileName}: ${path.steps.length} migration steps for version ${path.version}`);
  if (!isObject(json)) return null;
  const from = json.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return null;
  if (from > path.version) {
    throw new NewerFormatError(`${fileName} was saved by a newer version of Margin (format ${from}); update Margin to open it.`);
  }
  let file: JsonObject = json;
  for (let version = from; version < path.version; version += 1) {
    const step = path.steps[version - 1];
    if (step === undefined) return null;
    file = step(file);
    if (file.schemaVersion !== version + 1) throw new Error(`${fileName}: the migration from version ${version} did not set version ${version + 1}`);
  }
  return file;
}
