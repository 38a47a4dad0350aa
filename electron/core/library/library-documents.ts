// Opens one JSON file of the library as a stored document: checked with its schema both ways,
// written durably with backups taken on the way, bounded in size, repaired when found damaged.
import { BackupSet, type BackupPolicy } from './backups';
import type { FileWriter } from './durable-write';
import type { StoreLimits } from './limits';
import { StoredDocument, type Rebuilder, type WriteGuard } from './stored-document';
import { ValidatedJsonAdapter } from './validated-json-adapter';

export interface DocumentSettings {
  dataDir: string;
  writer: FileWriter;
  limits: StoreLimits;
  backupPolicy: BackupPolicy;
  clock: () => Date;
  /** Repairs of a damaged file run under the write lock; they say what went wrong themselves. */
  guard: WriteGuard;
  notify: (sentence: string) => void;
}

export interface DocumentSpec<T> {
  path: string;
  format: ValidatedJsonAdapter<T>['format'];
  empty: () => T;
  /** How the person knows the file, at the start of a sentence. */
  label: string;
  tooLargeMessage: string;
  rebuild?: Rebuilder<T> | undefined;
}

export function openLibraryDocument<T>(settings: DocumentSettings, spec: DocumentSpec<T>): Promise<StoredDocument<T>> {
  const { dataDir, writer, limits, backupPolicy, clock, guard, notify } = settings;
  const backups = new BackupSet(spec.path, writer, backupPolicy.keep, clock);
  const file = new ValidatedJsonAdapter(spec.path, spec.format, {
    writer,
    backups,
    backupEvery: backupPolicy.every,
    maxBytes: limits.maxFileBytes,
    tooLargeMessage: spec.tooLargeMessage,
  });
  return StoredDocument.open({
    file,
    backups,
    empty: spec.empty,
    dataDir,
    label: spec.label,
    guard,
    writer,
    notify,
    clock,
    ...(spec.rebuild === undefined ? {} : { rebuild: spec.rebuild }),
  });
}
