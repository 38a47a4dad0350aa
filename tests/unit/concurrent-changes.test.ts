// The app sends changes as the person makes them, without waiting for the one before: the reading
// position is saved while they move the article to the trash, tag it or write its note. Every one
// of those changes must be in the library afterwards; none may put back what another just changed.
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { importFile } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import type { Result } from '../../electron/shared/result';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';

const platform: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null };

const ok = (result: Result<unknown>) => expect(result.ok, result.ok ? '' : result.error).toBe(true);

describe('changes sent at the same moment', () => {
  it('saving the reading position while moving the article to the trash, tagging it and writing its note keeps all four', async () => {
    const dataDir = await tempDir();
    const lock = await acquireWriteLock(dataDir, { program: 'app' });
    try {
      const library = await Library.open(dataDir, { lock });
      const { id } = await library.addArticle(await importFile(samplePath));
      const handlers = createHandlers(library, platform);
      const answers = await Promise.all([
        handlers['article:update']({ id, progress: 0.5 }),
        handlers['article:update']({ id, state: 'trash' }),
        handlers['article:update']({ id, progress: 0.6 }),
        handlers['article:update']({ id, tags: ['frontline'] }),
        handlers['article:set-note']({ id, note: 'Read with the map open.' }),
        handlers['article:update']({ id, progress: 0.7 }),
      ]);
      for (const answer of answers) ok(answer);
      const again = await Library.open(dataDir);
      const meta = again.articles().find((a) => a.id === id);
      expect({ state: meta?.state, tags: meta?.tags, progress: meta?.progress }).toEqual({ state: 'trash', tags: ['frontline'], progress: 0.7 });
      expect(await again.articleNote(id)).toBe('Read with the map open.');
    } finally {
      await lock.release();
    }
  });
});
