// Re-imports an article from where it came from as a new revision, carrying every highlight to
// the new text. "Where it came from" is the file the person picked, when there is one (a note's
// front matter may name a web address, but the person imported the note), else the web address
// the person saved; a stored address that is not http(s) is never followed.
import { isWebAddress } from '../shared/web-address';
import { UserError } from './errors';
import { loadImporter, type ImportContext } from './import/importer';
import type { Library, RevisionReport } from './library/library';

export async function reimportArticle(library: Library, id: string, context: ImportContext = {}): Promise<RevisionReport> {
  const meta = library.meta(id);
  const full = { dataDir: library.dataDir, ...context };
  const { importFile, importUrl } = await loadImporter();
  // A file's web images only when the context asks (online); a web address is fetched whole.
  if (meta.sourcePath !== null) return library.addRevision(id, await importFile(meta.sourcePath, full));
  if (meta.sourceUrl !== null && isWebAddress(meta.sourceUrl)) return library.addRevision(id, await importUrl(meta.sourceUrl.trim(), full));
  throw new UserError(`Margin does not know where “${meta.title}” came from, so it cannot import it again.`);
}
