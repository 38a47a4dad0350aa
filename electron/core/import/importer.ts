// The one door from the rest of the core to the importers. They parse pages with jsdom, clean
// them with DOMPurify and pick the article with Readability: about 95 MB in the main process once
// loaded, which a person who only reads never needs. So nothing outside import/ imports
// import-file.ts itself; it is loaded here, the first time something is imported.
import type * as ImportFile from './import-file';

export type { ImportContext } from './import-file';

let loading: Promise<typeof ImportFile> | null = null;

export function loadImporter(): Promise<typeof ImportFile> {
  loading ??= import('./import-file');
  return loading;
}
