// Rebuilds the library list (library.json) from the article folders when the file is damaged or
// gone. Each folder's meta.json is written before library.json on every change, so the folders hold
// every article the list held, changes included; a backup of library.json is kept only every few
// saves and would drop the newest articles. The backup still gives the settings (colour names,
// spell checking), and the entries of articles whose folders have no meta.json yet (a library
// from before those files, not yet opened for writing).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleMeta } from '../../shared/model';
import { readArticleMeta } from './article-meta-file';
import { LIBRARY_SCHEMA_VERSION, emptyLibrary, type LibraryFile } from './schemas';
import type { Rebuilder } from './stored-document';

const UUID = z.uuid();
// Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit.
const READ_BATCH = 64;

/** The names of the folders under articles/ that can be articles. */
async function articleFolderIds(dataDir: string): Promise<string[]> {
  try {
    const entries = await readdir(join(dataDir, 'articles'), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && UUID.safeParse(entry.name).success).map((entry) => entry.name);
  } catch {
    return [];
  }
}

async function metasOf(dataDir: string, ids: readonly string[]): Promise<ArticleMeta[]> {
  const found: ArticleMeta[] = [];
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const batch = await Promise.all(ids.slice(i, i + READ_BATCH).map((id) => readArticleMeta(dataDir, id)));
    for (const meta of batch) if (meta !== null) found.push(meta);
  }
  return found;
}

// The list keeps articles in the order they came in.
const byArrival = (a: ArticleMeta, b: ArticleMeta) => a.importedAt.localeCompare(b.importedAt) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

const articles = (n: number) => (n === 1 ? '1 article' : `${n.toLocaleString('en-US')} articles`);

function how(fromFolders: number, fromBackup: number, when: string | null): string {
  const list = `rebuilt the list of ${articles(fromFolders + fromBackup)} from their folders`;
  const older = fromBackup === 0 ? '' : ` (${fromBackup === 1 ? 'one' : fromBackup.toLocaleString('en-US')} as of the backup from ${when ?? ''}, as ${fromBackup === 1 ? 'its folder had' : 'their folders had'} no record yet)`;
  const settings = when === null ? 'colour names and settings start afresh' : `colour names and settings are those of the backup from ${when}`;
  return `${list}${older}; ${settings}`;
}

/** Rebuilds library.json from the folders under dataDir/articles. */
export function libraryRebuilder(dataDir: string): Rebuilder<LibraryFile> {
  return {
    available: async () => (await articleFolderIds(dataDir)).length > 0,
    async build(backup) {
      const ids = await articleFolderIds(dataDir);
      const fromFolders = await metasOf(dataDir, ids);
      const recorded = new Set(fromFolders.map((meta) => meta.id));
      const onDisk = new Set(ids);
      const fromBackup = (backup?.value.articles ?? []).filter((meta) => onDisk.has(meta.id) && !recorded.has(meta.id));
      if (fromFolders.length === 0 && fromBackup.length === 0) return null;
      const value: LibraryFile = {
        schemaVersion: LIBRARY_SCHEMA_VERSION,
        articles: [...fromFolders, ...fromBackup].sort(byArrival),
        // Folders without a record get one at the next write (Library's migration).
        foldersHoldMeta: fromBackup.length === 0,
        // A library with articles has been started: the sample is not offered again.
        settings: backup?.value.settings ?? { ...emptyLibrary().settings, sampleAdded: true },
      };
      return { value, how: how(fromFolders.length, fromBackup.length, backup?.when ?? null) };
    },
  };
}
