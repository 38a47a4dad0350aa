// Re-imports an article from where it came from (its web address, or its file on disk) as a new
// revision, carrying every highlight to the new text.
import { UserError } from './errors';
import { importSource, type ImportContext } from './import/import-file';
import type { Library, RevisionReport } from './library/library';

export async function reimportArticle(library: Library, id: string, context: ImportContext = {}): Promise<RevisionReport> {
  const meta = library.meta(id);
  const source = meta.sourceUrl ?? meta.sourcePath;
  if (source === null) throw new UserError(`Margin does not know where “${meta.title}” came from, so it cannot import it again.`);
  // A web address is fetched whole; a file's web images only when the context asks (online).
  const article = await importSource(source, { dataDir: library.dataDir, ...context });
  return library.addRevision(id, article);
}
