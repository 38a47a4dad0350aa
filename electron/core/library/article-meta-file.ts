// Each article's folder carries its own entry of the library list (articles/<id>/meta.json, the
// same schema as the entry in library.json), written before library.json whenever the entry
// changes. The folders therefore always know at least what the list knows, and a damaged or lost
// library.json is rebuilt from them (library-rebuild.ts) instead of from an older backup.
import { unlink } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { ArticleMeta } from '../../shared/model';
import { syncFolder, type FileWriter } from './durable-write';
import { articleDir, articleMetaFile } from './files';
import { ARTICLE_META_MIGRATIONS, ARTICLE_META_SCHEMA_VERSION, articleMetaFileSchemaFor, type ArticleMetaFile } from './schemas';
import { ValidatedJsonAdapter } from './validated-json-adapter';

export interface MetaFiles {
  dataDir: string;
  writer: FileWriter;
}

const metaAdapter = (dataDir: string, id: string, writer?: FileWriter) =>
  new ValidatedJsonAdapter<ArticleMetaFile>(
    articleMetaFile(dataDir, id),
    { schema: articleMetaFileSchemaFor(id), migrations: ARTICLE_META_MIGRATIONS },
    writer === undefined ? {} : { writer },
  );

/** Writes the article's meta.json durably (checked with the schema it is read with). */
export function writeArticleMeta(files: MetaFiles, meta: ArticleMeta): Promise<void> {
  return new Low(metaAdapter(files.dataDir, meta.id, files.writer), { schemaVersion: ARTICLE_META_SCHEMA_VERSION, article: meta }).write();
}

/** The article's entry from its folder, or null when it has none that Margin can read. */
export async function readArticleMeta(dataDir: string, id: string): Promise<ArticleMeta | null> {
  try {
    return (await metaAdapter(dataDir, id).read())?.article ?? null;
  } catch {
    return null;
  }
}

/** Removes the article's meta.json durably, so a folder left by an interrupted delete is not listed again. */
export async function removeArticleMeta(dataDir: string, id: string): Promise<void> {
  try {
    await unlink(articleMetaFile(dataDir, id));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await syncFolder(articleDir(dataDir, id));
}

// Writes at once: each waits on its own fsyncs, which a disk commits together.
const WRITE_BATCH = 16;

/**
 * Writes meta.json for every article given (a library from before these files). An article
 * whose folder is gone gets none: there is nothing to rebuild it from, and opening it says so.
 */
export async function writeArticleMetas(files: MetaFiles, articles: readonly ArticleMeta[]): Promise<void> {
  const write = (meta: ArticleMeta) =>
    writeArticleMeta(files, meta).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  for (let i = 0; i < articles.length; i += WRITE_BATCH) {
    await Promise.all(articles.slice(i, i + WRITE_BATCH).map(write));
  }
}
