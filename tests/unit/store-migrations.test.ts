import { describe, expect, it } from 'vitest';
import { NewerFormatError, migrate, type Migration, type MigrationPath } from '../../electron/core/library/migrations';
import {
  ANNOTATIONS_MIGRATIONS,
  ANNOTATIONS_SCHEMA_VERSION,
  LIBRARY_MIGRATIONS,
  LIBRARY_SCHEMA_VERSION,
} from '../../electron/core/library/schemas';

// A made-up format history, to test the runner apart from Margin's (which has no step yet).
const renameTitle: Migration = (file) => {
  const { name, ...rest } = file;
  return { ...rest, schemaVersion: 2, title: name };
};
const addTags: Migration = (file) => ({ ...file, schemaVersion: 3, tags: [] });
const history: MigrationPath = { version: 3, steps: [renameTitle, addTags] };

describe('migrations', () => {
  it('each of Margin’s formats has one step per version after the first', () => {
    expect(LIBRARY_MIGRATIONS).toEqual({ version: LIBRARY_SCHEMA_VERSION, steps: [] });
    expect(ANNOTATIONS_MIGRATIONS).toEqual({ version: ANNOTATIONS_SCHEMA_VERSION, steps: [] });
    expect(LIBRARY_MIGRATIONS.steps).toHaveLength(LIBRARY_SCHEMA_VERSION - 1);
    expect(ANNOTATIONS_MIGRATIONS.steps).toHaveLength(ANNOTATIONS_SCHEMA_VERSION - 1);
  });

  it('a current file passes through unchanged', () => {
    const file = { schemaVersion: 1, articles: [] };
    expect(migrate(file, LIBRARY_MIGRATIONS, 'library.json')).toBe(file);
  });

  it('each step is pure and turns version n into n + 1', () => {
    const v1 = Object.freeze({ schemaVersion: 1, name: 'A' });
    const v2 = renameTitle(v1);
    expect(v2).toEqual({ schemaVersion: 2, title: 'A' });
    expect(v1).toEqual({ schemaVersion: 1, name: 'A' });
    const frozen = Object.freeze(v2);
    expect(addTags(frozen)).toEqual({ schemaVersion: 3, title: 'A', tags: [] });
    expect(frozen).toEqual({ schemaVersion: 2, title: 'A' });
  });

  it('runs the steps from the file’s version up to the current one', () => {
    expect(migrate({ schemaVersion: 1, name: 'A' }, history, 'x.json')).toEqual({ schemaVersion: 3, title: 'A', tags: [] });
    expect(migrate({ schemaVersion: 2, title: 'B' }, history, 'x.json')).toEqual({ schemaVersion: 3, title: 'B', tags: [] });
  });

  it('a file without a known version is not migrated (the store reads it as damaged)', () => {
    for (const json of [null, 3, 'text', [], {}, { schemaVersion: '1' }, { schemaVersion: 0 }, { schemaVersion: 1.5 }]) {
      expect(migrate(json, history, 'x.json')).toBeNull();
    }
  });

  it('a file from a newer Margin is refused with a sentence, not treated as damaged', () => {
    expect(() => migrate({ schemaVersion: 4 }, history, 'library.json')).toThrow(NewerFormatError);
    expect(() => migrate({ schemaVersion: 4 }, history, 'library.json')).toThrow(
      'library.json was saved by a newer version of Margin (format 4); update Margin to open it.',
    );
  });

  it('a step that forgets to set its version is a bug, caught at once', () => {
    const forgetful: MigrationPath = { version: 2, steps: [(file) => ({ ...file })] };
    expect(() => migrate({ schemaVersion: 1 }, forgetful, 'x.json')).toThrow('did not set version 2');
  });
});
