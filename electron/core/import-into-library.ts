// Adds what a person chose to the library, without silent duplicates: the same file (by path)
// or the same address (ignoring the #fragment) already in the library is reported back, and
// only imported again as a new copy when the person says so.
import { resolve } from 'node:path';
import type { ImportOutcome } from '../shared/contract';
import { NO_IMAGES } from '../shared/image-summary';
import type { ArticleMeta } from '../shared/model';
import { isWebAddress } from '../shared/web-address';
import { loadImporter, type ImportContext } from './import/importer';
import type { Library } from './library/library';

export type IfExists = 'ask' | 'new' | 'update';

function sameAddress(a: string, b: string): boolean {
  try {
    const left = new URL(a);
    const right = new URL(b);
    left.hash = '';
    right.hash = '';
    return left.href === right.href;
  } catch {
    return false;
  }
}

export function findExisting(library: Library, origin: { sourceUrl?: string | null; sourcePath?: string | null }): ArticleMeta | undefined {
  return library.articles().find(
    (meta) =>
      (origin.sourcePath != null && meta.sourcePath === origin.sourcePath) ||
      (origin.sourceUrl != null && meta.sourceUrl !== null && sameAddress(meta.sourceUrl, origin.sourceUrl)),
  );
}

/**
 * @param ifExists ask: report a duplicate back; new: add a copy; update: store the page again as a
 *   new revision of the article it duplicates (keeping its highlights), or add it when there is none.
 */
export async function importIntoLibrary(library: Library, source: string, ifExists: IfExists, context: ImportContext = {}): Promise<ImportOutcome> {
  const web = isWebAddress(source);
  const asked = web ? { sourceUrl: source.trim() } : { sourcePath: resolve(source) };
  const before = ifExists === 'new' ? undefined : findExisting(library, asked);
  if (before !== undefined && ifExists === 'ask') return { status: 'exists', existing: { id: before.id, title: before.title } };
  // A file is read from what lies beside it on disk: its web images only when the context asks (online).
  const { importSource } = await loadImporter();
  const article = await importSource(source, { dataDir: library.dataDir, ...context });
  const after = ifExists === 'new' ? undefined : (before ?? findExisting(library, article.meta));
  if (after !== undefined && ifExists === 'ask') return { status: 'exists', existing: { id: after.id, title: after.title } };
  if (after !== undefined) {
    const revision = await library.addRevision(after.id, article);
    return {
      status: 'updated',
      article: { id: after.id, title: library.meta(after.id).title },
      images: article.images ?? NO_IMAGES,
      notes: article.notes ?? [],
      revision,
    };
  }
  const meta = await library.addArticle(article);
  return {
    status: 'imported',
    article: { id: meta.id, title: meta.title },
    images: article.images ?? NO_IMAGES,
    notes: article.notes ?? [],
  };
}
